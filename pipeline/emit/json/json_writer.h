// A streaming JSON writer: values go to the stream as they are given, through a buffer, so a
// briefing of tens of thousands of sources is written without a document tree in memory.
// The layout is the one nlohmann::json's dump(2) gives (two-space indent, "[]" and "{}" for
// empty containers, the same escapes and number forms), which the tests check byte for byte.
#pragma once

#include <charconv>
#include <concepts>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::emit {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  // Writes one value as it stands `depth` containers deep in a document, for raw_value() to
  // put there (a source's object, kept between builds).
  JsonWriter(std::ostream& out, std::size_t depth)
      : out_(out), levels_(depth, Level{false}), after_key_(true) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() { flush(); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The next value is this member of the open object.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(const std::optional<std::string>& text);  // null when absent
  void value(bool b);
  void value(double number);
  template <std::integral Int>
  requires(!std::same_as<Int, bool>) void value(Int number) {
    before_value();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    buffer_.append(digits, end);
    after_scalar();
  }
  void null();
  void value(const std::vector<std::string>& texts);
  // A value a writer made at this depth (see the constructor above), as it was written.
  void raw_value(std::string_view written);

  // A member of the open object: its name, then its value.
  template <class T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

  // Writes what is buffered; false when the stream failed.
  bool flush();

 private:
  struct Level {
    bool empty = true;
  };
  void open(char bracket);
  void close(char bracket);
  void before_value();
  void indent(std::size_t depth);
  void after_scalar();
  void append_escaped(std::string_view text);
  void spill();

  std::ostream& out_;
  std::string buffer_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace dossier::emit
