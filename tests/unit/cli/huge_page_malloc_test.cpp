#include "cli/huge_page_malloc.h"

#include <gtest/gtest.h>

using dossier::cli::tunables_with_huge_pages;

TEST(HugePageMalloc, AddsTheTunableToWhateverIsSet) {
  EXPECT_EQ(tunables_with_huge_pages(nullptr), "glibc.malloc.hugetlb=1");
  EXPECT_EQ(tunables_with_huge_pages(""), "glibc.malloc.hugetlb=1");
  EXPECT_EQ(tunables_with_huge_pages("glibc.malloc.check=3"),
            "glibc.malloc.check=3:glibc.malloc.hugetlb=1");
}

// A value the caller gave, including "off", stands; and a restarted program, which finds the
// tunable set, is not restarted again.
TEST(HugePageMalloc, LeavesATunableAlreadyNamedAlone) {
  EXPECT_EQ(tunables_with_huge_pages("glibc.malloc.hugetlb=0"), std::nullopt);
  EXPECT_EQ(tunables_with_huge_pages("glibc.malloc.check=3:glibc.malloc.hugetlb=1"), std::nullopt);
  const auto once = tunables_with_huge_pages(nullptr);
  ASSERT_TRUE(once);
  EXPECT_EQ(tunables_with_huge_pages(once->c_str()), std::nullopt);
}
