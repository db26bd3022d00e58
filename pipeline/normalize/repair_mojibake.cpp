// Mojibake: UTF-8 bytes that were decoded through a legacy code page, once or several times.
// A line is re-encoded through each code page and read again as UTF-8; the reading is kept
// only when it lowers the line's badness. When the whole line cannot be re-encoded (it mixes
// mojibake with correct text), the same is tried on each run of mojibake on its own.
#include <optional>

#include "model/byte_scan.h"
#include "model/utf8.h"
#include "normalize/badness.h"
#include "normalize/code_pages.h"
#include "normalize/line_text.h"

namespace dossier::normalize {

namespace {

constexpr int kLost = -1;      // a byte already lost to U+FFFD in the text
constexpr int kMaxLayers = 4;  // mojibake nested deeper than this is not seen in practice

using Bytes = std::vector<int>;

bool is_cont(int b) {
  return b >= 0x80 && b <= 0xBF;
}

// The text's bytes in `page`, into `bytes`; false when a character has no byte there.
bool encode(std::u32string_view text, const CodePage& page, Bytes& bytes) {
  bytes.clear();
  bytes.reserve(text.size());
  for (char32_t c : text) {
    if (c < 0x80) {
      bytes.push_back(static_cast<int>(c));
    } else if (c == 0xFFFD) {
      bytes.push_back(kLost);
    } else if (const int b = page.byte_of(c); b >= 0) {
      bytes.push_back(b);
    } else {
      return false;
    }
  }
  return true;
}

bool starts_with_ascii(const Bytes& b, std::size_t i, std::string_view word) {
  if (i + word.size() > b.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (b[i + k] != static_cast<unsigned char>(word[k])) return false;
  }
  return true;
}

// One UTF-8 sequence at b[i], read sloppily: CESU-8 surrogate pairs, bytes already lost to
// U+FFFD or '?', and a no-break space turned into a space after C2/C3. Returns the code
// point and the bytes consumed, or nothing when b[i] does not start a sequence.
struct Read {
  char32_t cp;
  std::size_t length;
  std::u32string extra;  // characters to emit after cp (a space kept after "à")
};

std::optional<Read> read_sequence(const Bytes& b, std::size_t i) {
  const int lead = b[i];
  std::size_t need = 0;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1, cp = static_cast<char32_t>(lead & 0x1F);
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2, cp = static_cast<char32_t>(lead & 0x0F);
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3, cp = static_cast<char32_t>(lead & 0x07);
  } else {
    return std::nullopt;
  }
  const auto at = [&](std::size_t k) { return i + k < b.size() ? b[i + k] : -2; };
  // "Ã" + space: "à" whose no-break space became a space. Portuguese "às" and "àquele"
  // are single words; elsewhere the space stays.
  if (lead == 0xC3 && at(1) == ' ') {
    if (at(2) == 's' && (at(3) == -2 || at(3) == ' ' || at(3) == ',' || at(3) == '.')) {
      return Read{0xE0, 3, U"s"};
    }
    if (starts_with_ascii(b, i + 2, "quel") || starts_with_ascii(b, i + 2, "quil")) {
      return Read{0xE0, 2, U""};
    }
    return Read{0xE0, 1, U""};
  }
  if (lead == 0xC2 && at(1) == ' ') return Read{0xA0, 2, U""};
  // "â€" then no continuation: the third byte was 9D, which Windows-1252 cannot show and
  // so drops. E2 80 9D is the closing double quote.
  if (lead == 0xE2 && at(1) == 0x80 && !is_cont(at(2)) && at(2) != kLost && at(2) != '?') {
    return Read{0x201D, 2, U""};
  }
  // CESU-8: a surrogate pair written as two three-byte sequences.
  if (lead == 0xED && at(1) >= 0xA0 && at(1) <= 0xAF && is_cont(at(2)) && at(3) == 0xED &&
      at(4) >= 0xB0 && at(4) <= 0xBF && is_cont(at(5))) {
    const char32_t hi = 0xD000 | ((at(1) & 0x3F) << 6) | (at(2) & 0x3F);
    const char32_t lo = 0xD000 | ((at(4) & 0x3F) << 6) | (at(5) & 0x3F);
    return Read{0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00), 6, U""};
  }
  bool lost = false;
  for (std::size_t k = 1; k <= need; ++k) {
    int x = at(k);
    if (x == ' ' && !lost) x = 0xA0;  // a no-break space (A0) that became a space
    if (x == kLost || x == '?') {
      lost = true;
    } else if (is_cont(x) && !lost) {
      cp = (cp << 6) | static_cast<char32_t>(x & 0x3F);
    } else if (is_cont(x)) {
      continue;  // a continuation byte of a sequence that already lost a byte
    } else {
      // The sequence ends early: lost bytes at its end are a lossy repair, anything else is
      // not UTF-8.
      if (!lost) return std::nullopt;
      return Read{0xFFFD, k, U""};
    }
  }
  if (lost) return Read{0xFFFD, need + 1, U""};
  const char32_t min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  return Read{cp, need + 1, U""};
}

// The whole byte string as UTF-8, or nothing when any byte does not fit.
std::optional<std::u32string> decode_all(const Bytes& b) {
  std::u32string out;
  out.reserve(b.size());
  for (std::size_t i = 0; i < b.size();) {
    if (b[i] >= 0 && b[i] < 0x80) {
      out += static_cast<char32_t>(b[i++]);
      continue;
    }
    if (b[i] == kLost) {
      out += 0xFFFD;
      ++i;
      continue;
    }
    const auto read = read_sequence(b, i);
    if (!read) return std::nullopt;
    out += read->cp;
    out += read->extra;
    i += read->length;
  }
  return out;
}

// Re-reads the whole line through the code page that lowers its badness most.
bool repair_whole(std::u32string& text) {
  double best_score = badness(text);
  std::optional<std::u32string> best;
  thread_local Bytes bytes;
  for (const CodePage& page : code_pages()) {
    if (!encode(text, page, bytes)) continue;
    auto decoded = decode_all(bytes);
    if (!decoded || *decoded == text) continue;
    const double score = badness(*decoded);
    if (score < best_score) {
      best_score = score;
      best = std::move(decoded);
      if (best_score == 0) break;  // nothing can read better than clean text
    }
  }
  if (!best) return false;
  text = std::move(*best);
  return true;
}

// Mixed text: decode each UTF-8-shaped run of Windows-1252 images where that lowers the
// badness around it. A lone two-byte sequence is not evidence enough on its own.
bool repair_runs(std::u32string& text) {
  const CodePage& page = code_pages().front();
  struct Candidate {
    std::size_t begin, end;
    std::u32string replacement;
  };
  std::vector<Candidate> found;
  bool strong = false;
  Bytes bytes;
  for (std::size_t i = 0; i < text.size();) {
    bytes.clear();
    std::size_t j = i;
    // The longest run of characters that the page can encode (at most one sequence ahead).
    while (j < text.size() && j < i + 6) {
      const char32_t c = text[j];
      if (c < 0x80) {
        bytes.push_back(static_cast<int>(c));
      } else if (c == 0xFFFD) {
        bytes.push_back(kLost);
      } else if (auto b = page.encode(c)) {
        bytes.push_back(*b);
      } else {
        break;
      }
      ++j;
    }
    if (bytes.empty() || bytes[0] < 0xC2) {
      ++i;
      continue;
    }
    const auto read = read_sequence(bytes, 0);
    if (!read || read->cp == 0xFFFD || (read->length < 2 && read->cp != 0xE0)) {
      ++i;
      continue;
    }
    std::u32string replacement(1, read->cp);
    replacement += read->extra;
    found.push_back({i, i + read->length, replacement});
    strong = strong || read->length > 2 || text[i] <= 0x9F || text[i + 1] <= 0x9F;
    i += read->length;
  }
  if (found.empty() || (found.size() < 2 && !strong)) return false;
  // Adjacent sequences are judged together: a word decodes as a whole, not letter by letter.
  std::vector<Candidate> runs;
  for (auto& c : found) {
    if (!runs.empty() && runs.back().end == c.begin) {
      runs.back().end = c.end;
      runs.back().replacement += c.replacement;
    } else {
      runs.push_back(std::move(c));
    }
  }
  bool changed = false;
  std::u32string trial;
  for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
    // The run decoded, with what scoring around it reads (badness_around scores from three
    // characters before the run to one after it, and each score looks one character back and
    // three ahead): not the whole line copied for each run.
    const std::size_t from = it->begin >= 3 ? it->begin - 3 : 0;
    const std::size_t window = from > 0 ? from - 1 : 0;
    trial.assign(text, window, it->begin - window);
    trial += it->replacement;
    trial.append(text, it->end, 4);
    const std::size_t begin = it->begin - window;
    const double before = badness_around(text, it->begin, it->end);
    const double after = badness_around(trial, begin, begin + it->replacement.size());
    if (after < before) {
      text.replace(it->begin, it->end - it->begin, it->replacement);
      changed = true;
    }
  }
  return changed;
}

}  // namespace

bool fix_mojibake(std::u32string& text) {
  if (!has_mojibake_pattern(text)) return false;
  bool changed = false;
  for (int layer = 0; layer < kMaxLayers && repair_whole(text); ++layer) changed = true;
  if (!changed) changed = repair_runs(text);
  // A repaired run may reveal a further layer of whole-line mojibake.
  for (int layer = 0; changed && layer < kMaxLayers && repair_whole(text); ++layer) {
  }
  return changed;
}

// Whether `text` holds what has_mojibake_pattern looks for at all, read on its UTF-8 bytes:
// every pattern is two non-ASCII characters side by side (a lead's image and a
// continuation's, U+FFFD after a lead), "Ã" before a space, or a C1 control. Most lines with
// an accented letter or a curly quote have none, and are not widened to be scored.
bool may_hold_mojibake(std::string_view text) {
  bool after_non_ascii = false;  // the previous character was not ASCII
  for (std::size_t i = 0; i < text.size(); ++i) {
    // ASCII, skipped in blocks, parts any two characters.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      after_non_ascii = false;
      i = model::bytes::first_non_ascii(text, i);
      if (i == text.size()) break;
    }
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b & 0xC0) == 0x80) continue;  // a continuation byte: judged with its lead
    if (after_non_ascii) return true;
    after_non_ascii = true;
    const auto b1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (b == 0xC2 && b1 >= 0x80 && b1 <= 0x9F) return true;                                 // C1
    if (b == 0xC3 && b1 == 0x83 && i + 2 < text.size() && text[i + 2] == ' ') return true;  // "Ã "
  }
  return false;
}

void repair_mojibake(LineText& line, std::vector<model::Fix>& fixes) {
  const std::string& text = line.text();
  if (!may_hold_mojibake(text)) return;
  // Scored as code points in a reused buffer.
  thread_local std::u32string wide;
  wide.clear();
  model::utf8::for_each(text, [&](char32_t cp, std::size_t) { wide += cp; });
  if (!fix_mojibake(wide)) return;
  const std::string repaired = model::utf8::encode(wide);
  line.replace_all(repaired, model::FixKind::Mojibake, fixes);
}

void fix_c1_controls(LineText& line, std::vector<model::Fix>& fixes) {
  // C1 controls left after mojibake repair are Windows-1252 punctuation read as Latin-1.
  const CodePage& page = code_pages().front();
  std::vector<std::pair<std::size_t, char32_t>> found;
  model::utf8::for_each(line.text(), [&](char32_t cp, std::size_t at) {
    if (cp < 0x80 || cp > 0x9F) return;
    const char32_t mapped = page.to_unicode[cp];
    if (mapped != cp && mapped != 0) found.emplace_back(at, mapped);
  });
  std::vector<model::Fix> recorded;
  for (auto it = found.rbegin(); it != found.rend(); ++it) {
    line.replace(it->first, it->first + 2, model::utf8::encode(it->second),
                 model::FixKind::Mojibake, recorded);
  }
  fixes.insert(fixes.end(), recorded.rbegin(), recorded.rend());
}

}  // namespace dossier::normalize
