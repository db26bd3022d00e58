#include "model/ledger.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "model/utf8.h"

namespace dossier::model {

namespace {

// A code point tagged with its region: sorting these groups each region's multiset.
using Tagged = std::uint64_t;
Tagged tag(std::size_t region, char32_t cp) {
  return (std::uint64_t{region} << 21) | cp;
}
std::size_t region_of(Tagged t) {
  return static_cast<std::size_t>(t >> 21);
}
char32_t code_point_of(Tagged t) {
  return static_cast<char32_t>(t & 0x1FFFFF);
}

struct Item {
  int first = 0;
  int last = 0;
  std::string_view text;
};

// Fixes that lead up to the decoded input rather than away from it.
bool before_decoded_text(FixKind kind) {
  return kind == FixKind::Decode || kind == FixKind::LineEnd;
}

void add_code_points(std::string_view text, std::size_t region, std::vector<Tagged>& out) {
  utf8::for_each(text, [&](char32_t cp, std::size_t) {
    if (!is_ledger_space(cp)) out.push_back(tag(region, cp));
  });
}

// Maps input lines to regions: lines joined by an item that spans them share one region;
// every other line is a region of its own.
class Regions {
 public:
  Regions(int line_count, std::vector<Item> items) : of_line_(line_count + 1, 0) {
    std::sort(items.begin(), items.end(),
              [](const Item& a, const Item& b) { return a.first < b.first; });
    int next_free = 1;  // the first line not yet given a region
    for (std::size_t k = 0; k < items.size();) {
      const int first = items[k].first;
      int last = items[k].last;
      for (++k; k < items.size() && items[k].first <= last; ++k) {
        last = std::max(last, items[k].last);
      }
      for (; next_free < first; ++next_free) start(next_free, next_free);
      start(first, last);
      next_free = last + 1;
    }
    for (; next_free <= line_count; ++next_free) start(next_free, next_free);
  }

  std::size_t at(int line) const {
    const int clamped = std::clamp(line, 1, static_cast<int>(of_line_.size()) - 1);
    return of_line_[static_cast<std::size_t>(clamped)];
  }
  std::pair<int, int> lines(std::size_t region) const { return spans_[region]; }

 private:
  void start(int first, int last) {
    for (int line = first; line <= last; ++line) {
      of_line_[static_cast<std::size_t>(line)] = spans_.size();
    }
    spans_.emplace_back(first, last);
  }
  std::vector<std::size_t> of_line_;
  std::vector<std::pair<int, int>> spans_;
};

}  // namespace

bool is_ledger_space(char32_t cp) {
  switch (cp) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

void collect_leaf_texts(const Block& block, std::vector<std::string_view>& out) {
  if (block.children.empty()) {
    out.push_back(block.text);
    return;
  }
  for (const auto& child : block.children) collect_leaf_texts(child, out);
}

std::vector<LedgerGap> check_ledger(const Source& source) {
  // Input lines, numbered from 1.
  std::vector<std::string_view> lines;
  {
    std::string_view rest = source.text;
    while (true) {
      const std::size_t end = rest.find('\n');
      lines.push_back(rest.substr(0, end));
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  const int line_count = static_cast<int>(lines.size());
  const auto clamp_line = [&](int line) { return std::clamp(line, 1, line_count); };

  std::vector<Item> items;
  std::vector<std::string_view> leaves;
  for (const auto& block : source.blocks) {
    leaves.clear();
    collect_leaf_texts(block, leaves);
    const int first = clamp_line(block.origin.line);
    const int last = std::max(first, clamp_line(block.last_line));
    for (const auto text : leaves) items.push_back({first, last, text});
  }
  for (const auto& m : source.metadata_lines) {
    const int first = clamp_line(m.first_line);
    items.push_back({first, std::max(first, clamp_line(m.last_line)), m.text});
  }
  for (const auto& r : source.removals) {
    const int first = clamp_line(r.first_line);
    items.push_back({first, std::max(first, clamp_line(r.last_line)), r.text});
  }
  // A fix that spans lines (a join, an expanded template section) ties them into one region;
  // its text is counted below, with the other fixes.
  std::vector<Item> spans;
  for (const auto& fix : source.fixes) {
    if (before_decoded_text(fix.kind)) continue;
    const auto breaks = static_cast<int>(std::count(fix.before.begin(), fix.before.end(), '\n'));
    if (breaks == 0) continue;
    const int first = clamp_line(fix.at.line);
    spans.push_back({first, clamp_line(fix.at.line + breaks), {}});
  }
  const std::size_t counted = items.size();
  items.insert(items.end(), spans.begin(), spans.end());
  const Regions regions(line_count, items);
  items.resize(counted);

  // input + what fixes produced == output + what fixes took, region by region.
  std::vector<Tagged> input_side, output_side;
  input_side.reserve(source.text.size());
  output_side.reserve(source.text.size());
  for (int line = 1; line <= line_count; ++line) {
    add_code_points(lines[static_cast<std::size_t>(line - 1)], regions.at(line), input_side);
  }
  for (const auto& item : items) add_code_points(item.text, regions.at(item.first), output_side);
  for (const auto& fix : source.fixes) {
    if (before_decoded_text(fix.kind)) continue;
    const std::size_t region = regions.at(fix.at.line);
    add_code_points(fix.after, region, input_side);
    add_code_points(fix.before, region, output_side);
  }
  std::sort(input_side.begin(), input_side.end());
  std::sort(output_side.begin(), output_side.end());
  if (input_side == output_side) return {};

  std::vector<Tagged> missing, extra;
  std::set_difference(input_side.begin(), input_side.end(), output_side.begin(), output_side.end(),
                      std::back_inserter(missing));
  std::set_difference(output_side.begin(), output_side.end(), input_side.begin(), input_side.end(),
                      std::back_inserter(extra));
  std::map<std::size_t, LedgerGap> gaps;
  const auto gap = [&](std::size_t region) -> LedgerGap& {
    auto [it, fresh] = gaps.try_emplace(region);
    if (fresh) std::tie(it->second.first_line, it->second.last_line) = regions.lines(region);
    return it->second;
  };
  // Missing code points in the order the input has them; what is left came from fixes.
  std::map<Tagged, int> owed;
  for (const Tagged t : missing) ++owed[t];
  for (int line = 1; line <= line_count && !owed.empty(); ++line) {
    const std::size_t region = regions.at(line);
    utf8::for_each(lines[static_cast<std::size_t>(line - 1)], [&](char32_t cp, std::size_t) {
      const auto it = owed.find(tag(region, cp));
      if (it == owed.end()) return;
      utf8::append(gap(region).missing, cp);
      if (--it->second == 0) owed.erase(it);
    });
  }
  for (const auto& [t, n] : owed) {
    for (int k = 0; k < n; ++k) utf8::append(gap(region_of(t)).missing, code_point_of(t));
  }
  for (const Tagged t : extra) utf8::append(gap(region_of(t)).extra, code_point_of(t));
  std::vector<LedgerGap> out;
  for (auto& [region, g] : gaps) out.push_back(std::move(g));
  return out;
}

std::string describe_gap(const LedgerGap& gap) {
  std::string out = gap.first_line == gap.last_line ? "line " + std::to_string(gap.first_line)
                                                    : "lines " + std::to_string(gap.first_line) +
                                                          "–" + std::to_string(gap.last_line);
  constexpr std::size_t kShown = 80;  // bytes of each side quoted
  const auto quoted = [&](const std::string& s) {
    if (s.size() <= kShown) return "\"" + s + "\"";
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + s.substr(0, cut) + "…\" (" + std::to_string(utf8::length(s)) + " code points)";
  };
  if (!gap.missing.empty()) out += ": missing from the output " + quoted(gap.missing);
  if (!gap.extra.empty()) {
    out += std::string(gap.missing.empty() ? ":" : ";") + " not in the input " + quoted(gap.extra);
  }
  return out;
}

}  // namespace dossier::model
