#include "emit/pdf/content.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "model/utf8.h"

namespace dossier::emit::pdf {

namespace {

// UTF-16 code units, two bytes a character (the fonts are Identity-H over the BMP; libharu
// maps anything beyond it to a space), as a literal string written straight into the string's
// storage. Half the bytes of hex digits, so half the work for the compressor. Backslashes
// and parentheses are escaped, and so are CR and LF, which a reader would otherwise take as
// an end of line and read back as LF.
void append_text_string(std::string_view text, std::string& out) {
  const std::size_t start = out.size();
  out.resize(start + 2 + 4 * text.size());  // at most two bytes, each escaped, per byte
  char* p = out.data() + start;
  *p++ = '(';
  const auto put = [&p](unsigned byte) {
    switch (byte) {
      case '(':
      case ')':
      case '\\':
        *p++ = '\\';
        *p++ = static_cast<char>(byte);
        break;
      case '\r':
        *p++ = '\\';
        *p++ = 'r';
        break;
      case '\n':
        *p++ = '\\';
        *p++ = 'n';
        break;
      default:
        *p++ = static_cast<char>(byte);
    }
  };
  model::utf8::for_each(text, [&](char32_t c, std::size_t) {
    const auto code = static_cast<std::uint16_t>(c > 0xFFFF ? U' ' : c);
    put(code >> 8);
    put(code & 0xFF);
  });
  *p++ = ')';
  out.resize(static_cast<std::size_t>(p - out.data()));
}

// Points rounded the way append_number prints them, so positions add up without drift.
double rounded(double v) {
  return std::round(v * 100) / 100;
}

}  // namespace

void append_number(double value, std::string& out) {
  long long hundredths = std::llround(value * 100);
  if (hundredths < 0) {
    out += '-';
    hundredths = -hundredths;
  }
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, hundredths / 100);
  (void)ec;
  out.append(buf, end);
  const int fraction = static_cast<int>(hundredths % 100);
  if (fraction != 0) {
    out += '.';
    out += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
  }
}

void write_page_text(const Page& page, const std::array<std::string, kFaceCount>& font_names,
                     const RunAdvance& advance, std::string& out) {
  if (page.runs.empty()) return;
  out += "BT\n";
  int face = -1;
  double size = 0;
  double line_x = 0, line_y = 0;  // the text line matrix's origin, as written
  bool in_array = false;
  double pen = 0;  // where the last run in the open TJ ends
  for (const auto& run : page.runs) {
    const int f = static_cast<int>(run.face);
    if (font_names[static_cast<std::size_t>(f)].empty()) continue;  // no font for this face
    const bool same_font = f == face && run.size == size;
    const bool joins = in_array && same_font && rounded(run.y) == line_y && run.x >= pen - 0.5;
    if (!joins && in_array) {
      out += "] TJ\n";
      in_array = false;
    }
    if (!same_font) {
      out += '/';
      out += font_names[static_cast<std::size_t>(f)];
      out += ' ';
      append_number(run.size, out);
      out += " Tf\n";
      face = f;
      size = run.size;
    }
    if (joins) {
      // The gap from the previous run's end, in thousandths of the size; negative moves right.
      const long long gap = std::llround((pen - run.x) * 1000 / run.size);
      pen -= static_cast<double>(gap) * run.size / 1000;
      if (gap != 0) {
        char buf[24];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, gap);
        (void)ec;
        out += ' ';
        out.append(buf, end);
        out += ' ';
      }
    } else {
      const double x = rounded(run.x), y = rounded(run.y);
      append_number(x - line_x, out);
      out += ' ';
      append_number(y - line_y, out);
      out += " Td [";
      line_x = x;
      line_y = y;
      in_array = true;
      pen = x;
    }
    const std::string_view text = page.text_of(run);
    append_text_string(text, out);
    pen += run.width >= 0 ? run.width : advance(run.face, text) * run.size / 1000;
  }
  if (in_array) out += "] TJ\n";
  out += "ET\n";
}

void write_page_rules(const Page& page, std::string& out) {
  if (page.rules.empty()) return;
  out += "q\n";
  double width = -1;
  for (const auto& rule : page.rules) {
    if (rule.width != width) {
      append_number(rule.width, out);
      out += " w\n";
      width = rule.width;
    }
    for (const double v : {rule.x0, rule.y0}) {
      append_number(v, out);
      out += ' ';
    }
    out += "m ";
    for (const double v : {rule.x1, rule.y1}) {
      append_number(v, out);
      out += ' ';
    }
    out += "l S\n";
  }
  out += "Q\n";
}

}  // namespace dossier::emit::pdf
