#include "corpus_generator.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <random>
#include <string_view>
#include <vector>

namespace dossier::bench {

namespace {

constexpr std::array<std::string_view, 12> kPeople = {
    "Recep Tayyip Erdoğan", "İkbal Dürre",     "Ayşe Yıldırım",    "Volodymyr Zelenskyy",
    "Dmitry Peskov",        "Müge Öztürk",     "Jonas Weber",      "Helen Park",
    "Oleksandr Melnyk",     "Tatiana Stanova", "Umut Can Fırtına", "Zoë Müller-Lüdenscheidt"};
constexpr std::array<std::string_view, 8> kPlaces = {"Istanbul", "Kyiv",   "Moscow", "Odesa",
                                                     "Ankara",   "Geneva", "London", "Brussels"};
constexpr std::array<std::string_view, 40> kWords = {
    "the",       "talks",     "negotiators", "ceasefire", "ports",     "insurers", "said",
    "would",     "between",   "delegation",  "proposal",  "officials", "corridor", "shipping",
    "guarantee", "agreement", "military",    "economic",  "pressure",  "week",     "support",
    "border",    "statement", "analysts",    "question",  "grain",     "market",   "cargo",
    "vessels",   "meeting",   "process",     "condition", "security",  "summit",   "a",
    "of",        "and",       "to",          "in",        "on"};
constexpr std::array<std::string_view, 3> kBoilerplate = {
    "Related article: Port operators count the cost", "Share this article", "Google Play Store"};

class Writer {
 public:
  Writer(std::uint64_t seed) : rng_(seed) {}
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  std::string sentence() {
    std::string s;
    const std::size_t words = 8 + pick(18);
    for (std::size_t w = 0; w < words; ++w) {
      std::string_view word = kWords[pick(kWords.size())];
      if (w == 0) {
        s += static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        s += word.substr(1);
      } else {
        s += ' ';
        if (chance(0.06)) {
          s += kPeople[pick(kPeople.size())];
        } else if (chance(0.05)) {
          s += kPlaces[pick(kPlaces.size())];
          s += "\u2019s";
        } else if (chance(0.03)) {
          s += std::to_string(10 + pick(990)) + (chance(0.5) ? "%" : ",000");
        } else {
          s += word;
        }
      }
    }
    s += '.';
    return s;
  }

  std::string paragraph() {
    std::string p;
    const bool quote = chance(0.3);
    if (quote) p += "\u201C";
    const std::size_t sentences = 2 + pick(4);
    for (std::size_t k = 0; k < sentences; ++k) p += (k ? " " : "") + sentence();
    if (quote) {
      p.back() = ',';
      p += "\u201D said ";
      p += kPeople[pick(kPeople.size())];
      p += '.';
    }
    return p;
  }

 private:
  std::mt19937_64 rng_;
};

// UTF-8 read as Windows-1252: what a careless copy does to non-ASCII text.
std::string as_mojibake(std::string_view utf8) {
  static const char32_t kHigh[32] = {0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
                                     0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
                                     0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                     0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};
  std::string out;
  for (unsigned char b : utf8) {
    char32_t c = b < 0x80 ? b : b < 0xA0 ? kHigh[b - 0x80] : b;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Hard-wraps at `width` columns (bytes, as a PDF copy would), hyphenating some long words.
std::string hard_wrap(std::string_view text, std::size_t width, Writer& w) {
  std::string out;
  std::size_t column = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    std::string_view word = text.substr(i, end - i);
    if (column + word.size() + 1 > width && column > 0) {
      if (word.size() > 7 && w.chance(0.3)) {
        out += ' ';
        out += word.substr(0, 4);
        out += "-\n";
        word.remove_prefix(4);
      } else {
        out += '\n';
      }
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    i = end + 1;
  }
  return out;
}

}  // namespace

std::string generate_article(std::uint64_t index, const GeneratorOptions& options) {
  Writer w(options.seed * 1000003 + index);
  std::string title = std::string(kPlaces[w.pick(kPlaces.size())]) + " talks: " + w.sentence();
  title.pop_back();
  std::vector<std::string> paragraphs;
  std::size_t words = 0;
  const std::size_t target = 400 + w.pick(1100);
  while (words < target) {
    paragraphs.push_back(w.paragraph());
    words += static_cast<std::size_t>(
                 std::count(paragraphs.back().begin(), paragraphs.back().end(), ' ')) +
             1;
  }
  std::string out = title + "\n\nBy " + std::string(kPeople[w.pick(kPeople.size())]) + "\n\n";
  for (std::size_t k = 0; k < paragraphs.size(); ++k) {
    std::string p = paragraphs[k];
    if (options.damaged) {
      if (w.chance(0.5)) p = as_mojibake(p);
      if (w.chance(0.2)) p.insert(p.find(' ') + 1, "&amp; \u200B");
      if (w.chance(0.6)) p = hard_wrap(p, 72, w);
      if (w.chance(0.1)) out += std::string(kBoilerplate[w.pick(kBoilerplate.size())]) + "\n\n";
      if (w.chance(0.15))
        out += "REPORTING FROM " + std::string(kPlaces[w.pick(kPlaces.size())]) + "\n\n";
    }
    out += p + "\n\n";
  }
  if (options.damaged && w.chance(0.5)) {
    std::string crlf;
    for (char c : out) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    out = std::move(crlf);
  }
  return out;
}

std::string generate_corpus(std::size_t bytes, const GeneratorOptions& options) {
  std::string out;
  out.reserve(bytes + 16384);
  for (std::uint64_t i = 0; out.size() < bytes; ++i) out += generate_article(i, options);
  return out;
}

}  // namespace dossier::bench
