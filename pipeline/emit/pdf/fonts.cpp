#include "emit/pdf/fonts.h"

#include <filesystem>

namespace dossier::emit::pdf {

namespace {

constexpr const char* kFontFolders[] = {"/usr/share/fonts/truetype/dejavu",
                                        "/usr/local/share/fonts"};

struct Family {
  const char* name;
  const char* regular;
  const char* bold;
  const char* italic;
};

// Debian's fonts-dejavu-core has the upright faces; fonts-dejavu-extra adds the italics.
constexpr Family kFamilies[] = {
    {"DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"},
    {"DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"},
    {"DejaVu Sans Mono", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf",
     "DejaVuSansMono-Oblique.ttf"},
};

std::optional<std::string> find(const char* file) {
  for (const char* folder : kFontFolders) {
    const std::filesystem::path p = std::filesystem::path(folder) / file;
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> font_file(const std::string& family, Face face) {
  if (face == Face::Heading) return find("DejaVuSans-Bold.ttf");
  if (face == Face::Mono) return find("DejaVuSansMono.ttf");
  if (family.ends_with(".ttf")) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(family, ec)) return family;
    return std::nullopt;
  }
  for (const Family& f : kFamilies) {
    if (family != f.name) continue;
    switch (face) {
      case Face::BodyBold:
        return find(f.bold);
      case Face::BodyItalic: {
        // Without the italic face (fonts-dejavu-extra), the upright one still sets the text.
        auto italic = find(f.italic);
        return italic ? italic : find(f.regular);
      }
      default:
        return find(f.regular);
    }
  }
  return std::nullopt;
}

}  // namespace dossier::emit::pdf
