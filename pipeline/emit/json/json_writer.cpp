#include "emit/json/json_writer.h"

#include <nlohmann/json.hpp>

#include "model/utf8.h"

namespace dossier::emit {

namespace {

constexpr std::size_t kSpillAt = 1 << 18;  // bytes buffered before they go to the stream

// Bytes a JSON string cannot hold as they are.
bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

}  // namespace

void JsonWriter::key(std::string_view name) {
  before_value();
  append_escaped(name);
  buffer_ += ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  append_escaped(text);
  after_scalar();
}

void JsonWriter::value(const std::optional<std::string>& text) {
  if (text) {
    value(*text);
  } else {
    null();
  }
}

void JsonWriter::value(bool b) {
  before_value();
  buffer_ += b ? "true" : "false";
  after_scalar();
}

void JsonWriter::value(double number) {
  before_value();
  // nlohmann's shortest round-trip form ("2.0", "1e+20", null for NaN): rare enough here to
  // borrow rather than repeat.
  buffer_ += nlohmann::json(number).dump();
  after_scalar();
}

void JsonWriter::null() {
  before_value();
  buffer_ += "null";
  after_scalar();
}

void JsonWriter::value(const std::vector<std::string>& texts) {
  begin_array();
  for (const auto& t : texts) value(t);
  end_array();
}

void JsonWriter::raw_value(std::string_view written) {
  before_value();
  buffer_.append(written);
  after_scalar();
}

bool JsonWriter::flush() {
  if (!buffer_.empty()) {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  return static_cast<bool>(out_);
}

void JsonWriter::open(char bracket) {
  before_value();
  buffer_ += bracket;
  levels_.push_back({});
}

void JsonWriter::close(char bracket) {
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) {
    buffer_ += '\n';
    indent(levels_.size());
  }
  buffer_ += bracket;
  if (levels_.empty()) buffer_ += '\n';
  spill();
}

// A value inside an array, or a key inside an object, starts a line of its own.
void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  buffer_ += level.empty ? "\n" : ",\n";
  level.empty = false;
  indent(levels_.size());
}

// A document that is one value ends its line, as a container at the top does.
void JsonWriter::after_scalar() {
  if (levels_.empty()) buffer_ += '\n';
  spill();
}

void JsonWriter::indent(std::size_t depth) {
  buffer_.append(2 * depth, ' ');
}

void JsonWriter::append_escaped(std::string_view text) {
  bool ascii = true;
  for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii && !model::utf8::is_valid(text)) {
    // The model holds valid UTF-8; should a byte slip through, U+FFFD as the old tree writer gave.
    buffer_ += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  buffer_ += '"';
  std::size_t plain = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!needs_escape(c)) continue;
    buffer_.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        buffer_ += "\\\"";
        break;
      case '\\':
        buffer_ += "\\\\";
        break;
      case '\b':
        buffer_ += "\\b";
        break;
      case '\f':
        buffer_ += "\\f";
        break;
      case '\n':
        buffer_ += "\\n";
        break;
      case '\r':
        buffer_ += "\\r";
        break;
      case '\t':
        buffer_ += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        buffer_ += "\\u00";
        buffer_ += kHex[c >> 4];
        buffer_ += kHex[c & 15];
      }
    }
  }
  buffer_.append(text.data() + plain, text.size() - plain);
  buffer_ += '"';
}

void JsonWriter::spill() {
  if (buffer_.size() >= kSpillAt) flush();
}

}  // namespace dossier::emit
