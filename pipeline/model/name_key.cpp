#include "model/name_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <vector>

#include "model/ascii.h"
#include "model/byte_scan.h"
#include "model/replace_all.h"
#include "model/utf8.h"

namespace dossier::model {

namespace {

// Base letters: NFD, marks dropped, lower case, and the letters NFD does not split.
void append_folded(std::string& out, char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  if (c < 0x80) {
    if (c >= U'A' && c <= U'Z') {
      out += static_cast<char>(c + 32);
    } else if ((c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9')) {
      out += static_cast<char>(c);
    }
    return;
  }
  switch (u_tolower(cp)) {
    case U'ı':
      out += 'i';
      return;
    case U'ł':
      out += 'l';
      return;
    case U'ø':
      out += 'o';
      return;
    case U'đ':
      out += 'd';
      return;
    case U'ß':
      out += "ss";
      return;
    case U'æ':
      out += "ae";
      return;
    case U'œ':
      out += "oe";
      return;
    case U'þ':
      out += "th";
      return;
    default:
      break;
  }
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status)) {
    decomposed = nfd->normalize(icu::UnicodeString(cp), status);
  }
  if (U_FAILURE(status)) decomposed = icu::UnicodeString(cp);
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if ((U_GET_GC_MASK(d) & U_GC_M_MASK) != 0 || !u_isalnum(d)) continue;
    model::utf8::append(out, static_cast<char32_t>(u_tolower(d)));
  }
}

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Romanizations of one Cyrillic name differ mostly in how й, и, ий, ы and я are written.
void unify_transliteration(std::string& k) {
  if (k.size() < 4) return;
  replace_all(k, "yy", "y");
  replace_all(k, "ia", "ya");
  replace_all(k, "ey", "ei");
  for (std::string_view tail : {"iy", "yi", "ij", "ii"}) {
    if (ends_with(k, tail)) k.replace(k.size() - 2, 2, "y");
  }
  if (ends_with(k, "ski")) k.back() = 'y';
  // Dmitry/Dmitri, Melnyk/Melnik: after the first letter, y and i are one sound.
  std::replace(k.begin() + 1, k.end(), 'y', 'i');
}

// name_key for a name in ASCII, byte by byte: most names are, and decoding them to code
// points and asking ICU which are white space cost more than the rest of the key.
std::string ascii_name_key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  std::string word;
  const auto end_word = [&] {
    if (word.empty()) return;
    unify_transliteration(word);
    if (!key.empty()) key += ' ';
    key += word;
    word.clear();
  };
  for (const char c : name) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {  // ASCII's white space, as ICU has it
      end_word();
    } else if (ascii::is_alnum(c)) {
      word += ascii::to_lower(c);
    }
  }
  end_word();
  return key;
}

// Keys a thread made, by what they were made from. The same few spellings are keyed over and
// over (a source's names are compared by key several times each, capitalized words are keyed
// as they are read, and both recur across sources). Past a bound it starts afresh, so memory
// stays small whatever the input.
template <class Char>
class KeyMemo {
 public:
  template <class Make>
  std::string get(std::basic_string_view<Char> from, const Make& make) {
    if (const auto it = made_.find(from); it != made_.end()) return it->second;
    std::string key = make();
    if (made_.size() >= kKept) made_.clear();
    made_.emplace(from, key);
    return key;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::basic_string_view<Char> s) const {
      return std::hash<std::basic_string_view<Char>>{}(s);
    }
  };
  static constexpr std::size_t kKept = 1 << 14;
  std::unordered_map<std::basic_string<Char>, std::string, Hash, std::equal_to<>> made_;
};

}  // namespace

std::string word_key(std::u32string_view word) {
  thread_local KeyMemo<char32_t> memo;
  return memo.get(word, [word] {
    std::string k;
    k.reserve(word.size());
    for (char32_t c : word) append_folded(k, c);
    unify_transliteration(k);
    return k;
  });
}

std::string name_key(std::u32string_view name) {
  std::string key;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || u_isUWhiteSpace(static_cast<UChar32>(name[i]))) {
      if (i > start) {
        std::string w = word_key(name.substr(start, i - start));
        if (!w.empty()) {
          if (!key.empty()) key += ' ';
          key += w;
        }
      }
      start = i + 1;
    }
  }
  return key;
}

std::string name_key(std::string_view utf8_name) {
  thread_local KeyMemo<char> memo;
  return memo.get(utf8_name, [utf8_name] {
    return bytes::first_non_ascii(utf8_name) == utf8_name.size()
               ? ascii_name_key(utf8_name)
               : name_key(model::utf8::decode_all(utf8_name));
  });
}

std::string surname_key(std::string_view utf8_name) {
  const std::string key = name_key(utf8_name);
  const auto space = key.rfind(' ');
  return space == std::string::npos ? key : key.substr(space + 1);
}

int name_word_count(std::string_view utf8_name) {
  return static_cast<int>(std::count(utf8_name.begin(), utf8_name.end(), ' ')) + 1;
}

bool is_patronymic(std::string_view key_word) {
  for (std::string_view tail : {"ovich", "evich", "ovna", "evna", "ichna"}) {
    if (key_word.size() > tail.size() + 1 && key_word.ends_with(tail)) return true;
  }
  return false;
}

std::string entity_slug(std::string_view utf8_name) {
  const std::u32string name = model::utf8::decode_all(utf8_name);
  std::string slug = "E";
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    slug += '-';
    slug += word;
    word.clear();
  };
  for (char32_t c : name) {
    if (u_isUWhiteSpace(static_cast<UChar32>(c)) || c == U'-') {
      flush();
      continue;
    }
    std::string folded;
    append_folded(folded, c);
    for (char f : folded) {
      if ((f >= 'a' && f <= 'z') || (f >= '0' && f <= '9')) word += f;
    }
  }
  flush();
  return slug;
}

}  // namespace dossier::model
