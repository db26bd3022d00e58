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

#include "model/model.h"

namespace dossier::normalize {

struct NormalizeOptions {
  bool reflow = true;
  bool fold_whitespace = true;
};

// Fills source.lines from source.text and appends to source.fixes.
model::Source normalize(model::Source source, const NormalizeOptions& options);

}  // namespace dossier::normalize
