// ingest: bytes → UTF-8 text with LF line ends. The only stage that reads files.
//
// Guarantees: never throws on any byte sequence; the result is valid UTF-8; every change to the
// bytes (BOM, UTF-16/32, Windows-1252 fallback, invalid bytes, line ends) is a recorded Fix;
// input that cannot be used (binary, empty, unreadable, too large) is a positioned error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"

namespace dossier::ingest {

struct IngestOptions {
  std::size_t max_source_size = std::size_t{256} << 20;
};

struct DecodedText {
  std::string text;      // valid UTF-8, LF line ends
  std::string encoding;  // utf-8, utf-16le, windows-1252, …
  std::vector<model::Fix> fixes;
};

// Decodes raw bytes. `path` only labels diagnostics. Warnings (invalid bytes, legacy encoding)
// go to `diag`; unusable input comes back as the error.
model::Result<DecodedText> decode_bytes(std::string_view bytes, const std::string& path,
                                        model::Diagnostics& diag);

// True when the first 8 KiB hold a NUL byte or more than 10% other C0 controls.
bool looks_binary(std::string_view bytes);

// CRLF, CR, U+2028, U+2029 and form feed become LF; one Fix records the first change.
void unify_line_ends(std::string& text, std::vector<model::Fix>& fixes);

// Reads the PNG and JPEG files that the source's Image blocks name (relative to the source)
// into source.images. A missing, remote, oversized or unreadable image, or one that is not PNG
// or JPEG, is an error at the block's position.
void read_images(model::Source& source, model::Diagnostics& diag);

// The bytes of `file`, or an error labelled `label` (line and column 0) saying why not: it
// cannot be read or opened, is a directory, or is over `limit` bytes. The one way ingest
// reads a file.
model::Result<std::string> read_file(const std::string& file, const std::string& label,
                                     std::uintmax_t limit);

// Reads source.resolved_path and fills source.text and its decode fixes.
model::Result<model::Source> read_source(model::Source source, const IngestOptions& options,
                                         model::Diagnostics& diag);

}  // namespace dossier::ingest
