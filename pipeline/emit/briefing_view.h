// The briefing's reference parts, computed once from the model so that every format shows
// the same thing: key people and organizations, quotes by speaker, the timeline, figures and
// the conflicts between sources, and the index of entities with their back-links.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace dossier::emit {

// A paragraph a part points at: "S2 ¶7".
struct ParagraphRef {
  std::string source;  // S2
  std::string block;   // S2-p7
  std::string label;   // "S2 ¶7"
};

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
  std::vector<EntityEntry> key_entities;  // people and organizations, most mentioned first
  std::vector<SpeakerQuotes> quotes;      // speakers in order of their first quotation
  std::vector<TimelineEntry> timeline;    // dated entries only, in date order
  std::vector<const model::Figure*> figures;
  std::vector<ConflictEntry> conflicts;
  std::vector<EntityEntry> index;  // every entity, alphabetical
  // Entity mentions per block id, for linking names in the text (in text order).
  std::unordered_map<std::string,
                     std::vector<std::pair<const model::Mention*, const model::Entity*>>>
      mentions_in;

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
