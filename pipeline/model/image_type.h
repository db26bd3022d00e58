// The media type of an image file by its signature: what ingest accepts and emitters label.
#pragma once

#include <string_view>

namespace dossier::model {

// "image/png" or "image/jpeg"; null for anything else.
inline const char* image_media_type(std::string_view bytes) {
  if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
  if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  return nullptr;
}

}  // namespace dossier::model
