// The English words annotate's recognisers key on: titles that make a role, head nouns that
// make an organization or an event, speech verbs, month and weekday names, and capitalized
// words that never start a name. Grammar, not data: the gazetteer (config/entities.yaml)
// holds the names.
#pragma once

#include <optional>
#include <string_view>

namespace dossier::annotate::cue {

// All take the word in lower case.
bool is_title(std::string_view w);           // president, spokesperson, professor, …
bool is_title_modifier(std::string_view w);  // former, deputy, foreign, of, …
bool is_organization_head(std::string_view w);
bool is_event_head(std::string_view w);
bool is_place_head(std::string_view w);          // dam, bridge, airport, … (facilities)
bool is_speech_verb(std::string_view w);         // said, says, added, noted, saying, …
bool is_not_a_name(std::string_view w);          // the, however, meanwhile, … (capitalized)
bool is_name_particle(std::string_view w);       // de, van, bin, al, …
bool is_place_preposition(std::string_view w);   // in, near, around, …
bool is_pronoun(std::string_view w);             // he, she
std::optional<int> month(std::string_view w);    // 1–12, full names and abbreviations
std::optional<int> weekday(std::string_view w);  // 0 = Monday … 6 = Sunday

}  // namespace dossier::annotate::cue
