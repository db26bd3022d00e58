// normalize: decoded text → clean logical lines, every change recorded as a Fix.
//
// Order (each step sees the output of the one before):
//   0. Markdown sources of a job with data: Mustache expanded (expand_template.h)
//   1. mojibake (UTF-8 read through a legacy code page), then C1 controls as Windows-1252
//   2. HTML/XML character references (&amp; &#8217; &rsquo;)
//   3. invisible characters (controls, zero-width space, soft hyphen, stray BOM)
//   4. compatibility characters (ligatures, full-width ASCII, no-break spaces)
//   5. Unicode NFC
//   6. quote artifacts (‘“ → “), and straight quotes if asked for
//   7. look-alike letters from another script inside a word
//   8. spacing: tabs and runs of spaces, line edges, space before punctuation
//   9. reflow: join hard-wrapped lines into their paragraph
// Steps 1–8 work inside a line and keep the original column of every character, so a Fix
// points at the input even after earlier fixes; reflow joins lines and records each join.
// Markdown sources get the character repairs only, without entity decoding (their line
// structure and references are syntax).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"
#include "normalize/expand_template.h"

namespace dossier::normalize {

// Which character-level repairs run (all by default). Each is a step of its own.
struct CharacterRepairs {
  bool mojibake = true;       // includes C1 controls read as Windows-1252
  bool entities = true;       // &amp; &#8217; &rsquo; in plain text
  bool invisible = true;      // controls, zero-width space, soft hyphen, stray BOM
  bool compatibility = true;  // ligatures, full-width ASCII, no-break spaces
  bool nfc = true;
  bool quotes = true;              // doubled opening quotes, stray closing quotes
  bool ascii_punctuation = false;  // straighten typographic quotes
  bool homoglyphs = true;          // look-alike letters from another script
};

struct NormalizeOptions {
  CharacterRepairs characters;
  bool reflow = true;
  bool fold_whitespace = true;
  // A report job's data (`data:` files, `--set`): Markdown sources are expanded as Mustache
  // over it first (see expand_template.h). None: sources are taken as written.
  std::shared_ptr<const nlohmann::json> data;
  std::size_t max_expansion = kMaxExpansion;  // bytes a source may expand to
};

// The character repairs on one line of text (no line breaks); fixes are positioned on
// line `line_number`. Used by normalize() and by the ftfy conformance test.
std::string repair_characters(std::string_view line, const CharacterRepairs& repairs,
                              std::vector<model::Fix>& fixes, int line_number = 1);

// Fills source.lines from source.text and appends to source.fixes. Template errors (undefined
// names) go to `diag`.
model::Source normalize(model::Source source, const NormalizeOptions& options,
                        model::Diagnostics& diag);
model::Source normalize(model::Source source, const NormalizeOptions& options);

}  // namespace dossier::normalize
