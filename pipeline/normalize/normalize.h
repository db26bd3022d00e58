// normalize: decoded text → clean logical lines, every change recorded as a Fix.
//
// Order (each step sees the output of the one before):
//   1. strip invisible characters (controls, zero-width space, soft hyphen, stray BOM)
//   2. Unicode NFC
//   3. fold whitespace (tabs, runs of spaces, spaces at line starts and ends)
//   4. reflow: join hard-wrapped lines into their paragraph
// Steps 1–3 work inside a line and keep the original column of every character, so a Fix
// points at the input even after earlier fixes; reflow joins lines and records each join.
// Markdown sources get steps 1–2 only (their line structure is syntax).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace dossier::normalize {

// Which character-level repairs run (all by default). Each is a step of its own.
struct CharacterRepairs {
  bool mojibake = true;   // includes C1 controls read as Windows-1252
  bool invisible = true;  // controls, zero-width space, soft hyphen, stray BOM
  bool nfc = true;
};

struct NormalizeOptions {
  CharacterRepairs characters;
  bool reflow = true;
  bool fold_whitespace = true;
};

// The character repairs on one line of text (no line breaks); fixes are positioned on
// line `line_number`. Used by normalize() and by the ftfy conformance test.
std::string repair_characters(std::string_view line, const CharacterRepairs& repairs,
                              std::vector<model::Fix>& fixes, int line_number = 1);

// Fills source.lines from source.text and appends to source.fixes.
model::Source normalize(model::Source source, const NormalizeOptions& options);

}  // namespace dossier::normalize
