#include "emit/piece_cache.h"

#include "emit/briefing_view.h"
#include "model/little_endian.h"
#include "model/parallel.h"
#include "model/serialize.h"

namespace dossier::emit {

namespace {

// A record in the pack: the piece's stamped key (16 bytes), a check of the piece (8 bytes,
// XXH3-64), then the piece. A record whose key or check does not match is a miss.
constexpr std::size_t kRecordHeader = 24;

std::uint64_t check_of(std::string_view piece) {
  return XXH3_64bits(piece.data(), piece.size());
}

model::Digest program_digest() {
  model::Digester d;
  d.add_field(DOSSIER_VERSION);
  d.add_field(model::program_identity());
  return d.value();
}

// Every block of a chapter, the nested ones too, in reading order.
template <class Visit>
void for_each_block(const std::vector<model::Block>& blocks, const Visit& visit) {
  for (const auto& block : blocks) {
    visit(block);
    for_each_block(block.children, visit);
  }
}

// The words shown to readers, which every chapter and part key holds.
void add_words(model::Digester& d, const Words& words) {
  d.add_number(words.all().size());
  for (const auto& [key, word] : words.all()) {
    d.add_field(key);
    d.add_field(word);
  }
}

}  // namespace

PieceCache::PieceCache(std::filesystem::path folder)
    : program_(program_digest()), pack_(std::in_place, std::move(folder), "pieces.pack") {}

model::Digest PieceCache::stamped(const model::Digest& key) const {
  model::Digester d;
  d.add(program_);
  d.add(key);
  return d.value();
}

std::optional<std::string> PieceCache::find(const model::Digest& key, PieceKind kind) {
  std::atomic<std::size_t>& hits = hits_[index(kind)];
  std::atomic<std::size_t>& misses = misses_[index(kind)];
  const model::Digest at = stamped(key);
  if (!pack_) {
    std::lock_guard lock(mutex_);
    auto it = used_.find(at);
    if (it == used_.end()) {
      const auto old = entries_.find(at);
      if (old == entries_.end()) {
        ++misses;
        return std::nullopt;
      }
      it = used_.emplace(at, std::move(old->second)).first;
      entries_.erase(old);
    }
    ++hits;
    return it->second;
  }
  if (auto record = pack_->find(at.low)) {
    const std::string_view bytes(*record);
    if (bytes.size() >= kRecordHeader && model::read_le(bytes) == at.low &&
        model::read_le(bytes.substr(8)) == at.high &&
        model::read_le(bytes.substr(16)) == check_of(bytes.substr(kRecordHeader))) {
      ++hits;
      pack_->reuse(at.low);
      return std::string(bytes.substr(kRecordHeader));
    }
  }
  ++misses;
  return std::nullopt;
}

void PieceCache::store(const model::Digest& key, std::string_view piece) {
  const model::Digest at = stamped(key);
  if (!pack_) {
    std::lock_guard lock(mutex_);
    used_.insert_or_assign(at, std::string(piece));
    return;
  }
  std::string header;
  model::append_le(header, at.low);
  model::append_le(header, at.high);
  model::append_le(header, check_of(piece));
  pack_->keep(at.low, header, piece);
}

void PieceCache::prune() {
  if (pack_) {
    pack_->commit();
    return;
  }
  std::lock_guard lock(mutex_);
  entries_ = std::move(used_);
  used_.clear();
}

std::vector<model::Digest> digest_sources(const model::Briefing& briefing, unsigned threads) {
  std::vector<model::Digest> digests(briefing.sources.size());
  model::parallel_for(digests.size(), threads, [&](std::size_t i) {
    model::Digester d;
    model::digest_source(d, briefing.sources[i]);
    digests[i] = d.value();
  });
  return digests;
}

model::Digest chapter_key(const EmitOptions& options, const model::Briefing& briefing,
                          std::size_t index, const BriefingView* view, std::string_view context) {
  const model::Source& source = briefing.sources[index];
  model::Digester d;
  d.add_field(context);
  if (options.source_digests && index < options.source_digests->size()) {
    d.add((*options.source_digests)[index]);
  } else {
    model::Digester own;
    model::digest_source(own, source);
    d.add(own.value());
  }
  add_words(d, options.words);
  if (view) {
    if (options.link_digests && index < options.link_digests->size()) {
      d.add((*options.link_digests)[index]);
    } else {
      d.add(links_digest(source, *view));
    }
  }
  return d.value();
}

model::Digest links_digest(const model::Source& source, const BriefingView& view) {
  model::Digester d;
  for_each_block(source.blocks, [&](const model::Block& block) {
    const auto it = view.mentions_in.find(block.id);
    if (it == view.mentions_in.end()) return;
    d.add_field(block.id);
    d.add_number(it->second.size());
    for (const auto& [mention, entity] : it->second) {
      d.add_number(static_cast<std::uint64_t>(mention->start));
      d.add_number(static_cast<std::uint64_t>(mention->end));
      d.add_field(index_anchor(*entity));
    }
  });
  return d.value();
}

PartsDigests parts_digests(const BriefingView& view) {
  model::Digester people, quotes, timeline, figures, index;
  const auto add_entry = [](model::Digester& d, const EntityEntry& entry) {
    model::digest_value(d, *entry.entity);
    d.add_number(entry.paragraphs.size());
    for (const ParagraphRef& ref : entry.paragraphs) d.add_field(ref.block);
  };
  const auto add_numbers = [](model::Digester& d, const std::vector<std::size_t>& numbers) {
    d.add_number(numbers.size());
    for (const std::size_t n : numbers) d.add_number(n);
  };
  people.add_number(view.key_entities.size());
  for (const EntityEntry* entry : view.key_entities) add_entry(people, *entry);
  add_numbers(people, view.key_entity_pieces);
  quotes.add_number(view.quotes.size());
  for (const SpeakerQuotes& group : view.quotes) {
    quotes.add_number(group.speaker != nullptr);
    if (group.speaker) model::digest_value(quotes, *group.speaker);
    quotes.add_number(group.quotes.size());
    for (const model::Quote* quote : group.quotes) model::digest_value(quotes, *quote);
  }
  add_numbers(quotes, view.quote_starts);
  timeline.add_number(view.timeline.size());
  for (const TimelineEntry& entry : view.timeline) {
    model::digest_value(timeline, *entry.date);
    timeline.add_field(entry.at.block);
  }
  figures.add_number(view.figures.size());
  for (const model::Figure* figure : view.figures) model::digest_value(figures, *figure);
  figures.add_number(view.conflicts.size());
  for (const ConflictEntry& entry : view.conflicts) {
    model::digest_value(figures, *entry.conflict);
    figures.add_number(entry.figures.size());
    for (const model::Figure* figure : entry.figures) model::digest_value(figures, *figure);
  }
  index.add_number(view.index.size());
  for (const EntityEntry& entry : view.index) add_entry(index, entry);
  add_numbers(index, view.index_pieces);
  return {people.value(), quotes.value(), timeline.value(), figures.value(), index.value()};
}

model::Digest part_key(const EmitOptions& options, const BriefingView& view, ReferencePart part,
                       std::string_view context) {
  model::Digester d;
  d.add_field(context);
  const auto n = static_cast<std::size_t>(part);
  d.add_number(n);
  d.add(options.parts_digests ? (*options.parts_digests)[n] : parts_digests(view)[n]);
  add_words(d, options.words);
  return d.value();
}

std::vector<model::Digest> digest_links(const model::Briefing& briefing, const BriefingView& view,
                                        unsigned threads) {
  std::vector<model::Digest> digests(briefing.sources.size());
  model::parallel_for(digests.size(), threads,
                      [&](std::size_t i) { digests[i] = links_digest(briefing.sources[i], view); });
  return digests;
}

}  // namespace dossier::emit
