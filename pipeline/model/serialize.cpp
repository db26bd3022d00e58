#include "model/serialize.h"

#include "model/fnv1a.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace dossier::model {

namespace {

// Bump when a model record changes shape: older files are then refused.
constexpr std::uint64_t kFormatVersion = 6;
constexpr std::string_view kMagic = "DOSSIER-SOURCE\n";
constexpr std::size_t kMaxDepth = 256;  // nested blocks; deeper files are refused

// Each record's fields, in file order, for the writer and the reader alike.
template <class Io>
void fields(Io& io, Position& v) {
  io(v.line, v.col);
}
template <class Io>
void fields(Io& io, Fix& v) {
  io(v.kind, v.at, v.before, v.after);
}
template <class Io>
void fields(Io& io, Removal& v) {
  io(v.first_line, v.last_line, v.text, v.rule);
}
template <class Io>
void fields(Io& io, MetadataLine& v) {
  io(v.first_line, v.last_line, v.text, v.field);
}
template <class Io>
void fields(Io& io, Line& v) {
  io(v.text, v.origin, v.last_line);
}
template <class Io>
void fields(Io& io, Span& v) {
  io(v.kind, v.start, v.end, v.href);
}
template <class Io>
void fields(Io& io, Block& v) {
  io(v.id, v.kind, v.level, v.text, v.spans, v.origin, v.last_line, v.children, v.see_also, v.src,
     v.start, v.checked, v.loose, v.align);
}
template <class Io>
void fields(Io& io, SourceMeta& v) {
  io(v.title, v.subtitle, v.outlet, v.authors, v.date, v.url, v.language, v.translated_from,
     v.category, v.original_title);
}
template <class Io>
void fields(Io& io, Quote& v) {
  io(v.id, v.block, v.blocks, v.text, v.speaker, v.speaker_name);
}
template <class Io>
void fields(Io& io, Mention& v) {
  io(v.block, v.start, v.end);
}
template <class Io>
void fields(Io& io, NameMention& v) {
  io(v.at, v.text, v.full, v.type, v.known, v.role, v.person_cue);
}
template <class Io>
void fields(Io& io, DateMention& v) {
  io(v.block, v.text, v.iso, v.precision, v.start, v.end);
}
template <class Io>
void fields(Io& io, Figure& v) {
  io(v.id, v.block, v.text, v.value, v.unit, v.about, v.start, v.end, v.measure);
}
template <class Io>
void fields(Io& io, Entity& v) {
  io(v.id, v.name, v.type, v.aliases, v.roles, v.mentions);
}
template <class Io>
void fields(Io& io, Conflict& v) {
  io(v.about, v.figures, v.blocks);
}
template <class Io>
void fields(Io& io, Source& v) {
  io(v.id, v.path, v.resolved_path, v.format, v.status, v.meta, v.given, v.text, v.lines, v.blocks,
     v.fixes, v.removals, v.metadata_lines, v.translation_note, v.quotes, v.names, v.dates,
     v.figures);
}
template <class Io>
void fields(Io& io, Diagnostic& v) {
  io(v.severity, v.code, v.path, v.line, v.col, v.message);
}
template <class Io>
void fields(Io& io, SourceRecord& v) {
  io(v.source, v.diagnostics);
}

// FNV-1a over the file's bytes before the check itself: a damaged file is refused.
std::uint64_t checksum(std::string_view bytes) {
  Fnv1a h;
  h.add(bytes);
  return h.value();
}

// Where a digest's writer puts its bytes: a buffer fed to the digester a few kilobytes at a time,
// so a source is digested without being written out whole.
class DigestOut {
 public:
  explicit DigestOut(Digester& digester) : digester_(digester) {}
  DigestOut(const DigestOut&) = delete;
  DigestOut& operator=(const DigestOut&) = delete;
  ~DigestOut() { flush(); }

  DigestOut& operator+=(char c) {
    if (used_ == sizeof buffer_) flush();
    buffer_[used_++] = c;
    return *this;
  }
  DigestOut& operator+=(std::string_view bytes) {
    flush();
    digester_.add(bytes);
    return *this;
  }
  void flush() {
    digester_.add(std::string_view(buffer_, used_));
    used_ = 0;
  }

 private:
  Digester& digester_;
  char buffer_[4096];
  std::size_t used_ = 0;
};

// Numbers as LEB128 varints (signed ones zigzagged), strings and lists with their length
// first, optionals with a presence byte, doubles as their eight bytes.
template <class Out>
class Writer {
 public:
  Out out;

  template <class... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }

 private:
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      out += static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    out += static_cast<char>(v);
  }
  void put(const std::string& s) {
    varint(s.size());
    out += s;
  }
  void put(bool b) { out += b ? '\1' : '\0'; }
  void put(double d) {
    const auto bits = std::bit_cast<std::uint64_t>(d);
    for (int i = 0; i < 8; ++i) out += static_cast<char>((bits >> (8 * i)) & 0xFF);
  }
  template <class T>
  requires std::is_integral_v<T>
  void put(T v) {
    if constexpr (std::is_signed_v<T>) {
      const auto s = static_cast<std::int64_t>(v);
      varint((static_cast<std::uint64_t>(s) << 1) ^ static_cast<std::uint64_t>(s >> 63));
    } else {
      varint(v);
    }
  }
  template <class T>
  requires std::is_enum_v<T>
  void put(T v) { put(static_cast<std::underlying_type_t<T>>(v)); }
  template <class T>
  void put(const std::optional<T>& v) {
    put(v.has_value());
    if (v) put(*v);
  }
  template <class T>
  void put(const std::vector<T>& list) {
    varint(list.size());
    for (const auto& item : list) put(item);
  }
  template <class T>
  requires requires(Writer& w, T& t) { fields(w, t); }
  void put(const T& record) {
    fields(*this, const_cast<T&>(record));  // the writer only reads
  }
};

// The reader of the same: every read is checked against the end, a list never claims more
// items than bytes remain, and nesting is bounded; any failure leaves `ok` false.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok = true;

  template <class... T>
  void operator()(T&... values) {
    (get(values), ...);
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) return fail();
      const auto byte = static_cast<unsigned char>(in_[at_++]);
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
    return fail();
  }
  void get(std::string& s) {
    const std::uint64_t n = varint();
    if (!ok || n > in_.size() - at_) {
      fail();
      return;
    }
    s.assign(in_.substr(at_, n));
    at_ += n;
  }
  bool at_end() const { return at_ == in_.size(); }

 private:
  std::uint64_t fail() {
    ok = false;
    at_ = in_.size();
    return 0;
  }
  void get(bool& b) {
    if (at_ >= in_.size()) {
      fail();
      return;
    }
    b = in_[at_++] != 0;
  }
  void get(double& d) {
    if (in_.size() - at_ < 8) {
      fail();
      return;
    }
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) {
      bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[at_ + i])) << (8 * i);
    }
    at_ += 8;
    d = std::bit_cast<double>(bits);
  }
  template <class T>
  requires std::is_integral_v<T>
  void get(T& v) {
    const std::uint64_t raw = varint();
    if constexpr (std::is_signed_v<T>) {
      v = static_cast<T>(static_cast<std::int64_t>(raw >> 1) ^ -static_cast<std::int64_t>(raw & 1));
    } else {
      v = static_cast<T>(raw);
    }
  }
  template <class T>
  requires std::is_enum_v<T>
  void get(T& v) {
    std::underlying_type_t<T> raw{};
    get(raw);
    v = static_cast<T>(raw);
  }
  template <class T>
  void get(std::optional<T>& v) {
    bool present = false;
    get(present);
    if (!present) {
      v.reset();
      return;
    }
    get(v.emplace());
  }
  template <class T>
  void get(std::vector<T>& list) {
    const std::uint64_t n = varint();
    if (!ok || n > in_.size() - at_) {  // every item takes at least a byte
      fail();
      return;
    }
    list.clear();
    list.reserve(n);
    for (std::uint64_t i = 0; i < n && ok; ++i) get(list.emplace_back());
  }
  template <class T>
  requires requires(Reader& r, T& t) { fields(r, t); }
  void get(T& record) {
    if (++depth_ > kMaxDepth) {
      fail();
    } else {
      fields(*this, record);
    }
    --depth_;
  }

  std::string_view in_;
  std::size_t at_ = 0;
  std::size_t depth_ = 0;
};

}  // namespace

std::string write_source(const SourceRecord& record, std::string_view key) {
  Writer<std::string> w;
  w.out.reserve(4096 + record.source.text.size() * 4);
  w.out += kMagic;
  w(kFormatVersion, std::string(key), record);
  const std::uint64_t sum = checksum(w.out);
  for (int i = 0; i < 8; ++i) w.out += static_cast<char>((sum >> (8 * i)) & 0xFF);
  return std::move(w.out);
}

namespace {
// The values as a record holds them, into `digester` instead of a file.
template <class... T>
void digest_fields(Digester& digester, const T&... values) {
  Writer<DigestOut> w{DigestOut(digester)};
  w(values...);
  w.out.flush();
}
}  // namespace

void digest_source(Digester& digester, const Source& source) {
  digest_fields(digester, kFormatVersion, source);
  digester.add_number(source.images.size());  // the one field the record leaves out
  for (const auto& [src, bytes] : source.images) {
    digester.add_field(src);
    digester.add_field(bytes);
  }
}

void digest_value(Digester& digester, const Entity& entity) {
  digest_fields(digester, entity);
}
void digest_value(Digester& digester, const Quote& quote) {
  digest_fields(digester, quote);
}
void digest_value(Digester& digester, const DateMention& date) {
  digest_fields(digester, date);
}
void digest_value(Digester& digester, const Figure& figure) {
  digest_fields(digester, figure);
}
void digest_value(Digester& digester, const Conflict& conflict) {
  digest_fields(digester, conflict);
}

std::optional<SourceRecord> read_source(std::string_view text,
                                        std::optional<std::string_view> expected_key) {
  if (text.size() < kMagic.size() + 8 || !text.starts_with(kMagic)) return std::nullopt;
  const std::string_view body = text.substr(0, text.size() - 8);
  std::uint64_t sum = 0;
  for (int i = 0; i < 8; ++i) {
    sum |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[body.size() + i])) << (8 * i);
  }
  if (sum != checksum(body)) return std::nullopt;
  Reader r(body.substr(kMagic.size()));
  if (r.varint() != kFormatVersion || !r.ok) return std::nullopt;
  std::string key;
  r.get(key);
  if (!r.ok || (expected_key && key != *expected_key)) return std::nullopt;
  SourceRecord record;
  r(record);
  if (!r.ok || !r.at_end()) return std::nullopt;
  return record;
}

}  // namespace dossier::model
