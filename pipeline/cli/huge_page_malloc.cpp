#include "cli/huge_page_malloc.h"

#include <sys/auxv.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace dossier::cli {

namespace {
constexpr const char* kTunable = "glibc.malloc.hugetlb";
}  // namespace

std::optional<std::string> tunables_with_huge_pages(const char* current) {
  const std::string before = current ? current : "";
  if (before.find(kTunable) != std::string::npos) return std::nullopt;  // set, or refused
  return (before.empty() ? before : before + ":") + kTunable + "=1";
}

void restart_with_huge_page_malloc(char** argv) {
#if defined(__GLIBC__) && !DOSSIER_MIMALLOC && !defined(__SANITIZE_ADDRESS__) && \
    !defined(__SANITIZE_THREAD__)
  // Started by naming the dynamic loader ("ld.so ./dossier …"), /proc/self/exe is the loader
  // and the arguments no longer say which program to run; the loader's base address is then
  // 0, as it is for a program without one.
  if (getauxval(AT_BASE) == 0) return;
  std::optional<std::string> before;
  if (const char* tunables = std::getenv("GLIBC_TUNABLES")) before = tunables;
  const auto value = tunables_with_huge_pages(before ? before->c_str() : nullptr);
  if (!value || setenv("GLIBC_TUNABLES", value->c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Still here: the program could not be run again. Go on with the environment as it was.
  if (before) {
    setenv("GLIBC_TUNABLES", before->c_str(), 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
#else
  (void)argv;
#endif
}

}  // namespace dossier::cli
