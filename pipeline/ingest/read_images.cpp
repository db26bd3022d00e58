#include <filesystem>

#include "ingest/ingest.h"
#include "model/image_type.h"

namespace dossier::ingest {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxImageBytes = std::uintmax_t{64} << 20;

void collect(const std::vector<model::Block>& blocks, std::vector<const model::Block*>& out) {
  for (const auto& b : blocks) {
    if (b.kind == model::BlockKind::Image) out.push_back(&b);
    collect(b.children, out);
  }
}

}  // namespace

void read_images(model::Source& source, model::Diagnostics& diag) {
  std::vector<const model::Block*> images;
  collect(source.blocks, images);
  source.images.clear();
  const fs::path folder = fs::path(source.resolved_path).parent_path();
  for (const model::Block* block : images) {
    if (source.images.contains(block->src)) continue;
    const auto error = [&](const std::string& message) {
      diag.error(model::DiagCode::Image, source.path, block->origin.line, block->origin.col,
                 "image '" + block->src + "' " + message);
    };
    if (block->src.empty()) {
      error("has no file name");
      continue;
    }
    if (block->src.find("://") != std::string::npos || block->src.starts_with("data:")) {
      error("is not a local file; dossier fetches nothing: save it beside the source");
      continue;
    }
    const fs::path file = folder / block->src;
    std::error_code ec;
    if (!fs::exists(file, ec)) {
      error("not found (looked for " + file.lexically_normal().string() + ")");
      continue;
    }
    auto bytes = read_file(file.string(), source.path, kMaxImageBytes);
    if (!bytes) {
      error(bytes.error().code == model::DiagCode::TooLarge ? "is over 64 MiB"
                                                            : bytes.error().message);
      continue;
    }
    if (!model::image_media_type(bytes.value())) {
      error("is not a PNG or JPEG file");
      continue;
    }
    source.images.emplace(block->src, std::move(bytes.value()));
  }
}

}  // namespace dossier::ingest
