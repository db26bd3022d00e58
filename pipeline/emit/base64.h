// Base64 (RFC 4648, with padding), for images embedded in the HTML page as data: URIs.
#pragma once

#include <string>
#include <string_view>

namespace dossier::emit {

std::string base64(std::string_view bytes);

}  // namespace dossier::emit
