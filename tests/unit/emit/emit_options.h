// EmitOptions over the project's own templates, as the CLI would make them.
#pragma once

#include "emit/emit.h"

namespace dossier::fixtures {

inline emit::EmitOptions project_emit_options() {
  emit::EmitOptions o;
  o.templates = emit::TemplateSet({std::filesystem::path(DOSSIER_PROJECT_DIR) / "templates"});
  o.words = emit::Words({{"contents", "Contents"}, {"sources", "Sources"}});
  o.timestamp = 1747267200;  // 2025-05-15T00:00:00Z
  o.version = "test";
  return o;
}

}  // namespace dossier::fixtures
