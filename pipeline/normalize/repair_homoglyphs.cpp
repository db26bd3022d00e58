// Look-alike letters: a Cyrillic or Greek letter inside an otherwise Latin word becomes its
// Latin twin ("Сollaborator" with a Cyrillic ES), and a Latin letter inside an otherwise
// Cyrillic word its Cyrillic twin. Twins come from ICU's confusables data (skeletons); a
// word written in one script is never changed.
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <map>

#include "model/byte_scan.h"
#include "model/letters.h"
#include "model/utf8.h"
#include "normalize/line_text.h"

namespace dossier::normalize {

namespace {

UScriptCode script_of(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_FAILURE(status) ? USCRIPT_COMMON : s;
}

struct Twins {
  std::map<char32_t, char32_t> to_latin;     // Cyrillic and Greek → Latin
  std::map<char32_t, char32_t> to_cyrillic;  // Latin → Cyrillic

  Twins() {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* checker = uspoof_open(&status);
    if (U_FAILURE(status)) return;
    const auto skeleton_letter = [&](char32_t c) -> char32_t {
      UChar in[2];
      int32_t len = 0;
      U16_APPEND_UNSAFE(in, len, static_cast<UChar32>(c));
      UChar out[8];
      UErrorCode st = U_ZERO_ERROR;
      const int32_t n = uspoof_getSkeleton(checker, 0, in, len, out, 8, &st);
      if (U_FAILURE(st) || n != 1) return 0;
      return out[0];
    };
    for (char32_t c = 0x0370; c <= 0x04FF; ++c) {
      if (!u_isalpha(static_cast<UChar32>(c))) continue;
      // Greek lowercase letters are used alone in science (γ, μ): only omicron is a twin.
      if (script_of(c) == USCRIPT_GREEK && u_islower(static_cast<UChar32>(c)) && c != 0x03BF)
        continue;
      const char32_t latin = skeleton_letter(c);
      if (latin < 'A' || latin > 'z' || (latin > 'Z' && latin < 'a')) continue;
      // The twin must keep the letter's case: Cyrillic в looks like ʙ, not B.
      if (u_isupper(static_cast<UChar32>(c)) != u_isupper(static_cast<UChar32>(latin))) continue;
      to_latin[c] = latin;
      if (script_of(c) == USCRIPT_CYRILLIC && c <= 0x044F) to_cyrillic.emplace(latin, c);
    }
    uspoof_close(checker);
  }
};

const Twins& twins() {
  static const Twins t;
  return t;
}

struct Letter {
  char32_t c;
  std::size_t begin, end;
};

void repair_word(const std::vector<Letter>& word,
                 std::vector<std::tuple<std::size_t, std::size_t, char32_t>>& edits) {
  int latin = 0, cyrillic = 0, greek = 0;
  for (const auto& l : word) {
    const UScriptCode s = script_of(l.c);
    latin += s == USCRIPT_LATIN;
    cyrillic += s == USCRIPT_CYRILLIC;
    greek += s == USCRIPT_GREEK;
  }
  const int foreign = cyrillic + greek;
  if (latin == 0 || foreign == 0) return;  // one script: never changed
  const Twins& t = twins();
  if (latin > foreign) {
    for (const auto& l : word) {
      if (script_of(l.c) == USCRIPT_LATIN) continue;
      const auto it = t.to_latin.find(l.c);
      if (it == t.to_latin.end()) return;  // a letter with no twin: a real mixed word
    }
    for (const auto& l : word) {
      if (script_of(l.c) != USCRIPT_LATIN) edits.emplace_back(l.begin, l.end, t.to_latin.at(l.c));
    }
  } else if (cyrillic > latin && greek == 0) {
    for (const auto& l : word) {
      if (script_of(l.c) == USCRIPT_LATIN && !t.to_cyrillic.count(l.c)) return;
    }
    for (const auto& l : word) {
      if (script_of(l.c) == USCRIPT_LATIN)
        edits.emplace_back(l.begin, l.end, t.to_cyrillic.at(l.c));
    }
  }
}

}  // namespace

void repair_homoglyphs(LineText& line, std::vector<model::Fix>& fixes) {
  const std::string& text = line.text();
  if (model::bytes::first_non_ascii(text) == text.size()) return;  // no look-alikes in ASCII
  std::vector<std::tuple<std::size_t, std::size_t, char32_t>> edits;
  std::vector<Letter> word;
  model::utf8::for_each(text, [&](char32_t c, std::size_t at) {
    if (model::letters::is_alpha(c)) {
      word.push_back({c, at, at + model::utf8::encode(c).size()});
      return;
    }
    if (word.size() >= 2) repair_word(word, edits);
    word.clear();
  });
  if (word.size() >= 2) repair_word(word, edits);
  std::vector<model::Fix> recorded;
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
    line.replace(std::get<0>(*it), std::get<1>(*it), model::utf8::encode(std::get<2>(*it)),
                 model::FixKind::Homoglyph, recorded);
  }
  fixes.insert(fixes.end(), recorded.rbegin(), recorded.rend());
}

}  // namespace dossier::normalize
