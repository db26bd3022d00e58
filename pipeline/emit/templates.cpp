#include <fstream>
#include <sstream>

#include "emit/emit.h"

namespace dossier::emit {

TemplateSet::TemplateSet(std::vector<std::filesystem::path> folders)
    : folders_(std::move(folders)) {}

model::Result<std::string> TemplateSet::read(const std::string& name) const {
  const std::filesystem::path relative(name);
  const auto refuse = [&](std::string why) {
    return model::Diagnostic{model::Severity::Error, model::DiagCode::Template, name, 0, 0,
                             std::move(why)};
  };
  if (relative.is_absolute()) return refuse("template names must be relative");
  for (const auto& part : relative) {
    if (part == "..") return refuse("template names may not leave the template folder");
  }
  for (const auto& folder : folders_) {
    const std::filesystem::path candidate = folder / relative;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(candidate, ec)) continue;
    // A symlink inside a template folder must not lead outside it.
    const auto real = std::filesystem::weakly_canonical(candidate, ec);
    const auto root = std::filesystem::weakly_canonical(folder, ec);
    if (ec || std::mismatch(root.begin(), root.end(), real.begin()).first != root.end()) {
      return refuse("template resolves outside its folder: " + real.string());
    }
    std::ifstream in(candidate, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) return refuse("cannot read " + candidate.string());
    return text.str();
  }
  return refuse("template not found in any template folder");
}

std::string Words::operator[](const std::string& key) const {
  const auto it = words_.find(key);
  return it == words_.end() ? key : it->second;
}

}  // namespace dossier::emit
