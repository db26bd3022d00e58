#include "model/record_pack.h"

#include "model/little_endian.h"

#define XXH_STATIC_LINKING_ONLY
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <utility>
#include <vector>

namespace dossier::model {

namespace {

// The pack: this magic, then records, each a 16-byte header (the hash and the record's size,
// little-endian) and the record. A finished build's last record is its index: under
// kIndexHash, the hash, offset and size of each record it used, a check (XXH3-64) of those,
// the index record's own offset and kIndexTail, so the index is read from the file's end.
// A pack without an index at its end (a build stopped, a torn file, an older dossier's pack)
// is read record by record: the last index found rules, and without one every record counts.
constexpr std::string_view kPackMagic = "dossier-pack-1\n";
constexpr std::size_t kHeaderSize = 16;
constexpr std::uint64_t kIndexHash = 0x7865646e692d6b70;  // "pk-index"
constexpr std::string_view kIndexTail = "pack-ix\n";
constexpr std::size_t kIndexEntrySize = 24;
constexpr std::size_t kIndexTrailerSize = 8 + 8 + kIndexTail.size();  // check, offset, tail
constexpr std::size_t kWriteBuffer = std::size_t{1} << 20;

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

bool write_at(int fd, std::string_view bytes, std::uint64_t offset) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n =
        ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Copies `size` bytes at `from` in `in` to `to` in `out`, in the kernel where it can.
bool copy_range(int in, std::uint64_t from, int out, std::uint64_t to, std::uint64_t size) {
  auto in_at = static_cast<off_t>(from), out_at = static_cast<off_t>(to);
  while (size > 0) {
    const ssize_t n = ::copy_file_range(in, &in_at, out, &out_at, size, 0);
    if (n <= 0) break;
    size -= static_cast<std::uint64_t>(n);
  }
  std::string chunk;
  while (size > 0) {  // copy_file_range refused (another file system, an old kernel)
    chunk.resize(static_cast<std::size_t>(std::min<std::uint64_t>(size, kWriteBuffer)));
    if (!read_at(in, chunk.data(), chunk.size(), static_cast<std::uint64_t>(in_at)) ||
        !write_at(out, chunk, static_cast<std::uint64_t>(out_at))) {
      return false;
    }
    in_at += static_cast<off_t>(chunk.size());
    out_at += static_cast<off_t>(chunk.size());
    size -= chunk.size();
  }
  return true;
}

std::string header_of(std::uint64_t hash, std::uint64_t size) {
  std::string header;
  append_le(header, hash);
  append_le(header, size);
  return header;
}

}  // namespace

// An index record's body (its header left out), found at `at`: its entries, if it checks.
bool RecordPack::parse_index(std::string_view body, std::uint64_t at, Index& into) {
  if (body.size() < kIndexTrailerSize || (body.size() - kIndexTrailerSize) % kIndexEntrySize != 0 ||
      !body.ends_with(kIndexTail)) {
    return false;
  }
  const std::string_view entries = body.substr(0, body.size() - kIndexTrailerSize);
  if (read_le(body.substr(entries.size())) != XXH3_64bits(entries.data(), entries.size()) ||
      read_le(body.substr(entries.size() + 8)) != at) {
    return false;
  }
  into.clear();
  into.reserve(entries.size() / kIndexEntrySize);
  for (std::size_t i = 0; i < entries.size(); i += kIndexEntrySize) {
    const std::uint64_t offset = read_le(entries.substr(i + 8)),
                        size = read_le(entries.substr(i + 16));
    // Every record lies between the magic and the index.
    if (offset < kPackMagic.size() + kHeaderSize || offset > at || size > at - offset) return false;
    into.insert_or_assign(read_le(entries.substr(i)), Place{offset, size});
  }
  return true;
}

std::string program_identity() {
  struct stat st {};
  if (::stat("/proc/self/exe", &st) != 0) return {};
  return "program:" + std::to_string(st.st_size) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
         std::to_string(st.st_mtim.tv_nsec);
}

RecordPack::RecordPack(std::filesystem::path folder, std::string name)
    : folder_(std::move(folder)), name_(std::move(name)) {
  open_existing();
}

RecordPack::~RecordPack() {
  // An unfinished build: the pack goes back to where the last finished one left it.
  if (appending_) static_cast<void>(::ftruncate(fd_, static_cast<off_t>(old_end_)));
  if (fd_ >= 0) ::close(fd_);
  if (new_pack_) {
    std::error_code ec;
    std::filesystem::remove(new_pack_path_, ec);
  }
}

void RecordPack::open_existing() {
  // The lock belongs to the file at the path: a build that locked a pack another build has
  // since replaced (by a compacted one) opens the new one.
  for (int attempt = 0; attempt < 3 && fd_ < 0; ++attempt) {
    fd_ = ::open(path().c_str(), O_RDWR | O_CLOEXEC);
    if (fd_ < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
      fd_ = ::open(path().c_str(), O_RDONLY | O_CLOEXEC);
      read_only_ = fd_ >= 0;
    }
    if (fd_ < 0 || read_only_) break;
    // Taken by another build: read only. A file system without locks (an error other than
    // EWOULDBLOCK) leaves this build appending unguarded rather than never keeping anything.
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
      read_only_ = true;
      break;
    }
    struct stat opened {
    }, current{};
    if (::fstat(fd_, &opened) == 0 && ::stat(path().c_str(), &current) == 0 &&
        opened.st_dev == current.st_dev && opened.st_ino == current.st_ino) {
      break;
    }
    ::close(fd_);
    fd_ = -1;
  }
  if (fd_ < 0) return;
  struct stat st {};
  char magic[kPackMagic.size()];
  if (::fstat(fd_, &st) != 0 || !read_at(fd_, magic, sizeof magic, 0) ||
      std::string_view(magic, sizeof magic) != kPackMagic) {
    // Not a pack: a build that holds the lock writes a new one in its place.
    ::close(fd_);
    fd_ = -1;
    return;
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (!read_index_from_end(size)) scan_records(size);
  if (!read_only_) {
    appending_ = true;
    end_ = old_end_;
    // What a stopped build appended after the last index.
    if (old_end_ < size) static_cast<void>(::ftruncate(fd_, static_cast<off_t>(old_end_)));
  }
}

bool RecordPack::read_index_from_end(std::uint64_t size) {
  if (size < kPackMagic.size() + kHeaderSize + kIndexTrailerSize) return false;
  char tail[16];
  if (!read_at(fd_, tail, sizeof tail, size - sizeof tail) ||
      std::string_view(tail + 8, 8) != kIndexTail) {
    return false;
  }
  const std::uint64_t at = read_le(std::string_view(tail, 8));
  if (at < kPackMagic.size() || at > size - kHeaderSize - kIndexTrailerSize) return false;
  char header[kHeaderSize];
  if (!read_at(fd_, header, kHeaderSize, at)) return false;
  const std::string_view fields(header, kHeaderSize);
  if (read_le(fields) != kIndexHash || read_le(fields.substr(8)) != size - at - kHeaderSize) {
    return false;
  }
  std::string body(size - at - kHeaderSize, '\0');
  if (!read_at(fd_, body.data(), body.size(), at + kHeaderSize) || !parse_index(body, at, index_)) {
    index_.clear();
    return false;
  }
  old_end_ = size;
  return true;
}

void RecordPack::scan_records(std::uint64_t size) {
  Index since_last_index, last_index;
  bool have_index = false;
  std::uint64_t at = kPackMagic.size(), index_end = 0;
  char header[kHeaderSize];
  while (at + kHeaderSize <= size && read_at(fd_, header, kHeaderSize, at)) {
    const std::string_view fields(header, kHeaderSize);
    const std::uint64_t hash = read_le(fields), length = read_le(fields.substr(8));
    if (length > size - at - kHeaderSize) break;
    if (hash == kIndexHash) {
      std::string body(length, '\0');
      if (read_at(fd_, body.data(), body.size(), at + kHeaderSize) &&
          parse_index(body, at, last_index)) {
        have_index = true;
        index_end = at + kHeaderSize + length;
        since_last_index.clear();
      }
    } else {
      // A later record under the same hash replaces an earlier one.
      since_last_index.insert_or_assign(hash, Place{at + kHeaderSize, length});
    }
    at += kHeaderSize + length;
  }
  if (have_index) {  // records after it were kept by a build that did not finish
    index_ = std::move(last_index);
    old_end_ = index_end;
  } else {
    index_ = std::move(since_last_index);
    old_end_ = at;
  }
}

std::optional<std::string> RecordPack::find(std::uint64_t hash) const {
  const auto it = index_.find(hash);
  if (it == index_.end()) return std::nullopt;
  std::string bytes(it->second.size, '\0');
  if (!read_at(fd_, bytes.data(), bytes.size(), it->second.offset)) return std::nullopt;
  return bytes;
}

void RecordPack::reuse(std::uint64_t hash) {
  const auto it = index_.find(hash);
  if (it == index_.end()) return;
  std::lock_guard lock(mutex_);
  live_.try_emplace(hash, it->second);
}

bool RecordPack::start_new_pack() {
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  if (ec) return false;
  new_pack_path_ = temp_path();
  // Only without an old pack to append to (none, or not a pack): fd_ is not open.
  fd_ = ::open(new_pack_path_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) return false;
  new_pack_ = true;
  end_ = 0;
  append(kPackMagic);
  return !failed_;
}

void RecordPack::append(std::string_view bytes) {
  if (pending_.size() + bytes.size() > kWriteBuffer && !flush()) return;
  if (bytes.size() > kWriteBuffer) {
    if (!write_at(fd_, bytes, end_)) failed_ = true;
  } else {
    pending_.append(bytes);
  }
  end_ += bytes.size();
}

bool RecordPack::flush() {
  if (!pending_.empty() && !write_at(fd_, pending_, end_ - pending_.size())) failed_ = true;
  pending_.clear();
  return !failed_;
}

void RecordPack::keep(std::uint64_t hash, std::string_view head, std::string_view tail) {
  std::lock_guard lock(mutex_);
  if (failed_ || read_only_ || hash == kIndexHash) return;
  if (!appending_ && !new_pack_ && !start_new_pack()) {
    failed_ = true;
    return;
  }
  const std::uint64_t size = head.size() + tail.size();
  append(header_of(hash, size));
  const std::uint64_t at = end_;
  append(head);
  append(tail);
  live_.insert_or_assign(hash, Place{at, size});
}

std::filesystem::path RecordPack::temp_path() const {
  return folder_ / (temp_prefix() + std::to_string(::getpid()));
}

// In the order of the records, so the same build writes the same index and copies in order.
RecordPack::Entries RecordPack::in_file_order(const Index& records) {
  Entries entries(records.begin(), records.end());
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.second.offset < b.second.offset; });
  return entries;
}

bool RecordPack::write_index(int fd, std::uint64_t at, const Entries& entries) {
  std::string body;
  body.reserve(entries.size() * kIndexEntrySize + kIndexTrailerSize);
  for (const auto& [hash, place] : entries) {
    append_le(body, hash);
    append_le(body, place.offset);
    append_le(body, place.size);
  }
  append_le(body, XXH3_64bits(body.data(), body.size()));
  append_le(body, at);
  body += kIndexTail;
  return write_at(fd, header_of(kIndexHash, body.size()) + body, at) &&
         ::ftruncate(fd, static_cast<off_t>(at + kHeaderSize + body.size())) == 0;
}

bool RecordPack::compacted(std::uint64_t live_bytes) {
  const std::filesystem::path temp = temp_path();
  const int out = ::open(temp.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0) return false;
  Entries moved = in_file_order(live_);  // then each moved to its place in the new pack
  bool ok = write_at(out, kPackMagic, 0);
  std::uint64_t at = kPackMagic.size();
  for (auto& [hash, place] : moved) {
    if (!ok) break;
    ok = write_at(out, header_of(hash, place.size), at) &&
         copy_range(fd_, place.offset, out, at + kHeaderSize, place.size);
    place.offset = at + kHeaderSize;
    at += kHeaderSize + place.size;
  }
  ok = ok && at == live_bytes && write_index(out, at, moved);
  std::error_code ec;
  if (ok) std::filesystem::rename(temp, path(), ec);
  ::close(out);
  if (!ok || ec) std::filesystem::remove(temp, ec);
  return ok && !ec;
}

void RecordPack::commit() {
  std::lock_guard lock(mutex_);
  std::error_code ec;
  if (!read_only_ && !failed_ && (appending_ || new_pack_)) flush();
  if (read_only_) {
    // Another build holds the pack: it decides what the next build sees.
  } else if (failed_) {
    if (appending_) static_cast<void>(::ftruncate(fd_, static_cast<off_t>(old_end_)));
  } else if (live_.empty()) {
    std::filesystem::remove(path(), ec);  // this build had nothing to keep
  } else {
    std::uint64_t live_bytes = kPackMagic.size();
    for (const auto& [hash, place] : live_) live_bytes += kHeaderSize + place.size;
    // Dead records (of sources and chapters no longer built) are copied away once they
    // outweigh half of the live ones: the pack stays within one and a half builds' worth.
    const bool compact = appending_ && end_ - live_bytes > live_bytes / 2 && compacted(live_bytes);
    if (!compact && write_index(fd_, end_, in_file_order(live_)) && new_pack_) {
      std::filesystem::rename(new_pack_path_, path(), ec);
      if (!ec) new_pack_ = false;
    }
  }
  appending_ = false;  // the pack is as this build leaves it
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (new_pack_) std::filesystem::remove(new_pack_path_, ec);
  new_pack_ = false;
  live_.clear();
  delete_stale_new_packs();
}

void RecordPack::delete_stale_new_packs() {
  // New packs that stopped builds left half-written (their process is gone).
  std::error_code ec;
  const std::string temp = temp_prefix();
  for (std::filesystem::directory_iterator it(folder_, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(temp)) continue;
    const long pid = std::strtol(name.c_str() + temp.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::filesystem::remove(it->path(), ec);
    }
  }
}

}  // namespace dossier::model
