// Starting dossier again, once, with glibc's allocator told to use transparent huge pages.
#pragma once

#include <optional>
#include <string>

namespace dossier::cli {

// GLIBC_TUNABLES with the huge-page tunable added to `current` (null: unset), or nothing when
// `current` names that tunable already.
std::optional<std::string> tunables_with_huge_pages(const char* current);

// glibc backs its heaps with huge pages only when the glibc.malloc.hugetlb tunable is set,
// and it reads GLIBC_TUNABLES before main runs. A build touches a great deal of fresh memory,
// and where the kernel gives huge pages only to memory that asks for them ("madvise", as on
// this project's machines) every 4 KiB page is a fault of its own; with the tunable, builds
// of 1,000 and of 10,000 articles took about 5% less time (alternating runs).
// So `build` and `watch` call this, once their arguments are read and before any work: it
// executes the program again (same pid, arguments and environment) with the tunable
// added, unless GLIBC_TUNABLES already names it (the caller's choice stands), the program
// allocates with mimalloc or runs under a sanitizer (the allocator is not glibc's), it was
// started by naming the dynamic loader, or /proc/self/exe cannot be run: then it returns
// and the build goes on as it is.
void restart_with_huge_page_malloc(char** argv);

}  // namespace dossier::cli
