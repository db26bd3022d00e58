#include "cli/source_cache.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "cli/read_text.h"
#include "model/fnv1a.h"

namespace dossier::cli {

namespace {

void add_field(std::string& key, const std::optional<std::string>& value) {
  key += value ? "+" + *value : "-";
  key += '\x1f';
}

}  // namespace

std::string settings_fingerprint(const Job& job, const std::filesystem::path& data,
                                 bool ascii_punctuation, std::size_t max_source_size) {
  std::string print = std::string(DOSSIER_VERSION) + '\x1f' +
                      (ascii_punctuation ? "ascii" : "typographic") + '\x1f' +
                      std::to_string(max_source_size) + '\x1f';
  std::vector<std::filesystem::path> files = {data / "config" / "boilerplate.yaml",
                                              data / "config" / "entities.yaml"};
  if (job.boilerplate) files.push_back(*job.boilerplate);
  files.insert(files.end(), job.entities.begin(), job.entities.end());
  files.insert(files.end(), job.data_files.begin(), job.data_files.end());
  for (const auto& value : job.data_values) print += "set:" + value + '\x1f';
  for (const auto& f : files) {
    const std::string bytes = read_text(f).value_or("");
    print += f.filename().string() + ':' + std::to_string(std::hash<std::string>{}(bytes)) + '\x1f';
  }
  return print;
}

std::optional<std::string> SourceCache::key_for(const SourceSpec& spec, std::size_t index) {
  const std::optional<std::string> read = read_text(spec.path);
  if (!read) return std::nullopt;
  const std::string& bytes = *read;
  std::string key = std::to_string(index) + '\x1f' + spec.display_path + '\x1f' +
                    spec.path.string() + '\x1f' + std::to_string(bytes.size()) + '\x1f' +
                    std::to_string(std::hash<std::string>{}(bytes)) + '\x1f';
  const model::SourceMeta& g = spec.given;
  for (const auto* field : {&g.title, &g.subtitle, &g.outlet, &g.date, &g.url, &g.language,
                            &g.translated_from, &g.category, &g.original_title}) {
    add_field(key, *field);
  }
  for (const auto& a : g.authors) add_field(key, a);
  return key;
}

namespace {
// The running program's size and modification time: a dossier rebuilt at the same version (a
// developer's) must not reuse results that an older build of it made.
std::string program_identity() {
  struct stat st {};
  if (::stat("/proc/self/exe", &st) != 0) return {};
  return "program:" + std::to_string(st.st_size) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
         std::to_string(st.st_mtim.tv_nsec);
}
}  // namespace

SourceCache::SourceCache(std::filesystem::path folder, std::string fingerprint)
    : folder_(std::move(folder)), fingerprint_(std::move(fingerprint) + program_identity()) {
  read_index();
}

SourceCache::~SourceCache() {
  if (old_pack_ >= 0) ::close(old_pack_);
  if (new_pack_) {
    std::fclose(new_pack_);
    std::error_code ec;
    std::filesystem::remove(new_pack_path_, ec);
  }
}

namespace {

// The pack: this magic, then records, each a 16-byte header (the key's hash and the record's
// size, little-endian) and the record (model::write_source, which carries its key and a
// checksum). A torn or foreign tail ends the index; a damaged record fails its own check.
constexpr std::string_view kPackMagic = "dossier-pack-1\n";
constexpr std::size_t kHeaderSize = 16;

void put64(unsigned char* at, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) at[i] = static_cast<unsigned char>(v >> (8 * i));
}

std::uint64_t get64(const unsigned char* at) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = v << 8 | at[i];
  return v;
}

bool read_at(int fd, void* into, std::size_t size, std::uint64_t offset) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd, static_cast<char*>(into) + done, size - done,
                              static_cast<off_t>(offset + done));
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::filesystem::path SourceCache::pack_path() const {
  return *folder_ / "sources.pack";
}

void SourceCache::read_index() {
  old_pack_ = ::open(pack_path().c_str(), O_RDONLY | O_CLOEXEC);
  if (old_pack_ < 0) return;
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(pack_path(), ec);
  char magic[kPackMagic.size()];
  if (ec || !read_at(old_pack_, magic, sizeof magic, 0) ||
      std::string_view(magic, sizeof magic) != kPackMagic) {
    return;
  }
  std::uint64_t at = kPackMagic.size();
  unsigned char header[kHeaderSize];
  while (at + kHeaderSize <= size && read_at(old_pack_, header, kHeaderSize, at)) {
    const std::uint64_t hash = get64(header), length = get64(header + 8);
    if (length > size - at - kHeaderSize) break;
    index_.try_emplace(hash, Place{at + kHeaderSize, length});
    at += kHeaderSize + length;
  }
}

std::uint64_t SourceCache::hash_of(const std::string& key) const {
  // FNV-1a of fingerprint and key: a collision only costs a miss, as the record keeps its key.
  model::Fnv1a h;
  for (const std::string* part : {&fingerprint_, &key}) {
    h.add(*part);
    h.add(0x1e);
  }
  return h.value();
}

void SourceCache::append(std::uint64_t hash, std::string_view record) {
  if (new_pack_failed_) return;
  if (!new_pack_) {
    std::error_code ec;
    std::filesystem::create_directories(*folder_, ec);
    new_pack_path_ = *folder_ / ("sources.pack.tmp" + std::to_string(::getpid()));
    new_pack_ = ec ? nullptr : std::fopen(new_pack_path_.c_str(), "wb");
    if (!new_pack_ ||
        std::fwrite(kPackMagic.data(), 1, kPackMagic.size(), new_pack_) != kPackMagic.size()) {
      new_pack_failed_ = true;  // a cache that cannot be written only makes the next build slower
      return;
    }
  }
  unsigned char header[kHeaderSize];
  put64(header, hash);
  put64(header + 8, record.size());
  if (std::fwrite(header, 1, kHeaderSize, new_pack_) != kHeaderSize ||
      std::fwrite(record.data(), 1, record.size(), new_pack_) != record.size()) {
    new_pack_failed_ = true;
  }
}

std::optional<SourceCache::Entry> SourceCache::find(const std::string& key) {
  if (!folder_) {
    std::lock_guard lock(mutex_);
    if (const auto it = entries_.find(key); it != entries_.end()) {
      ++hits_;
      return it->second;
    }
    ++misses_;
    return std::nullopt;
  }
  const std::uint64_t hash = hash_of(key);
  if (const auto it = index_.find(hash); it != index_.end()) {
    std::string bytes(it->second.size, '\0');
    if (read_at(old_pack_, bytes.data(), bytes.size(), it->second.offset)) {
      if (auto record = model::read_source(bytes, std::string_view(fingerprint_ + '\x1e' + key))) {
        std::lock_guard lock(mutex_);
        ++hits_;
        append(hash, bytes);
        return record;
      }
    }
  }
  std::lock_guard lock(mutex_);
  ++misses_;
  return std::nullopt;
}

void SourceCache::store(const std::string& key, const Entry& entry) {
  if (!folder_) {
    std::lock_guard lock(mutex_);
    entries_[key] = entry;
    return;
  }
  // On disk only: a build reads each source's entry once, so a copy in memory would only
  // hold a second briefing's worth of sources until the build ends.
  const std::string record = model::write_source(entry, fingerprint_ + '\x1e' + key);
  std::lock_guard lock(mutex_);
  append(hash_of(key), record);
}

void SourceCache::prune() {
  std::lock_guard lock(mutex_);
  if (!folder_) return;
  std::error_code ec;
  if (new_pack_) {
    // Without the fsync outputs get: a pack torn by a crash fails its records' own checks
    // and counts as misses.
    const bool written = std::fclose(new_pack_) == 0 && !new_pack_failed_;
    new_pack_ = nullptr;
    if (written) std::filesystem::rename(new_pack_path_, pack_path(), ec);
    if (!written || ec) std::filesystem::remove(new_pack_path_, ec);
  } else if (!new_pack_failed_) {
    std::filesystem::remove(pack_path(), ec);  // this build had no sources to keep
  }
  // Results of older versions (one file per source), and packs that builds which were
  // stopped left half-written.
  constexpr std::string_view kTemp = "sources.pack.tmp";
  for (std::filesystem::directory_iterator it(*folder_, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    bool stale = it->path().extension() == ".dsrc";
    if (name.starts_with(kTemp)) {
      const long pid = std::strtol(name.c_str() + kTemp.size(), nullptr, 10);
      stale = pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
    }
    if (stale) std::filesystem::remove(it->path(), ec);
  }
}

void SourceCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace dossier::cli
