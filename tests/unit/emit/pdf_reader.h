// Just enough of a PDF reader for the tests: every object's value by number, found through the
// file's cross-reference table (libharu's plain form) or stream (the compact form: objects in
// object streams), with what did not add up. Its own inflater (zlib), independent of the
// writer's libdeflate.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::test {

struct PdfRead {
  std::map<int, std::string> objects;  // number → the value as written ("<<…>>", "9", …)
  std::vector<int> object_streams;     // the numbers of the object streams
  std::string trailer;                 // the trailer dictionary, or the xref stream's
  std::vector<std::string> problems;   // empty when every row led to its object
};

// The integer after "/Key " in a dictionary's text, or -1.
inline long long number_after(std::string_view dict, std::string_view key) {
  const std::size_t at = dict.find(key);
  if (at == std::string_view::npos) return -1;
  std::size_t i = at + key.size();
  while (i < dict.size() && dict[i] == ' ') ++i;
  long long value = -1;
  for (; i < dict.size() && dict[i] >= '0' && dict[i] <= '9'; ++i) {
    value = (value < 0 ? 0 : value * 10) + (dict[i] - '0');
  }
  return value;
}

namespace pdf_reader_detail {

inline std::optional<std::string> inflate_zlib(std::string_view in) {
  z_stream s{};
  if (inflateInit(&s) != Z_OK) return std::nullopt;
  std::string out;
  char buffer[1 << 16];
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  s.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    s.next_out = reinterpret_cast<Bytef*>(buffer);
    s.avail_out = sizeof buffer;
    rc = inflate(&s, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - s.avail_out);
  }
  inflateEnd(&s);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

// The stream data of an object's value whose /Length is a direct number.
inline std::optional<std::string_view> stream_data(std::string_view value) {
  const std::size_t start = value.find(">>\nstream\r\n");
  const long long length = number_after(value.substr(0, start), "/Length");
  if (start == std::string_view::npos || length < 0) return std::nullopt;
  const std::size_t data = start + 11;
  if (data + static_cast<std::size_t>(length) > value.size()) return std::nullopt;
  return value.substr(data, static_cast<std::size_t>(length));
}

// The value of the object written at `offset` as "id 0 obj\n…\nendobj".
inline std::optional<std::string> object_at(const std::string& pdf, std::size_t offset, int id) {
  const std::string open = std::to_string(id) + " 0 obj\n";
  if (pdf.compare(offset, open.size(), open) != 0) return std::nullopt;
  const std::size_t body = offset + open.size();
  std::size_t end = pdf.find("\nendobj", body);
  // A stream's data may hold anything: its end is after "endstream".
  if (const std::size_t s = pdf.find("\nstream\r\n", body); s != std::string::npos && s < end) {
    const std::size_t e = pdf.find("endstream\nendobj", s);
    if (e != std::string::npos) end = e + 9;
  }
  if (end == std::string::npos) return std::nullopt;
  return pdf.substr(body, end - body);
}

}  // namespace pdf_reader_detail

// The numbers of the "N 0 R" references in an object's value, its stream data left out.
inline std::vector<int> references_in(std::string_view value) {
  value = value.substr(0, value.find("stream\r\n"));
  std::vector<int> ids;
  for (std::size_t at = value.find(" 0 R"); at != std::string_view::npos;
       at = value.find(" 0 R", at + 1)) {
    std::size_t from = at;
    while (from > 0 && value[from - 1] >= '0' && value[from - 1] <= '9') --from;
    if (from < at) ids.push_back(std::stoi(std::string(value.substr(from, at - from))));
  }
  return ids;
}

inline PdfRead read_pdf(const std::string& pdf) {
  using namespace pdf_reader_detail;
  PdfRead read;
  const std::size_t mark = pdf.rfind("startxref\n");
  if (mark == std::string::npos) {
    read.problems.push_back("no startxref");
    return read;
  }
  const auto start = static_cast<std::size_t>(std::stoll(pdf.substr(mark + 10, 20)));
  struct Row {
    int type;
    long long where, index;
  };
  std::vector<Row> rows;
  if (pdf.compare(start, 5, "xref\n") == 0) {  // a table: "xref\n0 N\n", 20 bytes a row
    const std::size_t line = pdf.find('\n', start + 5);
    const int count = std::stoi(pdf.substr(pdf.find(' ', start + 5) + 1));
    for (int i = 0; i < count; ++i) {
      const std::string row = pdf.substr(line + 1 + 20 * static_cast<std::size_t>(i), 20);
      rows.push_back({row[17] == 'n' ? 1 : 0, std::stoll(row.substr(0, 10)), 0});
    }
    read.trailer = pdf.substr(pdf.find("trailer\n", start));
  } else {  // a stream: "N 0 obj" at `start`
    const int id = std::stoi(pdf.substr(start, 12));
    const auto value = object_at(pdf, start, id);
    const auto data = value ? stream_data(*value) : std::nullopt;
    const auto table = data ? inflate_zlib(*data) : std::nullopt;
    if (!table || value->find("/Type /XRef") == std::string::npos ||
        value->find("/W [ 1 4 2 ]") == std::string::npos || table->size() % 8 != 0) {
      read.problems.push_back("no cross-reference stream at startxref");
      return read;
    }
    read.trailer = value->substr(0, value->find("stream\r\n"));
    unsigned char above[7] = {};
    for (std::size_t r = 0; r + 8 <= table->size(); r += 8) {
      if ((*table)[r] != 2) read.problems.push_back("row " + std::to_string(r / 8) + ": not up");
      unsigned char b[7];
      for (int k = 0; k < 7; ++k) {
        b[k] =
            static_cast<unsigned char>(above[k] + static_cast<unsigned char>((*table)[r + 1 + k]));
        above[k] = b[k];
      }
      const long long where =
          (static_cast<long long>(b[1]) << 24) | (b[2] << 16) | (b[3] << 8) | b[4];
      rows.push_back({b[0], where, (b[5] << 8) | b[6]});
    }
    if (number_after(read.trailer, "/Size") != static_cast<long long>(rows.size())) {
      read.problems.push_back("/Size is not the number of rows");
    }
  }
  // Objects at offsets first, then the members of object streams.
  std::map<int, std::vector<std::pair<int, std::string>>> members;  // stream → (id, value)
  for (std::size_t id = 1; id < rows.size(); ++id) {
    const Row& row = rows[id];
    if (row.type != 1) continue;
    const auto value = object_at(pdf, static_cast<std::size_t>(row.where), static_cast<int>(id));
    if (!value) {
      read.problems.push_back("object " + std::to_string(id) + " is not at its offset");
      continue;
    }
    read.objects[static_cast<int>(id)] = *value;
    if (value->find("/Type /ObjStm") == std::string::npos) continue;
    read.object_streams.push_back(static_cast<int>(id));
    const auto data = stream_data(*value);
    const auto body = data ? inflate_zlib(*data) : std::nullopt;
    const long long n = number_after(*value, "/N"), first = number_after(*value, "/First");
    if (!body || n < 0 || first < 0) {
      read.problems.push_back("object stream " + std::to_string(id) + " unreadable");
      continue;
    }
    std::vector<std::pair<int, std::size_t>> index;
    std::size_t at = 0;
    for (long long k = 0; k < n; ++k) {
      const std::size_t space = body->find(' ', at), next = body->find(' ', space + 1);
      index.emplace_back(std::stoi(body->substr(at, space - at)),
                         static_cast<std::size_t>(std::stoll(body->substr(space + 1))));
      at = next + 1;
    }
    for (std::size_t k = 0; k < index.size(); ++k) {
      const std::size_t from = static_cast<std::size_t>(first) + index[k].second;
      const std::size_t to = k + 1 < index.size()
                                 ? static_cast<std::size_t>(first) + index[k + 1].second
                                 : body->size();
      std::string text = body->substr(from, to - from);
      if (!text.empty() && text.back() == '\n') text.pop_back();
      members[static_cast<int>(id)].emplace_back(index[k].first, std::move(text));
    }
  }
  for (std::size_t id = 1; id < rows.size(); ++id) {
    const Row& row = rows[id];
    if (row.type == 1) continue;
    if (row.type != 2) {
      read.problems.push_back("object " + std::to_string(id) + " is free");
      continue;
    }
    const auto stream = members.find(static_cast<int>(row.where));
    if (stream == members.end() || row.index >= static_cast<long long>(stream->second.size()) ||
        stream->second[static_cast<std::size_t>(row.index)].first != static_cast<int>(id)) {
      read.problems.push_back("object " + std::to_string(id) + " is not where its row says");
      continue;
    }
    read.objects[static_cast<int>(id)] = stream->second[static_cast<std::size_t>(row.index)].second;
  }
  return read;
}

}  // namespace dossier::test
