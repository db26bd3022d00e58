// ftfy conformance (DESIGN.md §8.13): runs every case of ../shared/peer-tests/ftfy/*.json
// through dossier's character repairs and prints, per file, how many pass.
//
// A case is compared with `fixed-encoding` (running the encoding repair only) when it has one,
// else with `fixed` (running every character repair). Curly and straight quotes count as
// equal and white space is folded, so only character repair is measured. Fails when a case
// of negative.json changes (unless listed below as an intended difference) or when fewer
// than 95% of the other "pass" cases pass; "fail" cases are counted, not required.
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "model/utf8.h"
#include "normalize/normalize.h"

using namespace dossier;

namespace {

// Cases where dossier deliberately goes further than ftfy, and why.
const std::map<std::string, std::string> kIntendedDifferences = {
    {"Negative: This Е is a Ukrainian letter, but nothing else is wrong",
     "a Cyrillic look-alike inside a Latin word is repaired to its Latin twin (homoglyph fix)"},
    {"Messy language names: Serbian [Cyrillic]",
     "the Latin C that starts the Cyrillic word is repaired to its Cyrillic twin (homoglyph fix)"},
};

std::string comparable(const std::string& text) {
  std::string out;
  bool space = false;
  model::utf8::for_each(text, [&](char32_t c, std::size_t) {
    if (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B) c = '\'';
    if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F) c = '"';
    const bool is_space = c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x3000 ||
                          (c >= 0x2000 && c <= 0x200A);
    if (is_space) {
      space = true;
      return;
    }
    const bool tight = c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
    if (space && !out.empty() && !tight) out += ' ';
    space = false;
    model::utf8::append(out, c);
  });
  return out;
}

struct Tally {
  int passed = 0, total = 0, intended = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const std::string folder = argc > 1 ? argv[1] : "../shared/peer-tests/ftfy";
  const bool verbose = argc > 2 && std::string(argv[2]) == "-v";
  std::ifstream probe(folder + "/negative.json");
  if (!probe) {
    std::cout << "skipped: no ftfy test data in " << folder << "\n";
    return 77;
  }
  // ftfy's fix_encoding: the mojibake step alone.
  normalize::CharacterRepairs encoding_only;
  encoding_only.entities = false;
  encoding_only.invisible = false;
  encoding_only.compatibility = false;
  encoding_only.nfc = false;
  encoding_only.quotes = false;
  encoding_only.homoglyphs = false;
  const normalize::CharacterRepairs everything;

  bool negatives_ok = true;
  Tally others, negatives, known;
  for (const char* file :
       {"in-the-wild", "synthetic", "language-names", "negative", "known-failures"}) {
    std::ifstream in(folder + "/" + file + ".json");
    const auto cases = nlohmann::json::parse(in);
    Tally tally;
    for (const auto& c : cases) {
      const std::string label = c["label"];
      const std::string original = c["original"];
      const bool encoding = c.contains("fixed-encoding");
      const std::string expected = encoding ? c["fixed-encoding"] : c["fixed"];
      std::vector<model::Fix> fixes;
      const std::string got =
          normalize::repair_characters(original, encoding ? encoding_only : everything, fixes);
      const bool pass = comparable(got) == comparable(expected);
      const bool should_pass = c["expect"] == "pass";
      ++tally.total;
      if (pass) ++tally.passed;
      const bool intended = !pass && kIntendedDifferences.count(label);
      if (intended) ++tally.intended;
      if (!pass && should_pass && !intended) {
        std::cout << "  FAIL [" << file << "] " << label << "\n      in:  " << original
                  << "\n      got: " << got << "\n      want: " << expected << "\n";
        if (std::string(file) == "negative") negatives_ok = false;
      } else if (verbose && pass) {
        std::cout << "  pass [" << file << "] " << label << "\n";
      }
      if (intended)
        std::cout << "  intended difference: " << label << " (" << kIntendedDifferences.at(label)
                  << ")\n";
    }
    std::cout << file << ": " << tally.passed << "/" << tally.total << " pass";
    if (tally.intended) std::cout << ", " << tally.intended << " intended difference";
    std::cout << "\n";
    Tally& bucket = std::string(file) == "negative"         ? negatives
                    : std::string(file) == "known-failures" ? known
                                                            : others;
    bucket.passed += tally.passed;
    bucket.total += tally.total;
    bucket.intended += tally.intended;
  }
  // Intended differences are counted apart: neither passes nor failures.
  others.total -= others.intended;
  const double share = others.total ? 100.0 * others.passed / others.total : 0;
  std::cout << "pass cases (not negative): " << others.passed << "/" << others.total << " ("
            << share << "%), negatives unchanged: " << (negatives_ok ? "all" : "NOT all")
            << ", intended differences: " << others.intended + negatives.intended
            << ", known failures now passing: " << known.passed << "/" << known.total << "\n";
  const bool ok = negatives_ok && others.passed * 100 >= others.total * 95;
  std::cout << others.passed << " passed, " << (others.total - others.passed) << " failed\n";
  return ok ? 0 : 1;
}
