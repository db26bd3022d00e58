#include "emit/pdf/haru_memory.h"

#include "emit/pdf/glyph_table.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <utility>

namespace dossier::emit::pdf {

namespace {

constexpr std::size_t kBlockSize = std::size_t{8} << 20;
// libharu's objects hold nothing aligned wider than a pointer or a double, so pieces are
// aligned to 8, not malloc's 16: its most common objects are 24 bytes (a cross-reference
// entry, a number, a reference), and 10,000 articles make about four million of them.
constexpr std::size_t kAlignment = alignof(double) > alignof(void*) ? alignof(double)
                                                                    : alignof(void*);
constexpr std::size_t kHugePage = std::size_t{2} << 20;

// A block straight from the kernel, asked for as huge pages where the system allows them on
// request: a 1,000-article briefing touches some 200 MB of libharu objects, and faulting
// that in 4 KiB at a time was a fifth of the time spent adding links and saving.
struct Block {
  std::byte* start = nullptr;
  std::size_t size = 0;

  explicit Block(std::size_t bytes) : size(bytes) {
    void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    if (size >= kHugePage) ::madvise(p, size, MADV_HUGEPAGE);  // a hint; fine to fail
    start = static_cast<std::byte*>(p);
  }
  Block(Block&& other) noexcept : start(std::exchange(other.start, nullptr)), size(other.size) {}
  Block& operator=(Block&& other) noexcept {
    std::swap(start, other.start);
    std::swap(size, other.size);
    return *this;
  }
  Block(const Block&) = delete;
  ~Block() {
    if (start) ::munmap(start, size);
  }
};

struct Arena {
  std::vector<Block> blocks;
  std::byte* next = nullptr;  // in the last block
  std::size_t left = 0;
  std::size_t reserved = 0;

  void* take(std::size_t size) {
    size = (std::max<std::size_t>(size, 1) + kAlignment - 1) / kAlignment * kAlignment;
    if (size > left) {
      // A piece larger than a quarter block gets a block of its own, so the current block's
      // rest is not wasted on it.
      const std::size_t block = size > kBlockSize / 4 ? size : kBlockSize;
      Block memory(block);
      std::byte* start = memory.start;
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
  start_glyph_tables();
}

HaruMemory::~HaruMemory() {
  stop_glyph_tables();  // the fonts' addresses are the arena's, reused by the next document
  std::lock_guard lock(arena_lock);
  delete current;
  current = nullptr;
}

HPDF_Doc HaruMemory::new_document(HPDF_Error_Handler on_error, void* user) const {
  return HPDF_NewEx(on_error, allocate, release, 0, user);
}

void* HaruMemory::allocate(HPDF_UINT size) {
  std::lock_guard lock(arena_lock);
  try {
    return current ? current->take(size) : nullptr;
  } catch (const std::bad_alloc&) {
    return nullptr;  // libharu reports it as a failed allocation; no exception crosses C
  }
}

void HaruMemory::release(void*) {}

std::size_t HaruMemory::bytes_reserved() const {
  std::lock_guard lock(arena_lock);
  return current ? current->reserved : 0;
}

}  // namespace dossier::emit::pdf
