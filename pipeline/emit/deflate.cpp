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
  std::string out(raw ? libdeflate_deflate_compress_bound(compressor.get(), data.size())
                      : libdeflate_zlib_compress_bound(compressor.get(), data.size()),
                  '\0');
  const std::size_t size = raw ? libdeflate_deflate_compress(compressor.get(), data.data(),
                                                             data.size(), out.data(), out.size())
                               : libdeflate_zlib_compress(compressor.get(), data.data(),
                                                          data.size(), out.data(), out.size());
  if (size == 0) throw std::bad_alloc();
  out.resize(size);
  return out;
}

}  // namespace dossier::emit
