// Names → entities across sources (crossref-internal).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "model/model.h"

namespace dossier::crossref {

struct EntityTable {
  std::vector<model::Entity> entities;  // in order of first mention
  // entity_of[source][name]: the entity a source's name belongs to, or none when dropped.
  std::vector<std::vector<std::optional<std::size_t>>> entity_of;
};

EntityTable merge_entities(const std::vector<model::Source>& sources);

}  // namespace dossier::crossref
