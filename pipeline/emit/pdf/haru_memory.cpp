#include "emit/pdf/haru_memory.h"

#include <algorithm>
#include <cstdint>

namespace dossier::emit::pdf {

namespace {

constexpr std::size_t kBlockSize = std::size_t{8} << 20;
constexpr std::size_t kAlignment = 16;
static_assert(__STDCPP_DEFAULT_NEW_ALIGNMENT__ >= kAlignment, "blocks must start aligned");

struct Arena {
  std::vector<std::unique_ptr<std::byte[]>> blocks;
  std::byte* next = nullptr;  // in the last block
  std::size_t left = 0;
  std::size_t reserved = 0;

  void* take(std::size_t size) {
    size = (std::max<std::size_t>(size, 1) + kAlignment - 1) / kAlignment * kAlignment;
    if (size > left) {
      // A piece larger than a quarter block gets a block of its own, so the current block's
      // rest is not wasted on it.
      const std::size_t block = size > kBlockSize / 4 ? size : kBlockSize;
      auto memory = std::unique_ptr<std::byte[]>(new std::byte[block]);  // not zeroed
      std::byte* start = memory.get();
      reserved += block;
      if (block != kBlockSize) {
        blocks.insert(blocks.end() - (blocks.empty() ? 0 : 1), std::move(memory));
        return start;
      }
      blocks.push_back(std::move(memory));
      next = start;
      left = block;
    }
    std::byte* out = next;
    next += size;
    left -= size;
    return out;
  }
};

std::mutex document_lock;  // one document uses the arena at a time
std::mutex arena_lock;     // libharu may allocate from several threads (rarely: font widths)
Arena* current = nullptr;

}  // namespace

HaruMemory::HaruMemory() : one_document_(document_lock) {
  std::lock_guard lock(arena_lock);
  current = new Arena;
}

HaruMemory::~HaruMemory() {
  std::lock_guard lock(arena_lock);
  delete current;
  current = nullptr;
}

HPDF_Doc HaruMemory::new_document(HPDF_Error_Handler on_error, void* user) const {
  return HPDF_NewEx(on_error, allocate, release, 0, user);
}

void* HaruMemory::allocate(HPDF_UINT size) {
  std::lock_guard lock(arena_lock);
  return current ? current->take(size) : nullptr;
}

void HaruMemory::release(void*) {}

std::size_t HaruMemory::bytes_reserved() const {
  std::lock_guard lock(arena_lock);
  return current ? current->reserved : 0;
}

}  // namespace dossier::emit::pdf
