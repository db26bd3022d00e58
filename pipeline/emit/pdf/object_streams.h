// Saving a libharu document in PDF 1.5's compact form: objects that are not streams gathered
// into compressed object streams, and the cross-reference table a compressed stream too.
//
// libharu writes every object on its own, each with a 20-byte line in a plain cross-reference
// table. A briefing is mostly small objects (1,000 articles: 278,000 link annotations, 6,300
// pages, 3,900 bookmarks), so that took 36 of the PDF's 53 MB. Here libharu's objects keep
// their numbers, order and bytes; only where they sit changes: streams (page contents, fonts,
// images) are written as libharu writes them, everything else goes into object streams of up
// to kObjectsPerStream objects.
#pragma once

#include <hpdf.h>

#include <cstddef>

namespace dossier::emit {
class PieceCache;  // piece_cache.h
}

namespace dossier::emit::pdf {

inline constexpr std::size_t kObjectsPerStream = 200;

// The numbers a document of `objects` objects takes once saved: its own, and one for each
// object stream they go into (and a few to spare, for the table and what libharu adds while
// saving).
inline std::size_t numbers_when_saved(std::size_t objects) {
  return objects + objects / kObjectsPerStream + 16;
}

// Writes `doc` to `out` (a libharu stream whose size counts the bytes written). False when
// libharu or the stream fails, or when the document is encrypted or an incremental update
// (which dossier never makes, and which this does not write). With `pieces`, an object stream
// whose bytes an earlier build compressed is copied from there (found by a digest of its
// bytes: a rebuild whose changed source kept its pages and links finds nearly all of them),
// and one compressed now is kept.
bool write_with_object_streams(HPDF_Doc doc, HPDF_Stream out, PieceCache* pieces = nullptr);

}  // namespace dossier::emit::pdf
