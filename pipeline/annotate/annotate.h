// annotate: what each source says, one source at a time.
//
// Gives the source its id (S1, S2, … in job order) and every top-level block its paragraph id
// (S1-p1, …; nested blocks share their parent's id), settles metadata (the job file's values
// win over what structure detected), and finds in the blocks: names of people,
// organizations, places and events (with roles), quotations with the name of their speaker,
// dates and figures. Merging names into entities across sources is crossref's job. Works on
// one source at a time, so sources are annotated in parallel.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "annotate/gazetteer.h"
#include "model/model.h"

namespace dossier::annotate {

struct AnnotateOptions {
  std::string default_language = "en";
  // Built-in names plus the job's; none means names are found from cues alone.
  std::shared_ptr<const Gazetteer> gazetteer;
};

// `index` is the source's 0-based position in the job.
model::Source annotate(model::Source source, std::size_t index, const AnnotateOptions& options);

// Quotations in prose blocks (ids already assigned), one per quotation even when it runs
// over several paragraphs; speakers are not attributed by this function.
std::vector<model::Quote> find_quotes(const std::vector<model::Block>& blocks);

}  // namespace dossier::annotate
