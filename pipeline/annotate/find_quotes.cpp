#include "annotate/find_quotes.h"

#include <unicode/uchar.h>

#include "annotate/annotate.h"
#include "annotate/cue_words.h"

namespace dossier::annotate {

namespace {

constexpr int kShortQuoteWords = 4;
constexpr int kSpeechVerbReach = 60;  // code points either side of a short quotation

bool is_prose(const BlockText& b) {
  return b.kind == model::BlockKind::Paragraph || b.kind == model::BlockKind::Blockquote ||
         b.kind == model::BlockKind::List;
}

bool is_space(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

// An opening mark, a closing mark, or neither, judged by the mark and what stands before it.
enum class Mark { None, Open, Close };

Mark mark_at(const std::u32string& t, std::size_t i) {
  const char32_t c = t[i];
  if (c == U'\u201C' || c == U'\u00AB') return Mark::Open;
  if (c == U'\u201D' || c == U'\u00BB') return Mark::Close;
  if (c != U'"') return Mark::None;
  const char32_t before = i == 0 ? U' ' : t[i - 1];
  return is_space(before) || before == U'(' || before == U'[' || before == U'\u2014' ||
                 before == U'\u2018'
             ? Mark::Open
             : Mark::Close;
}

int next_mark(const std::u32string& t, int from, Mark want) {
  for (int i = from; i < static_cast<int>(t.size()); ++i) {
    if (mark_at(t, i) == want) return i;
  }
  return -1;
}

int words_in(const std::u32string& t, int begin, int end) {
  int words = 0;
  bool in_word = false;
  for (int i = begin; i < end; ++i) {
    const bool space = is_space(t[i]);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool speech_verb_near(const BlockText& b, int open, int close) {
  const int from = open - kSpeechVerbReach, to = close + kSpeechVerbReach;
  int previous = -1;
  for (int i = 0; i < static_cast<int>(b.tokens.size()); ++i) {
    const Token& t = b.tokens[static_cast<std::size_t>(i)];
    if (t.kind == TokenKind::Word && t.end > from && t.begin < to &&
        (t.end <= open || t.begin > close)) {
      const std::string& w = b.lower(i);
      if (cue::is_speech_verb(w)) return true;
      if (previous >= 0 && w == "to" && b.lower(previous) == "according") return true;
    }
    if (t.kind == TokenKind::Word) previous = i;
  }
  return false;
}

std::string slice(const BlockText& b, int begin, int end) {
  return b.utf8(begin, end);
}

}  // namespace

std::vector<FoundQuote> find_quotes(const std::vector<BlockText>& blocks) {
  std::vector<FoundQuote> quotes;
  // A quotation still open at the end of a paragraph. (A flag beside a value rather than a
  // std::optional: GCC 12 at -O2 reports a false maybe-uninitialized inside the optional.)
  FoundQuote open;
  bool is_open = false;
  auto finish_open = [&] {
    if (!is_open) return;
    const bool long_enough =
        words_in(blocks[open.first_block].text, open.open + 1,
                 static_cast<int>(blocks[open.first_block].text.size())) >= kShortQuoteWords;
    if (open.quote.blocks.size() > 1 || long_enough) quotes.push_back(open);
    is_open = false;
  };
  for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
    const BlockText& b = blocks[bi];
    if (!is_prose(b)) {
      finish_open();
      continue;
    }
    const std::u32string& t = b.text;
    int pos = 0;
    if (is_open) {
      if (!t.empty() && mark_at(t, 0) == Mark::Open) {
        // The quotation goes on in this paragraph.
        const int close = next_mark(t, 1, Mark::Close);
        const int end = close < 0 ? static_cast<int>(t.size()) : close;
        open.quote.blocks.push_back(b.id);
        open.quote.text += "\n" + slice(b, 1, end);
        open.last_block = bi;
        open.close = end;
        if (close < 0) continue;
        open.closed = true;
        quotes.push_back(open);
        is_open = false;
        pos = close + 1;
      } else {
        finish_open();
      }
    }
    for (int m = next_mark(t, pos, Mark::Open); m >= 0; m = next_mark(t, pos, Mark::Open)) {
      const int close = next_mark(t, m + 1, Mark::Close);
      FoundQuote q;
      q.first_block = q.last_block = bi;
      q.open = m;
      q.quote.block = b.id;
      q.quote.blocks = {b.id};
      if (close < 0) {
        q.close = static_cast<int>(t.size());
        q.closed = false;
        q.quote.text = slice(b, m + 1, q.close);
        open = std::move(q);
        is_open = true;
        break;
      }
      q.close = close;
      q.quote.text = slice(b, m + 1, close);
      pos = close + 1;
      if (words_in(t, m + 1, close) < kShortQuoteWords && !speech_verb_near(b, m, close)) continue;
      quotes.push_back(std::move(q));
    }
  }
  finish_open();
  return quotes;
}

std::vector<model::Quote> find_quotes(const std::vector<model::Block>& blocks) {
  std::vector<model::Quote> out;
  for (auto& q : find_quotes(make_block_texts(blocks))) out.push_back(std::move(q.quote));
  return out;
}

}  // namespace dossier::annotate
