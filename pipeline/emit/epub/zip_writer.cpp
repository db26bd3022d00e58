#include "emit/epub/zip_writer.h"

#include <libdeflate.h>

#include <algorithm>
#include <ctime>
#include <new>

#include "emit/deflate.h"

namespace dossier::emit {

namespace {

void put16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}

void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

ZipWriter::ZipWriter(long long timestamp, std::ostream& out) : out_(out) {
  std::tm utc{};
  const std::time_t t = static_cast<std::time_t>(timestamp < 315532800 ? 315532800 : timestamp);
  gmtime_r(&t, &utc);  // DOS time has no zone: write UTC so TZ cannot change the bytes
  dos_time_ =
      static_cast<std::uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  dos_date_ =
      static_cast<std::uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
}

ZipWriter::Entry ZipWriter::make_entry(const std::string& name, std::string_view data,
                                       bool deflate) {
  Entry e;
  e.name = name;
  e.size = static_cast<std::uint32_t>(data.size());
  e.crc = libdeflate_crc32(0, data.data(), data.size());
  e.method = deflate ? 8 : 0;
  e.payload = deflate ? emit::deflate(data, DeflateWrapper::Raw) : std::string(data);
  return e;
}

ZipWriter::Entry ZipWriter::deflated_entry(const std::string& name, std::string_view data) {
  return make_entry(name, data, true);
}

ZipWriter::Entry ZipWriter::stored_entry(const std::string& name, std::string_view data) {
  return make_entry(name, data, false);
}

ZipWriter::StreamedEntry::StreamedEntry(std::size_t hold) : hold_(hold) {}

ZipWriter::StreamedEntry::~StreamedEntry() {
  if (stream_) deflateEnd(stream_.get());
}

void ZipWriter::StreamedEntry::append(std::string_view data) {
  crc_ = static_cast<std::uint32_t>(libdeflate_crc32(crc_, data.data(), data.size()));
  size_ += data.size();
  if (!stream_ && held_.size() + data.size() <= hold_) {
    held_.append(data);
    return;
  }
  if (!stream_) {
    stream_ = std::make_unique<z_stream>();
    // Raw deflate, as ZIP stores it; zlib's fastest level, as the other entries' libdeflate.
    if (deflateInit2(stream_.get(), 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      stream_.reset();
      throw std::bad_alloc();
    }
    compress(held_, Z_NO_FLUSH);
    std::string().swap(held_);
  }
  compress(data, Z_NO_FLUSH);
}

void ZipWriter::StreamedEntry::compress(std::string_view data, int flush) {
  z_stream& z = *stream_;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  // The output grows by doubling and is trimmed once at the end: pugixml hands over a few KB
  // at a time, and growing (and zeroing) a fixed step for each would cost more than deflating.
  constexpr std::size_t kStep = std::size_t{64} << 10;
  int status = Z_OK;
  do {
    if (payload_.size() - used_ < kStep)
      payload_.resize(std::max(2 * payload_.size(), used_ + kStep));
    z.next_out = reinterpret_cast<Bytef*>(payload_.data() + used_);
    z.avail_out = static_cast<uInt>(payload_.size() - used_);
    status = ::deflate(&z, flush);
    used_ = payload_.size() - z.avail_out;
    if (status == Z_STREAM_ERROR) throw std::bad_alloc();  // never loop on a broken stream
  } while (z.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
}

ZipWriter::Entry ZipWriter::StreamedEntry::finish(const std::string& name) {
  Entry e;
  e.name = name;
  e.size = static_cast<std::uint32_t>(size_);
  e.crc = crc_;  // of everything appended, held or not: not computed again
  e.method = 8;
  if (stream_) {
    compress({}, Z_FINISH);
    payload_.resize(used_);
    e.payload = std::move(payload_);
  } else {
    e.payload = emit::deflate(held_, DeflateWrapper::Raw);
  }
  return e;
}

void ZipWriter::add_stored(const std::string& name, std::string_view data) {
  add(make_entry(name, data, false));
}

void ZipWriter::add_deflated(const std::string& name, std::string_view data) {
  add(make_entry(name, data, true));
}

// From "version needed" to the name's length: the same in an entry's local header and in its
// directory record.
void ZipWriter::put_common_fields(std::string& out, const Entry& e) const {
  put16(out, e.method == 8 ? 20 : 10);  // version needed
  put16(out, 0);                        // flags
  put16(out, e.method);
  put16(out, dos_time_);
  put16(out, dos_date_);
  put32(out, e.crc);
  put32(out, static_cast<std::uint32_t>(e.payload.size()));
  put32(out, e.size);
  put16(out, static_cast<std::uint16_t>(e.name.size()));
}

void ZipWriter::add(const Entry& e) {
  std::string local;
  put32(local, 0x04034b50);
  put_common_fields(local, e);
  put16(local, 0);  // no extra field (EPUB readers check this for mimetype)
  local += e.name;
  out_.write(local.data(), static_cast<std::streamsize>(local.size()));
  out_.write(e.payload.data(), static_cast<std::streamsize>(e.payload.size()));

  put32(central_, 0x02014b50);
  put16(central_, 0x0314);  // made by: Unix, spec 2.0
  put_common_fields(central_, e);
  put16(central_, 0);               // extra
  put16(central_, 0);               // comment
  put16(central_, 0);               // disk
  put16(central_, 0);               // internal attributes
  put32(central_, 0100644u << 16);  // external: regular file, rw-r--r--
  put32(central_, offset_);
  central_ += e.name;
  offset_ += static_cast<std::uint32_t>(local.size() + e.payload.size());
  ++count_;
}

bool ZipWriter::finish() {
  std::string end;
  put32(end, 0x06054b50);
  put16(end, 0);
  put16(end, 0);
  put16(end, count_);
  put16(end, count_);
  put32(end, static_cast<std::uint32_t>(central_.size()));
  put32(end, offset_);
  put16(end, 0);
  out_.write(central_.data(), static_cast<std::streamsize>(central_.size()));
  out_.write(end.data(), static_cast<std::streamsize>(end.size()));
  return static_cast<bool>(out_);
}

}  // namespace dossier::emit
