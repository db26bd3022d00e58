// HTML and XML character references left in plain text: &amp; &#8217; &#x2019; &rsquo;.
// A line that looks like markup (a '<' before a letter or '/') is left alone.
#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "model/ascii.h"
#include "model/utf8.h"
#include "normalize/code_pages.h"
#include "normalize/line_text.h"

namespace dossier::normalize {

namespace {

// The named references that turn up in copied article text.
constexpr std::pair<std::string_view, char32_t> kNamed[] = {
    {"AElig", 0xC6},   {"Aacute", 0xC1},   {"Acirc", 0xC2},    {"Agrave", 0xC0},
    {"Aring", 0xC5},   {"Atilde", 0xC3},   {"Auml", 0xC4},     {"Ccedil", 0xC7},
    {"ETH", 0xD0},     {"Eacute", 0xC9},   {"Ecirc", 0xCA},    {"Egrave", 0xC8},
    {"Euml", 0xCB},    {"Iacute", 0xCD},   {"Icirc", 0xCE},    {"Igrave", 0xCC},
    {"Iuml", 0xCF},    {"Ntilde", 0xD1},   {"Oacute", 0xD3},   {"Ocirc", 0xD4},
    {"Ograve", 0xD2},  {"Oslash", 0xD8},   {"Otilde", 0xD5},   {"Ouml", 0xD6},
    {"Prime", 0x2033}, {"THORN", 0xDE},    {"Uacute", 0xDA},   {"Ucirc", 0xDB},
    {"Ugrave", 0xD9},  {"Uuml", 0xDC},     {"Yacute", 0xDD},   {"aacute", 0xE1},
    {"acirc", 0xE2},   {"aelig", 0xE6},    {"agrave", 0xE0},   {"amp", '&'},
    {"apos", '\''},    {"aring", 0xE5},    {"atilde", 0xE3},   {"auml", 0xE4},
    {"bdquo", 0x201E}, {"bull", 0x2022},   {"ccedil", 0xE7},   {"cent", 0xA2},
    {"copy", 0xA9},    {"deg", 0xB0},      {"divide", 0xF7},   {"eacute", 0xE9},
    {"ecirc", 0xEA},   {"egrave", 0xE8},   {"eth", 0xF0},      {"euml", 0xEB},
    {"euro", 0x20AC},  {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},
    {"gt", '>'},       {"hellip", 0x2026}, {"iacute", 0xED},   {"icirc", 0xEE},
    {"iexcl", 0xA1},   {"igrave", 0xEC},   {"iquest", 0xBF},   {"iuml", 0xEF},
    {"laquo", 0xAB},   {"ldquo", 0x201C},  {"lsaquo", 0x2039}, {"lsquo", 0x2018},
    {"lt", '<'},       {"mdash", 0x2014},  {"middot", 0xB7},   {"minus", 0x2212},
    {"nbsp", 0xA0},    {"ndash", 0x2013},  {"ntilde", 0xF1},   {"oacute", 0xF3},
    {"ocirc", 0xF4},   {"ograve", 0xF2},   {"oslash", 0xF8},   {"otilde", 0xF5},
    {"ouml", 0xF6},    {"para", 0xB6},     {"plusmn", 0xB1},   {"pound", 0xA3},
    {"prime", 0x2032}, {"quot", '"'},      {"raquo", 0xBB},    {"rdquo", 0x201D},
    {"reg", 0xAE},     {"rsaquo", 0x203A}, {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"sect", 0xA7},    {"shy", 0xAD},      {"sup2", 0xB2},     {"sup3", 0xB3},
    {"szlig", 0xDF},   {"thorn", 0xFE},    {"times", 0xD7},    {"trade", 0x2122},
    {"uacute", 0xFA},  {"ucirc", 0xFB},    {"ugrave", 0xF9},   {"uuml", 0xFC},
    {"yacute", 0xFD},  {"yen", 0xA5},      {"yuml", 0xFF},
};

std::optional<char32_t> named(std::string_view name) {
  const auto it = std::lower_bound(std::begin(kNamed), std::end(kNamed), name,
                                   [](const auto& e, std::string_view n) { return e.first < n; });
  if (it == std::end(kNamed) || it->first != name) return std::nullopt;
  return it->second;
}

std::optional<char32_t> numeric(std::string_view digits, int base) {
  if (digits.empty() || digits.size() > 7) return std::nullopt;
  char32_t value = 0;
  for (char d : digits) {
    int v = -1;
    if (d >= '0' && d <= '9') v = d - '0';
    if (base == 16 && d >= 'a' && d <= 'f') v = d - 'a' + 10;
    if (base == 16 && d >= 'A' && d <= 'F') v = d - 'A' + 10;
    if (v < 0) return std::nullopt;
    value = value * static_cast<char32_t>(base) + static_cast<char32_t>(v);
  }
  // As browsers do: 128–159 are Windows-1252 characters; no NUL, surrogates or out of range.
  if (value >= 0x80 && value <= 0x9F) value = code_pages().front().to_unicode[value];
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
  return value;
}

bool looks_like_markup(std::string_view s) {
  for (std::size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    if (i + 1 < s.size() && (model::ascii::is_alpha(s[i + 1]) || s[i + 1] == '/')) {
      return true;
    }
  }
  return false;
}

}  // namespace

void decode_entities(LineText& line, std::vector<model::Fix>& fixes) {
  const std::string& t = line.text();
  if (t.find('&') == std::string::npos || looks_like_markup(t)) return;
  struct Found {
    std::size_t begin, end;
    char32_t value;
  };
  std::vector<Found> found;
  for (std::size_t i = t.find('&'); i != std::string::npos; i = t.find('&', i + 1)) {
    const std::size_t semi = t.find(';', i);
    if (semi == std::string::npos || semi - i > 10) continue;
    const std::string_view body(t.data() + i + 1, semi - i - 1);
    std::optional<char32_t> value;
    if (body.starts_with("#x") || body.starts_with("#X")) {
      value = numeric(body.substr(2), 16);
    } else if (body.starts_with("#")) {
      value = numeric(body.substr(1), 10);
    } else {
      value = named(body);
    }
    if (value) found.push_back({i, semi + 1, *value});
  }
  std::vector<model::Fix> recorded;
  for (auto it = found.rbegin(); it != found.rend(); ++it) {
    line.replace(it->begin, it->end, model::utf8::encode(it->value), model::FixKind::EntityRef,
                 recorded);
  }
  fixes.insert(fixes.end(), recorded.rbegin(), recorded.rend());
}

}  // namespace dossier::normalize
