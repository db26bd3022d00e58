// Who said it: each quotation's speaker, from the patterns reporters use.
//
//   “…,” said X  ·  “…,” X said  ·  “…,” he added     (after the quotation)
//   X said (that) “…”  ·  X, a …, said, “…”  ·  with X emphasizing, “…”   (before it)
//   … but said “…”       (a second verb shares the sentence's subject)
//   X: “…”  ·  a paragraph ending in “:” introduces the next one's quotation
//   according to X
//   an unattributed quotation right after one by X, with no one else named between: X
//
// Pronouns resolve to the person named last (outside quotations, not in a possessive) in the
// same or the previous paragraph. Where none of this applies the speaker stays unknown.
#include "annotate/attribute_quotes.h"

#include <algorithm>

#include "annotate/cue_words.h"

namespace dossier::annotate {

namespace {

using model::EntityType;

constexpr int kTitleWalk = 6;  // tokens between a speech verb and the name it introduces

class Attributor {
 public:
  Attributor(const std::vector<BlockText>& blocks, std::vector<FoundName>& names,
             const std::vector<FoundQuote>& quotes)
      : blocks_(blocks), names_(names), quotes_(quotes) {
    in_quote_.resize(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
      const auto& n = names[i];
      in_quote_[i] = inside_quote(n.block, n.mention.at.start);
    }
  }

  std::optional<std::size_t> speaker(std::size_t qi) {
    const FoundQuote& q = quotes_[qi];
    if (auto s = after(q)) return s;
    if (auto s = before(q)) return s;
    if (auto s = introduced_by_previous_paragraph(q)) return s;
    return continued(qi);
  }

  void mark_speaker(std::size_t name) {
    auto& m = names_[name].mention;
    m.person_cue = m.person_cue || !m.type || m.type == EntityType::Person;
    if (!m.type) m.type = EntityType::Person;
  }

  std::optional<std::size_t> resolved_speaker(std::size_t qi) const { return speakers_[qi]; }
  void remember(std::optional<std::size_t> s) { speakers_.push_back(s); }

 private:
  const BlockText& block(std::size_t i) const { return blocks_[i]; }
  const std::string& lower(std::size_t b, int t) const { return block(b).lower(t); }
  bool is_word(std::size_t b, int t) const {
    return t >= 0 && t < static_cast<int>(block(b).tokens.size()) &&
           block(b).tokens[t].kind == TokenKind::Word;
  }
  bool is_punct(std::size_t b, int t, char32_t c) const {
    return t >= 0 && t < static_cast<int>(block(b).tokens.size()) &&
           block(b).punct(block(b).tokens[t], c);
  }
  bool is_speech_verb(std::size_t b, int t) const {
    return is_word(b, t) && cue::is_speech_verb(lower(b, t));
  }
  bool is_adverb(std::size_t b, int t) const {
    if (!is_word(b, t)) return false;
    const std::string w = lower(b, t);
    return w == "also" || w == "later" || w == "then" || w == "has" || w == "had" || w == "have" ||
           w == "was" || w == "is" || w == "further" || w == "again" || w == "once" ||
           (w.size() > 4 && w.ends_with("ly"));
  }

  bool inside_quote(std::size_t b, int cp) const {
    for (const auto& q : quotes_) {
      if (b < q.first_block || b > q.last_block) continue;
      const bool after_open = b > q.first_block || cp > q.open;
      const bool before_close = b < q.last_block || cp < q.close;
      if (after_open && before_close) return true;
    }
    return false;
  }

  bool is_person(std::size_t i) const {
    const auto& m = names_[i].mention;
    return m.type == EntityType::Person || m.person_cue;
  }

  // The name whose first token is `t` in block `b`.
  std::optional<std::size_t> name_starting(std::size_t b, int t) const {
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (names_[i].block == b && names_[i].first == t) return i;
    }
    return std::nullopt;
  }
  std::optional<std::size_t> name_covering(std::size_t b, int t) const {
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (names_[i].block == b && names_[i].first <= t && t <= names_[i].last) return i;
    }
    return std::nullopt;
  }

  int first_token_after(std::size_t b, int cp) const {
    const auto& toks = block(b).tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
      if (toks[i].begin > cp) return i;
    }
    return static_cast<int>(toks.size());
  }
  int last_token_before(std::size_t b, int cp) const {
    const auto& toks = block(b).tokens;
    int last = -1;
    for (int i = 0; i < static_cast<int>(toks.size()) && toks[i].begin < cp; ++i) last = i;
    return last;
  }

  // The first token of the sentence holding token t (quotations count as part of it).
  int sentence_start(std::size_t b, int t) const {
    const auto& toks = block(b).tokens;
    for (int i = t; i > 0; --i) {
      const Token& prev = toks[i - 1];
      if (prev.kind == TokenKind::Punct && is_sentence_end(block(b).text[prev.begin]) &&
          !inside_quote(b, prev.begin) && toks[i].capitalized) {
        return i;
      }
    }
    return 0;
  }

  // he/she at token t: the person named last before it in this paragraph or the one before.
  std::optional<std::size_t> resolve_pronoun(std::size_t b, int t) const {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      const auto& n = names_[i];
      const bool earlier = n.block == b ? n.last < t : (n.block + 1 == b);
      if (!earlier || in_quote_[i] || !is_person(i)) continue;
      if (block(n.block).tokens[n.last].possessive) continue;
      best = i;
    }
    return best;
  }

  // The name (or pronoun) a speech verb at token v introduces: "said Olga Oliker",
  // "argued Indian Prime Minister Narendra Modi", "said he".
  std::optional<std::size_t> subject_after_verb(std::size_t b, int v) const {
    for (int t = v + 1; t <= v + kTitleWalk && is_word(b, t); ++t) {
      if (auto n = name_starting(b, t)) {
        // "according to AU envoy Amina Diallo": an organization heading a title is not
        // the speaker when a name follows.
        const int after = names_[*n].last + 1;
        const bool title_follows = is_word(b, after) && (cue::is_title(lower(b, after)) ||
                                                         cue::is_title_modifier(lower(b, after)));
        if (is_person(*n) || !title_follows) return n;
        t = names_[*n].last;
        continue;
      }
      const std::string w = lower(b, t);
      if (cue::is_pronoun(w)) return resolve_pronoun(b, t);
      const bool titled = cue::is_title(w) || cue::is_title_modifier(w) || w == "the" ||
                          block(b).tokens[t].capitalized || name_covering(b, t);
      if (!titled) break;
    }
    return std::nullopt;
  }

  // "X said", "the Kremlin said", "he added", "Baunov also noted" starting at token t.
  std::optional<std::size_t> subject_then_verb(std::size_t b, int t) const {
    if (is_word(b, t) && lower(b, t) == "the") ++t;
    if (!is_word(b, t)) return std::nullopt;
    int after = t + 1;
    std::optional<std::size_t> subject;
    if (cue::is_pronoun(lower(b, t))) {
      subject = resolve_pronoun(b, t);
    } else if (auto n = name_starting(b, t)) {
      subject = n;
      after = names_[*n].last + 1;
    } else {
      return std::nullopt;
    }
    while (is_adverb(b, after)) ++after;
    return is_speech_verb(b, after) ? subject : std::nullopt;
  }

  std::optional<std::size_t> after(const FoundQuote& q) const {
    const std::size_t b = q.last_block;
    if (!q.closed) return std::nullopt;
    int t = first_token_after(b, q.close);
    if (is_punct(b, t, U',')) ++t;
    if (!is_word(b, t)) return std::nullopt;
    if (is_speech_verb(b, t)) return subject_after_verb(b, t);
    return subject_then_verb(b, t);
  }

  std::optional<std::size_t> before(const FoundQuote& q) const {
    const std::size_t b = q.first_block;
    const int end = last_token_before(b, q.open);
    if (end < 0) return std::nullopt;
    // A quotation that opens a sentence takes nothing from the sentence before.
    if (block(b).tokens[end].kind == TokenKind::Punct &&
        is_sentence_end(block(b).text[block(b).tokens[end].begin])) {
      return std::nullopt;
    }
    const int start = sentence_start(b, end);
    // X: “…” and “Park was sceptical: …”
    if (is_punct(b, end, U':')) {
      if (auto n = name_covering(b, end - 1)) return n;
      if (auto n = sentence_subject(b, start); n && is_person(*n)) return n;
    }
    // according to X
    for (int t = start; t + 2 <= end; ++t) {
      if (is_word(b, t) && lower(b, t) == "according" && is_word(b, t + 1) &&
          lower(b, t + 1) == "to") {
        if (auto n = subject_after_verb(b, t + 1)) return n;  // "according to AU envoy X"
      }
    }
    int verb = -1;
    for (int t = end; t >= start; --t) {
      if (is_speech_verb(b, t) && !inside_quote(b, block(b).tokens[t].begin)) {
        verb = t;
        break;
      }
    }
    if (verb < 0) return std::nullopt;
    // "was asked", "had been told": the subject of a passive did not speak.
    if (is_word(b, verb - 1)) {
      const std::string aux = lower(b, verb - 1);
      if (aux == "was" || aux == "were" || aux == "been" || aux == "being") return std::nullopt;
    }
    int prev = verb - 1;
    while (prev >= start && is_adverb(b, prev)) --prev;
    if (is_word(b, prev) && (lower(b, prev) == "but" || lower(b, prev) == "and")) {
      // The subject the verbs share opens the sentence, or follows a quotation inside it:
      // “What are you doing here?” the US will respond … and say, “…”
      int clause = start;
      for (int t = prev; t > start; --t) {
        if (closes_quotation(b, t - 1)) {
          clause = t;
          break;
        }
      }
      return sentence_subject(b, clause);
    }
    return nearest_subject(b, start, verb);
  }

  bool closes_quotation(std::size_t b, int t) const {
    const auto& toks = block(b).tokens;
    if (t < 0 || toks[t].kind != TokenKind::Punct) return false;
    const char32_t c = block(b).text[toks[t].begin];
    return c == U'\u201D' || c == U'\u00BB' || (c == U'"' && !toks[t].space_before);
  }

  // The name or pronoun that opens the sentence, after an article.
  std::optional<std::size_t> sentence_subject(std::size_t b, int start) const {
    int t = start;
    if (is_word(b, t) && lower(b, t) == "the") ++t;
    if (is_word(b, t) && cue::is_pronoun(lower(b, t))) return resolve_pronoun(b, t);
    for (; t < start + kTitleWalk && is_word(b, t); ++t) {
      if (auto n = name_starting(b, t)) return n;
    }
    return std::nullopt;
  }

  // The nearest person or pronoun before the verb; failing that, the nearest organization or
  // place in the verb's own clause ("…, Kyiv has responded").
  std::optional<std::size_t> nearest_subject(std::size_t b, int start, int verb) const {
    for (int t = verb - 1; t >= start; --t) {
      if (is_word(b, t) && cue::is_pronoun(lower(b, t))) return resolve_pronoun(b, t);
      if (auto n = name_covering(b, t)) {
        if (is_person(*n) && !in_quote_[*n] && !block(b).tokens[names_[*n].last].possessive) {
          return n;
        }
        t = names_[*n].first;
      }
    }
    for (int t = verb - 1; t >= start && !is_punct(b, t, U','); --t) {
      if (auto n = name_covering(b, t)) {
        if (!in_quote_[*n] && !block(b).tokens[names_[*n].last].possessive) return n;
        t = names_[*n].first;
      }
    }
    return std::nullopt;
  }

  // A paragraph that ends with a colon introduces a quotation opening the next one.
  std::optional<std::size_t> introduced_by_previous_paragraph(const FoundQuote& q) const {
    const std::size_t b = q.first_block;
    if (q.open != 0 || b == 0) return std::nullopt;
    const auto& prev = block(b - 1);
    if (prev.tokens.empty() || !prev.punct(prev.tokens.back(), U':')) return std::nullopt;
    const int last = static_cast<int>(prev.tokens.size()) - 1;
    const int start = sentence_start(b - 1, last);
    for (int t = start; t < last; ++t) {
      if (auto n = name_covering(b - 1, t)) {
        if (is_person(*n)) return n;
        t = names_[*n].last;
      }
    }
    return std::nullopt;
  }

  // An unattributed quotation right after an attributed one, nobody else named between.
  std::optional<std::size_t> continued(std::size_t qi) const {
    if (qi == 0 || !speakers_[qi - 1]) return std::nullopt;
    const FoundQuote& prev = quotes_[qi - 1];
    const FoundQuote& q = quotes_[qi];
    if (q.first_block > prev.last_block + 1) return std::nullopt;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      const auto& n = names_[i];
      if (in_quote_[i] || !is_person(i) || i == *speakers_[qi - 1]) continue;
      const bool after_prev = n.block > prev.last_block ||
                              (n.block == prev.last_block && n.mention.at.start > prev.close);
      const bool before_this =
          n.block < q.first_block || (n.block == q.first_block && n.mention.at.start < q.open);
      if (after_prev && before_this) {
        // Someone else was named in between, unless it is the same person.
        const auto& s = names_[*speakers_[qi - 1]].mention;
        if (n.mention.full != s.full) return std::nullopt;
      }
    }
    return speakers_[qi - 1];
  }

  const std::vector<BlockText>& blocks_;
  std::vector<FoundName>& names_;
  const std::vector<FoundQuote>& quotes_;
  std::vector<bool> in_quote_;
  std::vector<std::optional<std::size_t>> speakers_;
};

}  // namespace

void attribute_quotes(const std::vector<BlockText>& blocks, std::vector<FoundName>& names,
                      std::vector<FoundQuote>& quotes) {
  Attributor attributor(blocks, names, quotes);
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    const auto speaker = attributor.speaker(i);
    attributor.remember(speaker);
    if (speaker) attributor.mark_speaker(*speaker);
    quotes[i].quote.speaker_name = speaker;
  }
}

}  // namespace dossier::annotate
