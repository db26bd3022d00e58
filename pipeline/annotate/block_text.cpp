#include "annotate/block_text.h"

#include <unicode/uchar.h>

#include <array>

#include "model/letters.h"
#include "model/name_key.h"
#include "model/utf8.h"

namespace dossier::annotate {

namespace {

// Abbreviations that keep their full stop, so it does not end a sentence.
constexpr std::array<std::u32string_view, 22> kAbbreviations = {
    U"Mr",  U"Mrs",  U"Ms",  U"Dr",  U"Prof", U"St",  U"Gen",  U"Sen", U"Rep", U"Gov", U"Lt",
    U"Col", U"Capt", U"Sgt", U"Jan", U"Feb",  U"Aug", U"Sept", U"Sep", U"Oct", U"Nov", U"Dec"};

bool is_letter(char32_t c) {
  return model::letters::is_alpha(c) ||
         (!model::letters::is_ascii(c) &&
          (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0);
}
bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == U'\u2019';
}
bool is_hyphen(char32_t c) {
  return c == U'-' || c == U'\u2010' || c == U'\u2011';
}
bool is_space(char32_t c) {
  return model::letters::is_white_space(c);
}
bool is_upper(char32_t c) {
  return model::letters::is_capital(c);
}

bool is_abbreviation(std::u32string_view word) {
  for (auto a : kAbbreviations) {
    if (a == word) return true;
  }
  // Initials and dotted abbreviations: J, U.S, R.Politik
  return word.size() == 1 && is_upper(word[0]);
}

int scan_word(const std::u32string& t, int i) {
  const int n = static_cast<int>(t.size());
  while (i < n) {
    const char32_t c = t[i];
    if (is_letter(c) || is_digit(c)) {
      ++i;
    } else if ((is_apostrophe(c) || is_hyphen(c)) && i + 1 < n && is_letter(t[i + 1])) {
      i += 2;
    } else if (c == U'.' && i + 1 < n && is_upper(t[i + 1]) && i > 0 && is_letter(t[i - 1])) {
      i += 2;  // U.S, R.Politik
    } else {
      break;
    }
  }
  return i;
}

int scan_number(const std::u32string& t, int i) {
  const int n = static_cast<int>(t.size());
  while (i < n) {
    if (is_digit(t[i])) {
      ++i;
    } else if ((t[i] == U',' || t[i] == U'.') && i + 1 < n && is_digit(t[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

void classify_case(const std::u32string& t, Token& tok) {
  int letters = 0;
  bool lower = false;
  for (int i = tok.begin; i < tok.name_end; ++i) {
    if (!model::letters::is_alpha(t[i])) continue;
    if (letters == 0) tok.capitalized = is_upper(t[i]);
    ++letters;
    if (model::letters::is_lower(t[i])) lower = true;
  }
  tok.all_caps = letters >= 2 && !lower;
}

}  // namespace

bool is_quote_mark(char32_t c) {
  return c == U'"' || c == U'\u201C' || c == U'\u201D' || c == U'\u2018' || c == U'\u2019' ||
         c == U'\u00AB' || c == U'\u00BB';
}

bool is_sentence_end(char32_t c) {
  return c == U'.' || c == U'?' || c == U'!';
}

std::string BlockText::utf8(int begin, int end) const {
  return model::utf8::encode(range(begin, end));
}

std::string BlockText::lower(const Token& t) const {
  std::string out;
  out.reserve(static_cast<std::size_t>(t.name_end - t.begin));
  for (int i = t.begin; i < t.name_end; ++i) {
    const char32_t c = text[i];
    if (c < 0x80) {
      out += static_cast<char>(c >= U'A' && c <= U'Z' ? c + 32 : c);
    } else {
      model::utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    }
  }
  return out;
}

BlockText make_block_text(const model::Block& block) {
  BlockText bt;
  bt.id = block.id;
  bt.kind = block.kind;
  bt.text = model::utf8::decode_all(block.text);
  const std::u32string& t = bt.text;
  const int n = static_cast<int>(t.size());
  bool sentence_start = true;
  bool space = false;
  for (int i = 0; i < n;) {
    const char32_t c = t[i];
    if (is_space(c)) {
      space = true;
      ++i;
      continue;
    }
    Token tok;
    tok.begin = i;
    tok.space_before = space;
    space = false;
    if (is_letter(c)) {
      tok.kind = TokenKind::Word;
      i = scan_word(t, i);
      tok.name_end = i;
      // Possessives: Putin’s, Ukraine's, allies’
      if (i - tok.begin > 2 && (t[i - 1] == U's' || t[i - 1] == U'S') && is_apostrophe(t[i - 2])) {
        tok.possessive = true;
        tok.name_end = i - 2;
      } else if (i < n && is_apostrophe(t[i]) && (t[i - 1] == U's') &&
                 (i + 1 >= n || !is_letter(t[i + 1]))) {
        tok.possessive = true;
        ++i;
      }
      if (i < n && t[i] == U'.' &&
          is_abbreviation(std::u32string_view(t).substr(tok.begin, tok.name_end - tok.begin))) {
        ++i;  // keeps its full stop: Mr. Dr. J.
      } else if (i < n && t[i] == U'.' && i - tok.begin >= 3 && t[i - 2] == U'.') {
        ++i;  // U.S. — the dotted abbreviation's last stop
      }
      tok.end = i;
      if (!tok.possessive) tok.name_end = i;
      classify_case(t, tok);
    } else if (is_digit(c)) {
      tok.kind = TokenKind::Number;
      i = scan_number(t, i);
      tok.end = tok.name_end = i;
    } else {
      tok.kind = TokenKind::Punct;
      tok.end = tok.name_end = ++i;
    }
    if (tok.kind != TokenKind::Punct) {
      tok.sentence_start = sentence_start;
      sentence_start = false;
    } else if (is_sentence_end(c) || c == U':' || c == U'\u201C' || c == U'\u2018' ||
               (c == U'"' && (tok.begin == 0 || tok.space_before))) {
      sentence_start = true;
    } else if (!is_quote_mark(c) && c != U')' && c != U']') {
      sentence_start = false;
    }
    bt.tokens.push_back(tok);
  }
  bt.lowers.reserve(bt.tokens.size());
  bt.keys.reserve(bt.tokens.size());
  for (const auto& tok : bt.tokens) {
    if (tok.kind == TokenKind::Word) {
      bt.lowers.push_back(bt.lower(tok));
      // Only capitalized words start or carry names; a lower-case word inside one (of, and,
      // the) is its own key.
      bt.keys.push_back(tok.capitalized || tok.all_caps ? model::word_key(bt.name_view(tok))
                                                        : bt.lowers.back());
    } else {
      bt.lowers.emplace_back();
      bt.keys.emplace_back();
    }
  }
  return bt;
}

std::vector<BlockText> make_block_texts(const std::vector<model::Block>& blocks) {
  std::vector<BlockText> texts;
  texts.reserve(blocks.size());
  for (const auto& block : blocks) {
    switch (block.kind) {
      case model::BlockKind::Code:
      case model::BlockKind::ThematicBreak:
      case model::BlockKind::Image:
        continue;
      default:
        texts.push_back(make_block_text(block));
    }
  }
  return texts;
}

}  // namespace dossier::annotate
