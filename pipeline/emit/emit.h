// emit: Briefing → files. The only stage that writes.
//
// Each format is a {name, extension, writer} entry in a registry; a writer streams one format
// to an std::ostream and never touches the file system. write_outputs() writes each to a
// temporary file beside its target and renames it into place, so a failed or killed build
// never leaves a half-written output.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/digest.h"
#include "model/model.h"

namespace dossier::emit {

struct BriefingView;  // briefing_view.h
class PieceCache;     // piece_cache.h

// The reference parts, in the order the formats show them (the index after the sources).
enum class ReferencePart { People, Quotes, Timeline, Figures, Index };
inline constexpr std::size_t kReferencePartCount = 5;
// A digest of what each part shows, by ReferencePart (piece_cache.h).
using PartsDigests = std::array<model::Digest, kReferencePartCount>;

// Template files, looked up in order: the job's templates folder first, then the built-ins.
// Names are relative ("html/page.mustache"); a name that would leave the folders is refused.
class TemplateSet {
 public:
  explicit TemplateSet(std::vector<std::filesystem::path> folders = {});
  // The file's text, or an error naming the template.
  model::Result<std::string> read(const std::string& name) const;

 private:
  std::vector<std::filesystem::path> folders_;
};

// Words shown to readers ("Contents", "Sources"), from templates/strings.yaml.
class Words {
 public:
  Words() = default;
  explicit Words(std::map<std::string, std::string> words) : words_(std::move(words)) {}
  // The word for `key`; the key itself when the table lacks it, so output stays readable.
  std::string operator[](const std::string& key) const;
  const std::map<std::string, std::string>& all() const { return words_; }

 private:
  std::map<std::string, std::string> words_;
};

struct PdfOptions {
  std::string paper = "A4";  // A4 or Letter
  std::string font = "DejaVu Serif";
  double font_size = 10.5;
  double margin_top = 72, margin_bottom = 72, margin_left = 72, margin_right = 72;  // points
  // Compressed pages beyond this many bytes wait for the save in a temporary file rather than
  // in memory (not a job setting: the writer's own, lowered by tests).
  std::size_t spill_pages_above = std::size_t{16} << 20;
};

struct EmitOptions {
  TemplateSet templates;
  Words words;
  PdfOptions pdf;
  // An EPUB page longer than this many bytes (a reference part of thousands of articles) is
  // compressed as it is written rather than held whole (not a job setting: the writer's own,
  // lowered by tests).
  std::size_t epub_hold_page = std::size_t{8} << 20;
  // An EPUB reference part longer than this many bytes of XHTML is split over several files
  // of about this size (the writer's own, lowered by tests).
  std::size_t epub_part_bytes = std::size_t{256} << 10;
  long long timestamp = 0;  // build time (SOURCE_DATE_EPOCH), seconds since the epoch
  std::string version;      // dossier version, written into outputs
  unsigned threads = 0;     // for work an emitter can split (0: one per core)
  // A report job's data (`data:` files, `--set`), shown to the page templates as `data`.
  std::shared_ptr<const nlohmann::json> data;
  // The briefing's reference parts, made once by write_outputs for all its formats; a writer
  // called without it makes its own.
  std::shared_ptr<const BriefingView> view;
  // Where the writers find the chapters an earlier build rendered, and keep the ones they
  // render (none: every chapter is rendered). With it, `source_digests` can hold each source's
  // digest (model::digest_source), made once for all the formats; a writer makes its own
  // when it does not.
  PieceCache* pieces = nullptr;
  std::shared_ptr<const std::vector<model::Digest>> source_digests;
  // And each source's links_digest (piece_cache.h) under `view`, made once for the formats
  // that link names (three of them read it for every chapter).
  std::shared_ptr<const std::vector<model::Digest>> link_digests;
  // And the view's parts_digests (piece_cache.h), made once for the formats that show the
  // reference parts.
  std::optional<PartsDigests> parts_digests;
  // Called by a writer once it reads nothing more of the briefing, the view or the digests;
  // the PDF writer calls it before libharu assembles the document, so that write_outputs can
  // free the model for that part, a build's memory peak. Empty: nobody listens.
  std::function<void()> done_with_briefing;
};

using Writer = model::Result<bool> (*)(const model::Briefing&, const EmitOptions&, std::ostream&);

struct Format {
  const char* name;       // html, epub, pdf, md, json
  const char* extension;  // file extension without the dot
  Writer write;
};

const std::vector<Format>& formats();
const Format* find_format(const std::string& name);

// Writes `path` through a temporary file in the same folder and an atomic rename.
model::Result<bool> write_file_atomically(const std::filesystem::path& path,
                                          const std::function<bool(std::ostream&)>& write);

// The first half of that: writes, flushes to disk and closes a temporary file in `path`'s
// folder, and returns its name; nothing is left behind when it fails.
model::Result<std::filesystem::path> write_temporary_file(
    const std::filesystem::path& path, const std::function<bool(std::ostream&)>& write);

// The second half: renames `temporary` to `path` (removing it if that fails).
model::Result<bool> move_into_place(const std::filesystem::path& temporary,
                                    const std::filesystem::path& path);

struct WrittenOutput {
  std::string format;
  std::filesystem::path path;
  bool ok = false;     // written and renamed into place (with the others, once all are written)
  double seconds = 0;  // wall time of this format's writer
};

// Writes DIR/briefing.EXT for each named format, several formats at once on up to
// options.threads threads; reports failures to `diag` in the order of `format_names`. Each is
// written under a temporary name, and renamed into place only once every writer has finished,
// so a build stopped part way (killed, out of memory) leaves the last build's outputs as a set.
// The briefing is freed as soon as no writer reads it (EmitOptions::done_with_briefing).
std::vector<WrittenOutput> write_outputs(model::Briefing briefing,
                                         const std::vector<std::string>& format_names,
                                         const std::filesystem::path& folder,
                                         const EmitOptions& options, model::Diagnostics& diag);

// The writers (one folder each under emit/).
model::Result<bool> write_html(const model::Briefing&, const EmitOptions&, std::ostream&);
model::Result<bool> write_epub(const model::Briefing&, const EmitOptions&, std::ostream&);
model::Result<bool> write_pdf(const model::Briefing&, const EmitOptions&, std::ostream&);
model::Result<bool> write_markdown(const model::Briefing&, const EmitOptions&, std::ostream&);
model::Result<bool> write_json(const model::Briefing&, const EmitOptions&, std::ostream&);

// The JSON of DESIGN.md §5 (also `dossier inspect`), streamed to `out` or returned whole.
void write_briefing_json(const model::Briefing& briefing, const std::string& version,
                         std::ostream& out);
std::string briefing_json(const model::Briefing& briefing, const std::string& version);

}  // namespace dossier::emit
