// The rendered chapters of earlier builds (and the JSON's source objects), so a rebuild after
// one source changed renders only that source's chapters again and copies the rest. A chapter is
// found by a digest of everything its rendering reads: every field of its source (its images too),
// the names linked in it with their index entries, the words and templates, the format and
// dossier's build; so a piece found is the piece a clean build would render. In memory (dossier
// watch) or as a pack in the build cache folder beside the sources' (OUTPUT/.dossier-cache).
// Thread-safe: the formats are written on threads of their own.
#pragma once

#include <array>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "emit/emit.h"
#include "model/digest.h"
#include "model/record_pack.h"

namespace dossier::emit {

// What a piece is, for the counts: a source's chapter (or its JSON object), a piece of a
// reference part (an HTML slice, an EPUB file, the PDF's pages of a part), or one of the
// PDF's compressed object streams.
enum class PieceKind { Chapter, Part, ObjectStream };

class PieceCache {
 public:
  PieceCache() = default;  // in memory
  // Opens `folder`'s pack of pieces, if there is one.
  explicit PieceCache(std::filesystem::path folder);

  std::optional<std::string> find(const model::Digest& key, PieceKind kind = PieceKind::Chapter);
  void store(const model::Digest& key, std::string_view piece);
  // A piece found that could not be used after all (a PDF source's pages that land on other
  // pages now): counted as rendered.
  void reject(PieceKind kind = PieceKind::Chapter) {
    --hits_[index(kind)];
    ++misses_[index(kind)];
  }
  // Keeps the pieces this build found or stored, and no others.
  void prune();

  std::size_t hits(PieceKind kind = PieceKind::Chapter) const { return hits_[index(kind)]; }
  std::size_t misses(PieceKind kind = PieceKind::Chapter) const { return misses_[index(kind)]; }
  void reset_counts() {
    for (std::size_t k = 0; k < kKinds; ++k) hits_[k] = misses_[k] = 0;
  }

 private:
  model::Digest stamped(const model::Digest& key) const;

  model::Digest program_;  // dossier's version and build: another build's pieces are not used
  std::optional<model::RecordPack> pack_;
  std::mutex mutex_;  // guards the maps
  std::unordered_map<model::Digest, std::string, model::DigestHash> entries_, used_;
  static constexpr std::size_t kKinds = 3;
  static std::size_t index(PieceKind kind) { return static_cast<std::size_t>(kind); }
  std::array<std::atomic<std::size_t>, kKinds> hits_{}, misses_{};  // by kind
};

// Each source's digest (model::digest_source), on up to `threads` threads.
std::vector<model::Digest> digest_sources(const model::Briefing& briefing, unsigned threads);

// A digest of the names linked in `source`'s blocks and the index entries they link to.
model::Digest links_digest(const model::Source& source, const BriefingView& view);
// Every source's links_digest, on up to `threads` threads.
std::vector<model::Digest> digest_links(const model::Briefing& briefing, const BriefingView& view,
                                        unsigned threads);

// A digest of everything each reference part shows from `view`: the key entities, the quotes
// by speaker, the timeline, the figures with their conflicts, the index (every field of every
// record listed, the paragraphs each points to, the pieces the part is cut into). A rebuild
// whose sources changed nothing a part shows finds that part among the pieces.
PartsDigests parts_digests(const BriefingView& view);

// The key of a reference part in a format: `context` names the format and whatever else
// shapes the part there (the PDF's page and fonts, the EPUB's files), with the part's digest
// and the words.
model::Digest part_key(const EmitOptions& options, const BriefingView& view, ReferencePart part,
                       std::string_view context);

// The key of source `index`'s chapter in a format: `context` names the format and everything
// besides the source that shapes its chapters there (a template's rendering, an indentation);
// with `view`, the names linked in the chapter and the entries they link to are part of it.
model::Digest chapter_key(const EmitOptions& options, const model::Briefing& briefing,
                          std::size_t index, const BriefingView* view, std::string_view context);

}  // namespace dossier::emit
