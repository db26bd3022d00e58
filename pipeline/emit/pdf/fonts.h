// Which TrueType file sets each face. Families are looked up by name in Debian's DejaVu folder;
// a path to a .ttf file also works (its bold and italic faces then fall back to it).
#pragma once

#include <optional>
#include <string>

#include "emit/pdf/layout.h"

namespace dossier::emit::pdf {

// The font file for `face` in `family`, or nothing when it is not installed.
std::optional<std::string> font_file(const std::string& family, Face face);

}  // namespace dossier::emit::pdf
