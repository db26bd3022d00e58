#include "model/record_pack.h"

#include "model/little_endian.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace dossier::model {

namespace {

// The pack: this magic, then records, each a 16-byte header (the hash and the record's size,
// little-endian) and the record. A torn or foreign tail ends the index.
constexpr std::string_view kPackMagic = "dossier-pack-1\n";
constexpr std::size_t kHeaderSize = 16;

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

std::string program_identity() {
  struct stat st {};
  if (::stat("/proc/self/exe", &st) != 0) return {};
  return "program:" + std::to_string(st.st_size) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
         std::to_string(st.st_mtim.tv_nsec);
}

RecordPack::RecordPack(std::filesystem::path folder, std::string name)
    : folder_(std::move(folder)), name_(std::move(name)) {
  read_index();
}

RecordPack::~RecordPack() {
  if (old_pack_ >= 0) ::close(old_pack_);
  if (new_pack_) {
    std::fclose(new_pack_);
    std::error_code ec;
    std::filesystem::remove(new_pack_path_, ec);
  }
}

void RecordPack::read_index() {
  old_pack_ = ::open(path().c_str(), O_RDONLY | O_CLOEXEC);
  if (old_pack_ < 0) return;
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(path(), ec);
  char magic[kPackMagic.size()];
  if (ec || !read_at(old_pack_, magic, sizeof magic, 0) ||
      std::string_view(magic, sizeof magic) != kPackMagic) {
    return;
  }
  std::uint64_t at = kPackMagic.size();
  char header[kHeaderSize];
  while (at + kHeaderSize <= size && read_at(old_pack_, header, kHeaderSize, at)) {
    const std::string_view fields(header, kHeaderSize);
    const std::uint64_t hash = read_le(fields), length = read_le(fields.substr(8));
    if (length > size - at - kHeaderSize) break;
    // A later record under the same hash replaces an earlier one: a record copied into the
    // pack when found can be kept again, changed, in the same build.
    index_.insert_or_assign(hash, Place{at + kHeaderSize, length});
    at += kHeaderSize + length;
  }
}

std::optional<std::string> RecordPack::find(std::uint64_t hash) const {
  const auto it = index_.find(hash);
  if (it == index_.end()) return std::nullopt;
  std::string bytes(it->second.size, '\0');
  if (!read_at(old_pack_, bytes.data(), bytes.size(), it->second.offset)) return std::nullopt;
  return bytes;
}

void RecordPack::keep(std::uint64_t hash, std::string_view head, std::string_view tail) {
  std::lock_guard lock(mutex_);
  if (new_pack_failed_) return;
  if (!new_pack_) {
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    new_pack_path_ = folder_ / (name_ + ".tmp" + std::to_string(::getpid()));
    new_pack_ = ec ? nullptr : std::fopen(new_pack_path_.c_str(), "wb");
    if (!new_pack_ ||
        std::fwrite(kPackMagic.data(), 1, kPackMagic.size(), new_pack_) != kPackMagic.size()) {
      new_pack_failed_ = true;
      return;
    }
  }
  std::string header;
  append_le(header, hash);
  append_le(header, head.size() + tail.size());
  // An empty part is not written: fwrite may not be handed the null pointer an empty view has.
  const auto write = [&](const void* bytes, std::size_t size) {
    return size == 0 || std::fwrite(bytes, 1, size, new_pack_) == size;
  };
  if (!write(header.data(), header.size()) || !write(head.data(), head.size()) ||
      !write(tail.data(), tail.size())) {
    new_pack_failed_ = true;
  }
}

void RecordPack::commit() {
  std::lock_guard lock(mutex_);
  std::error_code ec;
  if (new_pack_) {
    // Without the fsync outputs get: a pack torn by a crash fails its records' own checks
    // and counts as misses.
    const bool written = std::fclose(new_pack_) == 0 && !new_pack_failed_;
    new_pack_ = nullptr;
    if (written) std::filesystem::rename(new_pack_path_, path(), ec);
    if (!written || ec) std::filesystem::remove(new_pack_path_, ec);
  } else if (!new_pack_failed_) {
    std::filesystem::remove(path(), ec);  // this build had nothing to keep
  }
  // New packs that stopped builds left half-written (their process is gone).
  const std::string temp = name_ + ".tmp";
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
