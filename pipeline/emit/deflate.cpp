#include "emit/deflate.h"

#include <libdeflate.h>

#include <memory>
#include <new>

namespace dossier::emit {

namespace {

constexpr int kLevel = 1;

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

}  // namespace

std::string deflate(std::string_view data, DeflateWrapper wrapper) {
  thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(
      libdeflate_alloc_compressor(kLevel));
  if (!compressor) throw std::bad_alloc();
  const bool raw = wrapper == DeflateWrapper::Raw;
  // Compressed into a buffer of the bound's size and returned in a string of its own size: a
  // string sized to the bound kept about twice its bytes in capacity (the pages of a
  // 10,000-article PDF held 440 MB for 220 MB of contents). The thread keeps the buffer for
  // the next call unless it grew past a megabyte.
  constexpr std::size_t kKept = std::size_t{1} << 20;
  thread_local std::string kept;
  std::string large;
  const std::size_t bound = raw ? libdeflate_deflate_compress_bound(compressor.get(), data.size())
                                : libdeflate_zlib_compress_bound(compressor.get(), data.size());
  std::string& buffer = bound > kKept ? large : kept;
  if (buffer.size() < bound) buffer.resize(bound);
  const std::size_t size = raw ? libdeflate_deflate_compress(compressor.get(), data.data(),
                                                             data.size(), buffer.data(), bound)
                               : libdeflate_zlib_compress(compressor.get(), data.data(),
                                                          data.size(), buffer.data(), bound);
  if (size == 0) throw std::bad_alloc();
  return std::string(buffer.data(), size);
}

}  // namespace dossier::emit
