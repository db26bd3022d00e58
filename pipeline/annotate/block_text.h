// A top-level block's text as code points, cut into tokens, shared by annotate's recognisers.
// Offsets are code points into the block's text, the unit of every annotation in the model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace dossier::annotate {

enum class TokenKind { Word, Number, Punct };

struct Token {
  int begin = 0;
  int end = 0;       // past the token, possessive ending included
  int name_end = 0;  // past the token without a possessive ’s / 's / s’
  TokenKind kind = TokenKind::Word;
  bool capitalized = false;  // first letter upper or title case
  bool all_caps = false;     // two or more letters, none lower case (NATO, U.S.)
  bool possessive = false;
  bool sentence_start = false;  // first word of a sentence, a quotation or the block
  bool space_before = false;
};

struct BlockText {
  std::string id;
  model::BlockKind kind = model::BlockKind::Paragraph;
  std::u32string text;
  std::vector<Token> tokens;
  // Per token, computed once: the word in lower case (without a possessive ending) and, for
  // a capitalized word, its name key (model::word_key; a lower-case word's key is its lower
  // form); empty for numbers and punctuation.
  std::vector<std::string> lowers;
  std::vector<std::string> keys;

  std::u32string_view view(const Token& t) const {
    return std::u32string_view(text).substr(t.begin, t.end - t.begin);
  }
  std::u32string_view name_view(const Token& t) const {
    return std::u32string_view(text).substr(t.begin, t.name_end - t.begin);
  }
  std::u32string_view range(int begin, int end) const {
    return std::u32string_view(text).substr(begin, end - begin);
  }
  std::string utf8(int begin, int end) const;
  // The token's text in lower case, without a possessive ending.
  std::string lower(const Token& t) const;
  const std::string& lower(int i) const { return lowers[static_cast<std::size_t>(i)]; }
  const std::string& key(int i) const { return keys[static_cast<std::size_t>(i)]; }
  bool punct(const Token& t, char32_t c) const {
    return t.kind == TokenKind::Punct && text[t.begin] == c;
  }
};

// Bounds-checked questions about a block's tokens by index: the base of the recognisers'
// scanners, so that looking one token too far back or ahead is simply "no".
class TokenCursor {
 public:
  explicit TokenCursor(const BlockText& b) : b_(b) {}

 protected:
  int size() const { return static_cast<int>(b_.tokens.size()); }
  const Token& tok(int i) const { return b_.tokens[static_cast<std::size_t>(i)]; }
  bool in_range(int i) const { return i >= 0 && i < size(); }
  bool word(int i) const { return in_range(i) && tok(i).kind == TokenKind::Word; }
  bool number(int i) const { return in_range(i) && tok(i).kind == TokenKind::Number; }
  bool punct(int i, char32_t c) const { return in_range(i) && b_.punct(tok(i), c); }
  bool is(int i, std::string_view w) const { return word(i) && b_.lower(i) == w; }
  bool adjacent(int i) const { return i < size() && !tok(i).space_before; }

  const BlockText& b_;
};

BlockText make_block_text(const model::Block& block);

// Blocks whose text annotate reads: everything but code, breaks and images.
std::vector<BlockText> make_block_texts(const std::vector<model::Block>& blocks);

bool is_quote_mark(char32_t c);
bool is_sentence_end(char32_t c);

}  // namespace dossier::annotate
