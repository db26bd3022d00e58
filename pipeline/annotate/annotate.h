// annotate: per-source identities and metadata.
//
// Gives the source its id (S1, S2, … in job order) and every top-level block its paragraph id
// (S1-p1, …; nested blocks share their parent's id), and settles metadata: the job file's
// values win over what structure detected. Works on one source at a time, so sources can be
// annotated in parallel.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/model.h"

namespace dossier::annotate {

struct AnnotateOptions {
  std::string default_language = "en";
};

// `index` is the source's 0-based position in the job.
model::Source annotate(model::Source source, std::size_t index, const AnnotateOptions& options);

// Quotations in prose blocks (ids already assigned), one per quotation even when it runs
// over several paragraphs; speakers unknown (null) at this stage.
std::vector<model::Quote> find_quotes(const std::vector<model::Block>& blocks);

}  // namespace dossier::annotate
