// Handing freed memory back to the system between phases of a build.
#pragma once

#if !DOSSIER_MIMALLOC
#include <malloc.h>
#endif

#include <cstddef>

namespace dossier::model {

// At a phase boundary (the per-source stages' leftovers, a writer's trees and buffers, the
// sources' lists released while cross-referencing) this returns the free pages to the system.
// mimalloc (the default build) does that by itself, soon after pages are freed; forcing it
// as well (mi_collect) left the peak of 10,000 articles where it was (1,250-1,320 MiB either
// way) and added time, so with mimalloc this does nothing. With glibc's allocator, which keeps
// freed memory for reuse (and the PDF writer's libharu arena takes its blocks straight from
// the kernel, never from that store), it trims when there is enough to matter: 300 MB after
// cross-referencing 10,000 articles. Below that it does nothing, since memory handed back
// costs a page fault each when it is used again (0.1 s of a 1,000-article build, to save
// 20 MB). Thread-safe.
inline void release_free_memory() {
#if !DOSSIER_MIMALLOC
  constexpr std::size_t kWorthReleasing = std::size_t{64} << 20;
  if (mallinfo2().fordblks >= kWorthReleasing) malloc_trim(0);
#endif
}

}  // namespace dossier::model
