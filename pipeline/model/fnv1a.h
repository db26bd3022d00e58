// 64-bit FNV-1a: a fast, stable hash for names and checks that must not change between
// builds or machines (std::hash may). Not for anything an attacker chooses to collide.
#pragma once

#include <cstdint>
#include <string_view>

namespace dossier::model {

class Fnv1a {
 public:
  Fnv1a() = default;
  explicit Fnv1a(std::uint64_t seed) : h_(seed) {}
  void add(std::string_view bytes) {
    for (const unsigned char c : bytes) add(c);
  }
  void add(unsigned char c) { h_ = (h_ ^ c) * 0x100000001b3ull; }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ull;
};

}  // namespace dossier::model
