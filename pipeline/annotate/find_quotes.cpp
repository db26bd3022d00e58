// Quotations in a source's blocks: “…” and "…", including the convention for a quotation
// that runs over several paragraphs (no closing mark at a paragraph's end, an opening mark at
// the next one's start). Short quoted phrases (scare quotes) count only when a speech verb
// stands next to them. Speakers are left unknown here, never guessed.
#include <array>
#include <string_view>

#include "annotate/annotate.h"
#include "model/utf8.h"

namespace dossier::annotate {

namespace {

constexpr std::string_view kOpen = "\u201C", kClose = "\u201D";
constexpr std::size_t kShortQuoteWords = 4;
constexpr std::array<std::string_view, 12> kSpeechVerbs = {
    "said",  "says",   "told",  "added",  "noted",     "stated",
    "asked", "warned", "wrote", "writes", "explained", "according to"};

bool is_prose(const model::Block& b) {
  return b.kind == model::BlockKind::Paragraph || b.kind == model::BlockKind::Blockquote;
}

std::size_t word_count(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool speech_verb_near(std::string_view text, std::size_t begin, std::size_t end) {
  const std::size_t from = begin > 40 ? begin - 40 : 0;
  const std::string_view before = text.substr(from, begin - from);
  const std::string_view after = text.substr(end, 40);
  for (std::string_view verb : kSpeechVerbs) {
    if (before.find(verb) != std::string_view::npos || after.find(verb) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// The next quotation mark at or after `from`: its offset, length and whether it opens.
struct Mark {
  std::size_t at = std::string::npos;
  std::size_t length = 0;
  bool opens = false;
};

Mark next_mark(std::string_view t, std::size_t from) {
  for (std::size_t i = from; i < t.size(); ++i) {
    if (t.compare(i, kOpen.size(), kOpen) == 0) return {i, kOpen.size(), true};
    if (t.compare(i, kClose.size(), kClose) == 0) return {i, kClose.size(), false};
    if (t[i] == '"') {
      const bool opens = i == 0 || t[i - 1] == ' ' || t[i - 1] == '(' || t[i - 1] == '\n';
      return {i, 1, opens};
    }
  }
  return {};
}

}  // namespace

std::vector<model::Quote> find_quotes(const std::vector<model::Block>& blocks) {
  std::vector<model::Quote> quotes;
  model::Quote open;  // a quotation still open at the end of a paragraph
  bool carrying = false;
  for (const auto& block : blocks) {
    if (!is_prose(block)) {
      carrying = false;
      continue;
    }
    const std::string& t = block.text;
    std::size_t pos = 0;
    if (carrying) {
      // It continues only where this paragraph opens with a quotation mark.
      const Mark first = next_mark(t, 0);
      if (first.at == 0 && first.opens) {
        open.blocks.push_back(block.id);
        pos = first.length;
        const Mark close = [&] {
          Mark m = next_mark(t, pos);
          while (m.at != std::string::npos && m.opens) m = next_mark(t, m.at + m.length);
          return m;
        }();
        const std::size_t end = close.at == std::string::npos ? t.size() : close.at;
        open.text += "\n" + t.substr(pos, end - pos);
        if (close.at == std::string::npos) continue;  // still open
        quotes.push_back(open);
        carrying = false;
        pos = close.at + close.length;
      } else {
        carrying = false;  // an unclosed quotation that does not continue: not kept
      }
    }
    for (Mark m = next_mark(t, pos); m.at != std::string::npos; m = next_mark(t, pos)) {
      if (!m.opens) {
        pos = m.at + m.length;
        continue;
      }
      const std::size_t inner = m.at + m.length;
      Mark close = next_mark(t, inner);
      while (close.at != std::string::npos && close.opens && t.compare(close.at, 1, "\"") != 0) {
        close = next_mark(t, close.at + close.length);  // nested ‘…’ is not a mark here
      }
      model::Quote q;
      q.block = block.id;
      q.blocks = {block.id};
      if (close.at == std::string::npos) {
        q.text = t.substr(inner);
        open = q;
        carrying = true;
        break;
      }
      q.text = t.substr(inner, close.at - inner);
      pos = close.at + close.length;
      if (word_count(q.text) < kShortQuoteWords && !speech_verb_near(t, m.at, pos)) continue;
      quotes.push_back(q);
    }
  }
  return quotes;
}

}  // namespace dossier::annotate
