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

// Entities are made on up to `threads` threads (0: one per core); the table is the same
// whatever the number.
EntityTable merge_entities(const std::vector<model::Source>& sources, unsigned threads = 1);

}  // namespace dossier::crossref
