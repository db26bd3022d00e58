#include "emit/pdf/section_cache.h"

#include <bit>
#include <cstring>

#include "model/little_endian.h"
#include "model/utf8.h"

namespace dossier::emit::pdf {

void GlyphRecorder::add(Face face, std::string_view text) {
  auto& bits = bits_[static_cast<std::size_t>(face)];
  if (bits.empty()) bits.assign(0x10000 / 64, 0);
  model::utf8::for_each(text, [&](char32_t c, std::size_t) {
    const char32_t code = c > 0xFFFF ? U' ' : c;
    bits[code / 64] |= std::uint64_t{1} << (code % 64);
  });
}

GlyphSet GlyphRecorder::take() {
  GlyphSet set;
  for (std::size_t f = 0; f < kFaceCount; ++f) {
    const auto& bits = bits_[f];
    for (std::size_t w = 0; w < bits.size(); ++w) {
      for (std::uint64_t word = bits[w]; word != 0; word &= word - 1) {
        set[f].push_back(
            static_cast<char32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(word))));
      }
    }
    std::vector<std::uint64_t>().swap(bits_[f]);
  }
  return set;
}

namespace {

// Little-endian numbers; strings and lists with their length first.
class Out {
 public:
  std::string bytes;
  void number(std::uint64_t v) { model::append_le(bytes, v); }
  void text(std::string_view s) {
    number(s.size());
    bytes += s;
  }
};

class In {
 public:
  explicit In(std::string_view bytes) : bytes_(bytes) {}
  bool ok = true;
  std::uint64_t number() {
    if (bytes_.size() - at_ < 8) return fail();
    const std::uint64_t v = model::read_le(bytes_.substr(at_));
    at_ += 8;
    return v;
  }
  // A count of items at least `item_size` bytes each: never more than the bytes left hold.
  std::size_t count(std::size_t item_size) {
    const std::uint64_t n = number();
    if (!ok || n > (bytes_.size() - at_) / item_size) return static_cast<std::size_t>(fail());
    return static_cast<std::size_t>(n);
  }
  std::string text() {
    const std::size_t n = count(1);
    std::string s(bytes_.substr(at_, n));
    at_ += n;
    return s;
  }
  bool at_end() const { return ok && at_ == bytes_.size(); }

 private:
  std::uint64_t fail() {
    ok = false;
    at_ = bytes_.size();
    return 0;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

std::uint64_t float_bits(float f) {
  return std::bit_cast<std::uint32_t>(f);
}

float bits_float(std::uint64_t v) {
  return std::bit_cast<float>(static_cast<std::uint32_t>(v));
}

constexpr std::uint64_t kFormat = 1;  // bump when the packing changes

}  // namespace

std::string pack_section(std::size_t first_page, const std::vector<Page>& pages,
                         const Anchors& anchors, const GlyphSet& glyphs) {
  Out out;
  out.number(kFormat);
  out.number(first_page);
  out.number(pages.size());
  for (const Page& page : pages) {
    out.text(page.content);
    out.number(page.faces);
    out.number(page.links.size());
    for (const LinkRect& link : page.links) {
      for (const float v : {link.x0, link.y0, link.x1, link.y1}) out.number(float_bits(v));
      out.number(link.target_at);
      out.number(link.target_size);
    }
    out.text(page.link_text);
  }
  out.number(anchors.size());
  for (const auto& [id, anchor] : anchors) {
    out.text(id);
    out.number(static_cast<std::uint64_t>(anchor.page));
    out.number(std::bit_cast<std::uint64_t>(anchor.y));
  }
  for (const auto& codes : glyphs) {
    out.number(codes.size());
    for (const char32_t c : codes) out.number(c);
  }
  return std::move(out.bytes);
}

std::optional<CachedSection> unpack_section(std::string_view bytes) {
  In in(bytes);
  if (in.number() != kFormat) return std::nullopt;
  CachedSection section;
  section.first_page = static_cast<std::size_t>(in.number());
  section.pages.resize(in.count(24));
  for (Page& page : section.pages) {
    page.content = in.text();
    page.faces = static_cast<std::uint8_t>(in.number());
    page.links.resize(in.count(48));
    for (LinkRect& link : page.links) {
      link.x0 = bits_float(in.number());
      link.y0 = bits_float(in.number());
      link.x1 = bits_float(in.number());
      link.y1 = bits_float(in.number());
      link.target_at = static_cast<std::uint32_t>(in.number());
      link.target_size = static_cast<std::uint32_t>(in.number());
    }
    page.link_text = in.text();
    for (const LinkRect& link : page.links) {
      if (std::uint64_t{link.target_at} + link.target_size > page.link_text.size())
        return std::nullopt;
    }
  }
  section.anchors.resize(in.count(24));
  for (auto& [id, anchor] : section.anchors) {
    id = in.text();
    anchor.page = static_cast<int>(in.number());
    anchor.y = std::bit_cast<double>(in.number());
    if (anchor.page < 0 || static_cast<std::size_t>(anchor.page) >= section.pages.size()) {
      return std::nullopt;
    }
  }
  for (auto& codes : section.glyphs) {
    codes.resize(in.count(8));
    for (char32_t& c : codes) {
      c = static_cast<char32_t>(in.number());
      if (c > 0xFFFF) return std::nullopt;
    }
  }
  if (!in.at_end()) return std::nullopt;
  return section;
}

}  // namespace dossier::emit::pdf
