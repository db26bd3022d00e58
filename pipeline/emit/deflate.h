// DEFLATE for the writers: the EPUB's entries raw, as ZIP stores them, and the PDF's page
// contents in zlib's wrapper, as /FlateDecode reads them. libdeflate at its fastest level:
// four times zlib's default speed on a briefing's XHTML for about 9% more bytes (37 MB of
// chapters: 168 ms and 6.5 MB against zlib's 746 ms and 6.0 MB), and smaller and faster than
// zlib's Z_BEST_SPEED on page contents. Safe from several threads (a compressor each).
#pragma once

#include <string>
#include <string_view>

namespace dossier::emit {

enum class DeflateWrapper { Raw, Zlib };

// `data` compressed; throws std::bad_alloc when memory runs out (the output's bound always
// suffices otherwise).
std::string deflate(std::string_view data, DeflateWrapper wrapper);

}  // namespace dossier::emit
