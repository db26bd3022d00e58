// libharu's memory for one document as an arena. A long briefing is over a million small
// libharu allocations (a page, a link, a destination is each a dictionary with its lists);
// carving them from large blocks and releasing the blocks together when the document is
// done, instead of a malloc and a free each, saves most of the 0.2 s that HPDF_Free took for
// 1,000 articles. (libharu's own pool, HPDF_NewEx with a block size, hands out unaligned
// memory.) Its allocation hooks take no context, so the arena is the process's: one
// document at a time, which HaruMemory's lock ensures.
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace dossier::emit::pdf {

class HaruMemory {
 public:
  // Waits until no other document uses the arena, then makes it this one's.
  HaruMemory();
  // Releases every block: the document must not be used (nor freed) after this.
  ~HaruMemory();
  HaruMemory(const HaruMemory&) = delete;
  HaruMemory& operator=(const HaruMemory&) = delete;

  // A new document whose memory is the arena's (null when libharu fails).
  HPDF_Doc new_document(HPDF_Error_Handler on_error, void* user) const;

  // libharu's hooks: 8-byte aligned pieces of the current block; freeing is a no-op.
  static void* allocate(HPDF_UINT size);
  static void release(void* p);

  std::size_t bytes_reserved() const;

 private:
  std::unique_lock<std::mutex> one_document_;
};

}  // namespace dossier::emit::pdf
