#include "model/release_memory.h"

#if DOSSIER_MIMALLOC
#include <mimalloc.h>
#endif

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace dossier;

#if DOSSIER_MIMALLOC
// mimalloc serves malloc and operator new for the whole process only when it is linked ahead
// of libc; linked after it, the build would run on glibc's allocator without a word.
TEST(Allocator, MallocAndNewAreServedByMimalloc) {
  void* block = std::malloc(100);
  const auto text = std::make_unique<std::string>(1000, 'x');
  EXPECT_TRUE(mi_is_in_heap_region(block));
  EXPECT_TRUE(mi_is_in_heap_region(text.get()));
  EXPECT_TRUE(mi_is_in_heap_region(text->data()));
  std::free(block);
}
#endif

TEST(ReleaseFreeMemory, LeavesLiveMemoryAlone) {
  std::vector<std::string> kept(1000, std::string(1000, 'k'));
  { std::vector<std::string> freed(20000, std::string(1000, 'f')); }
  model::release_free_memory();
  for (const auto& s : kept) ASSERT_EQ(s, std::string(1000, 'k'));
  std::vector<std::string> again(20000, std::string(1000, 'a'));  // freed memory is usable
  EXPECT_EQ(again.back(), std::string(1000, 'a'));
}
