#include "emit/pdf/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

namespace dossier::emit::pdf {

namespace {

constexpr std::size_t kBufferSize = std::size_t{1} << 20;

std::string temporary_folder() {
  const char* tmpdir = std::getenv("TMPDIR");
  return tmpdir && *tmpdir ? tmpdir : "/tmp";
}

// An unnamed file (O_TMPFILE), or where the file system has none, a named one removed at once.
int open_anonymous_file() {
  const std::string folder = temporary_folder();
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string name = folder + "/dossier-pages-XXXXXX";
  fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(name.c_str());
  return fd;
}

// Moves `length` bytes between `data` and the file at `offset` with `io` (pread or pwrite), in
// as many calls as it takes; false on an error or when the file ends first.
template <class Io, class Byte>
bool transfer(Io io, int fd, Byte* data, std::uint64_t length, std::uint64_t offset) {
  while (length > 0) {
    const ssize_t n = io(fd, data, length, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    length -= static_cast<std::uint64_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
  return true;
}

}  // namespace

SpillFile::SpillFile() : fd_(open_anonymous_file()) {}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<ContentSource> SpillFile::append(const std::string& bytes) {
  if (fd_ < 0) return std::nullopt;
  if (buffer_.size() + bytes.size() > kBufferSize && !flush()) return std::nullopt;
  const ContentSource where(fd_, size_, bytes.size());
  if (bytes.size() >= kBufferSize) {  // written as it is rather than copied into the buffer
    if (!transfer(::pwrite, fd_, bytes.data(), bytes.size(), written_)) return std::nullopt;
    written_ += bytes.size();
  } else {
    buffer_ += bytes;
  }
  size_ += bytes.size();
  return where;
}

bool SpillFile::flush() {
  if (fd_ < 0) return false;
  if (buffer_.empty()) return true;
  if (!transfer(::pwrite, fd_, buffer_.data(), buffer_.size(), written_)) return false;
  written_ += buffer_.size();
  buffer_.clear();
  return true;
}

bool read_spilled(int fd, std::uint64_t offset, char* out, std::uint64_t length) {
  return transfer(::pread, fd, out, length, offset);
}

}  // namespace dossier::emit::pdf
