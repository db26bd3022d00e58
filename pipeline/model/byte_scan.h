// Whole-buffer byte scans that every source goes through (ingest's checks, the normalizer's
// line measures), sixteen bytes at a time with SSE2 where the machine has it (every x86-64
// does), a byte at a time elsewhere. Each has the plain loop beside it as its definition;
// the unit tests hold the two to the same answers.
#pragma once

#include <cstddef>
#include <string_view>

namespace dossier::model::bytes {

// The index of the first byte ≥ 0x80 at or after `from`, or s.size().
std::size_t first_non_ascii(std::string_view s, std::size_t from = 0);
std::size_t first_non_ascii_bytewise(std::string_view s, std::size_t from = 0);

// Bytes that are not UTF-8 continuation bytes (10xxxxxx): the code points of valid UTF-8.
std::size_t count_code_points(std::string_view s);
std::size_t count_code_points_bytewise(std::string_view s);

// C0 control bytes other than tab, LF, CR and FF, and NUL among them.
std::size_t count_binary_controls(std::string_view s);
std::size_t count_binary_controls_bytewise(std::string_view s);

}  // namespace dossier::model::bytes
