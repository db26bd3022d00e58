#include "annotate/cue_words.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace dossier::annotate::cue {

namespace {

// A list's words in a hash set, made on first use: the recognisers ask about every
// capitalized word, often several lists each, and a binary search compared strings about
// seven times a list (a tenth of annotate's time went to memcmp).
class WordSet {
 public:
  template <std::size_t N>
  explicit WordSet(const std::array<std::string_view, N>& words)
      : words_(words.begin(), words.end()) {}
  bool contains(std::string_view w) const { return words_.contains(w); }

 private:
  std::unordered_set<std::string_view> words_;
};

// Every list below is kept in sorted order, for the reader.
constexpr std::array<std::string_view, 86> kTitles = {"activist",
                                                      "adviser",
                                                      "advisor",
                                                      "ambassador",
                                                      "analyst",
                                                      "ayatollah",
                                                      "banker",
                                                      "broker",
                                                      "captain",
                                                      "ceo",
                                                      "chair",
                                                      "chairman",
                                                      "chairwoman",
                                                      "chancellor",
                                                      "chief",
                                                      "co-founder",
                                                      "colonel",
                                                      "commander",
                                                      "commentator",
                                                      "commissioner",
                                                      "congressman",
                                                      "congresswoman",
                                                      "correspondent",
                                                      "diplomat",
                                                      "director",
                                                      "dr",
                                                      "dr.",
                                                      "economist",
                                                      "editor",
                                                      "emir",
                                                      "engineer",
                                                      "envoy",
                                                      "executive",
                                                      "expert",
                                                      "fellow",
                                                      "founder",
                                                      "gen.",
                                                      "governor",
                                                      "head",
                                                      "historian",
                                                      "journalist",
                                                      "judge",
                                                      "king",
                                                      "lawmaker",
                                                      "lawyer",
                                                      "leader",
                                                      "lecturer",
                                                      "manager",
                                                      "marshal",
                                                      "mayor",
                                                      "member",
                                                      "minister",
                                                      "mp",
                                                      "mr.",
                                                      "mrs.",
                                                      "ms.",
                                                      "nationalist",
                                                      "negotiator",
                                                      "officer",
                                                      "official",
                                                      "pope",
                                                      "premier",
                                                      "president",
                                                      "prince",
                                                      "princess",
                                                      "prof.",
                                                      "professor",
                                                      "prosecutor",
                                                      "queen",
                                                      "reporter",
                                                      "representative",
                                                      "researcher",
                                                      "scholar",
                                                      "secretary",
                                                      "secretary-general",
                                                      "senator",
                                                      "sheikh",
                                                      "speaker",
                                                      "spokesman",
                                                      "spokespeople",
                                                      "spokesperson",
                                                      "spokeswoman",
                                                      "sultan",
                                                      "trader",
                                                      "vice-president",
                                                      "writer"};

constexpr std::array<std::string_view, 35> kTitleModifiers = {
    "acting",  "aid",      "assistant", "associate",  "board",     "business", "chief",
    "defence", "defense",  "deputy",    "economy",    "finance",   "first",    "foreign",
    "former",  "general",  "insurance", "interior",   "jailed",    "key",      "lead",
    "marine",  "military", "of",        "opposition", "political", "prime",    "senior",
    "state",   "the",      "top",       "trade",      "veteran",   "vice",     "war"};

constexpr std::array<std::string_view, 72> kOrganizationHeads = {
    "academy",      "agency",     "alliance",   "army",       "assembly",    "association",
    "authority",    "bank",       "board",      "bureau",     "cabinet",     "center",
    "centre",       "church",     "club",       "coalition",  "college",     "command",
    "commission",   "committee",  "company",    "congress",   "corporation", "council",
    "court",        "department", "endowment",  "federation", "force",       "forces",
    "forum",        "foundation", "front",      "fund",       "government",  "group",
    "guard",        "hospital",   "inc",        "inc.",       "institute",   "institution",
    "league",       "ltd",        "ltd.",       "ministry",   "mission",     "movement",
    "museum",       "navy",       "network",    "news",       "office",      "organisation",
    "organization", "pact",       "parliament", "party",      "post",        "press",
    "program",      "programme",  "project",    "review",     "school",      "senate",
    "service",      "society",    "times",      "tribune",    "union",       "university"};

constexpr std::array<std::string_view, 13> kEventHeads = {
    "accord",   "accords",    "agreement", "agreements", "conference", "crisis",   "games",
    "olympics", "revolution", "summit",    "treaty",     "war",        "world-cup"};

constexpr std::array<std::string_view, 100> kSpeechVerbs = {
    "accused",    "accuses",    "accusing",   "acknowledged", "acknowledging", "added",
    "adding",     "adds",       "admitted",   "admitting",    "announced",     "announces",
    "announcing", "argued",     "argues",     "arguing",      "asked",         "asking",
    "asks",       "asserted",   "asserting",  "believes",     "called",        "calling",
    "calls",      "cautioned",  "claimed",    "claiming",     "clarified",     "clarifying",
    "commented",  "concluded",  "confirmed",  "contended",    "contends",      "continued",
    "countered",  "declared",   "declares",   "declaring",    "denied",        "denies",
    "denying",    "described",  "emphasised", "emphasising",  "emphasized",    "emphasizing",
    "explained",  "explaining", "explains",   "insisted",     "insisting",     "insists",
    "mentioned",  "noted",      "notes",      "noting",       "observed",      "pledged",
    "pointed",    "posted",     "praised",    "predicted",    "promised",      "put",
    "recalled",   "remarked",   "replied",    "replies",      "reported",      "responded",
    "responds",   "said",       "say",        "saying",       "says",          "shared",
    "stated",     "states",     "stating",    "stressed",     "stresses",      "stressing",
    "suggested",  "suggests",   "tells",      "told",         "tweeted",       "underlined",
    "urged",      "urges",      "urging",     "vowed",        "warned",        "warning",
    "warns",      "writes",     "writing",    "wrote"};

constexpr std::array<std::string_view, 137> kNotAName = {
    "a",          "about",       "according", "additionally", "after",     "again",
    "against",    "all",         "already",   "also",         "although",  "altogether",
    "amid",       "among",       "an",        "and",          "another",   "any",
    "as",         "at",          "because",   "before",       "behind",    "both",
    "but",        "by",          "can",       "currently",    "despite",   "do",
    "during",     "each",        "earlier",   "either",       "elsewhere", "even",
    "eventually", "every",       "everyone",  "few",          "finally",   "first",
    "for",        "from",        "he",        "her",          "here",      "his",
    "how",        "however",     "i",         "if",           "in",        "indeed",
    "initially",  "instead",     "it",        "its",          "just",      "last",
    "later",      "likewise",    "many",      "meanwhile",    "more",      "most",
    "much",       "my",          "neither",   "nevertheless", "next",      "no",
    "none",       "nonetheless", "nor",       "not",          "notably",   "note",
    "now",        "of",          "on",        "once",         "one",       "only",
    "or",         "other",       "others",    "otherwise",    "our",       "over",
    "overall",    "perhaps",     "photo",     "previously",   "recently",  "second",
    "separately", "she",         "similarly", "since",        "so",        "some",
    "soon",       "still",       "such",      "that",         "the",       "their",
    "then",       "there",       "these",     "they",         "this",      "those",
    "though",     "through",     "thus",      "to",           "today",     "ultimately",
    "under",      "unless",      "until",     "we",           "what",      "when",
    "where",      "whether",     "which",     "while",        "who",       "why",
    "with",       "without",     "yet",       "you",          "your"};

constexpr std::array<std::string_view, 20> kParticles = {
    "abu", "al", "bin", "da", "de", "del", "della", "der", "di",  "dos",
    "du",  "el", "ibn", "la", "le", "st.", "ten",   "van", "von", "zu"};

constexpr std::array<std::string_view, 6> kPlacePrepositions = {"across", "around", "in",
                                                                "inside", "near",   "outside"};

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace

bool is_title(std::string_view w) {
  // Occupations in -ist: economist, hydrologist, scientist, activist
  static const WordSet words(kTitles);
  return words.contains(w) || (w.size() >= 7 && w.ends_with("ist"));
}
bool is_title_modifier(std::string_view w) {
  static const WordSet words(kTitleModifiers);
  return words.contains(w);
}
bool is_organization_head(std::string_view w) {
  static const WordSet words(kOrganizationHeads);
  return words.contains(w);
}
bool is_place_head(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kPlaceHeads = {
      "airport", "bridge",  "canal",   "dam",    "palace", "plant",
      "square",  "stadium", "station", "strait", "street", "tower"};
  static const WordSet words(kPlaceHeads);
  return words.contains(w);
}

bool is_event_head(std::string_view w) {
  static const WordSet words(kEventHeads);
  return words.contains(w);
}
bool is_speech_verb(std::string_view w) {
  static const WordSet words(kSpeechVerbs);
  return words.contains(w);
}
bool is_not_a_name(std::string_view w) {
  static const WordSet words(kNotAName);
  return words.contains(w) || month(w) || weekday(w);
}
bool is_name_particle(std::string_view w) {
  static const WordSet words(kParticles);
  return words.contains(w);
}
bool is_place_preposition(std::string_view w) {
  static const WordSet words(kPlacePrepositions);
  return words.contains(w);
}
bool is_pronoun(std::string_view w) {
  return w == "he" || w == "she";
}

std::optional<int> month(std::string_view w) {
  // Full names, and abbreviations of three or four letters (Jan, Feb, Sept; "mar" is a word
  // and May is whole already), in one table.
  static const std::unordered_map<std::string_view, int> kForms = [] {
    std::unordered_map<std::string_view, int> forms;
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
      const int number = static_cast<int>(i + 1);
      forms.try_emplace(kMonths[i], number);
      for (std::size_t n = 3; n <= 4 && n < kMonths[i].size(); ++n) {
        const std::string_view abbreviation = kMonths[i].substr(0, n);
        if (abbreviation != "mar" && abbreviation != "may") forms.try_emplace(abbreviation, number);
      }
    }
    return forms;
  }();
  if (w.size() >= 3 && w.back() == '.') w.remove_suffix(1);
  const auto it = kForms.find(w);
  if (it == kForms.end()) return std::nullopt;
  return it->second;
}

std::optional<int> weekday(std::string_view w) {
  static const std::unordered_map<std::string_view, int> kDays = [] {
    std::unordered_map<std::string_view, int> days;
    for (std::size_t i = 0; i < kWeekdays.size(); ++i)
      days.emplace(kWeekdays[i], static_cast<int>(i));
    return days;
  }();
  const auto it = kDays.find(w);
  if (it == kDays.end()) return std::nullopt;
  return it->second;
}

}  // namespace dossier::annotate::cue
