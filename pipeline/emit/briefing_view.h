// The briefing's reference parts, computed once from the model so that every format shows
// the same thing: key people and organizations, quotes by speaker, the timeline, figures and
// the conflicts between sources, and the index of entities with their back-links.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace dossier::emit {

// A paragraph a part points at, by its block id (S2-p7): a view of the briefing's own string,
// from which its source (S2) and label ("S2 ¶7") are made when a part is written. The three as
// strings took 96 bytes a reference, 86 MB for the index of 10,000 articles.
struct ParagraphRef {
  std::string_view block;
  std::string source() const;
  std::string label() const;
};

// `block_id` must outlive the reference (an id in the briefing).
ParagraphRef paragraph_ref(const std::string& block_id);

struct EntityEntry {
  const model::Entity* entity = nullptr;
  std::vector<ParagraphRef> paragraphs;  // each paragraph once, in reading order
};

struct SpeakerQuotes {
  const model::Entity* speaker = nullptr;  // none: quotations with no known speaker
  std::vector<const model::Quote*> quotes;
};

struct TimelineEntry {
  const model::DateMention* date = nullptr;
  ParagraphRef at;
};

struct ConflictEntry {
  const model::Conflict* conflict = nullptr;
  std::vector<const model::Figure*> figures;
};

struct BriefingView {
  // People and organizations, most mentioned first: their entries in `index` (a copy of each
  // entry's paragraphs doubled the view, 60 MB for 10,000 articles; so a view is not copied).
  std::vector<const EntityEntry*> key_entities;
  std::vector<SpeakerQuotes> quotes;  // speakers in order of their first quotation
  // The quotations one after another, speaker by speaker: speaker g's first is number
  // quote_starts[g], and quote_starts.back() is how many there are (the HTML and EPUB list
  // them so, and split a long speaker's over files).
  std::vector<std::size_t> quote_starts;
  std::vector<TimelineEntry> timeline;  // dated entries only, in date order
  std::vector<const model::Figure*> figures;
  std::vector<ConflictEntry> conflicts;
  std::vector<EntityEntry> index;  // every entity, alphabetical
  // The key entities' and the index's entries in pieces of at most kPieceLinks paragraph links
  // (an EPUB file holds whole pieces, so a name mentioned in tens of thousands of paragraphs
  // runs on over files): entry e's first piece is number starts[e], and starts.back() is how
  // many there are.
  static constexpr std::size_t kPieceLinks = 2048;
  std::vector<std::size_t> key_entity_pieces;
  std::vector<std::size_t> index_pieces;
  // Entity mentions per block id, for linking names in the text (in text order).
  std::unordered_map<std::string,
                     std::vector<std::pair<const model::Mention*, const model::Entity*>>>
      mentions_in;

  BriefingView() = default;
  BriefingView(const BriefingView&) = delete;
  BriefingView& operator=(const BriefingView&) = delete;
  BriefingView(BriefingView&&) = default;
  BriefingView& operator=(BriefingView&&) = default;

  bool empty() const {
    return key_entities.empty() && quotes.empty() && timeline.empty() && figures.empty() &&
           index.empty();
  }
};

// The view of `briefing`, made on up to `threads` threads (0: one per core); the same view
// whatever the number.
BriefingView make_view(const model::Briefing& briefing, unsigned threads = 1);

// The view `shared` holds, or one made now (kept in `made`) when it holds none.
const BriefingView& view_for(const model::Briefing& briefing,
                             const std::shared_ptr<const BriefingView>& shared,
                             std::optional<BriefingView>& made);

// The anchor id of an entity's index entry ("E-vladimir-putin" is already one).
inline const std::string& index_anchor(const model::Entity& e) {
  return e.id;
}

}  // namespace dossier::emit
