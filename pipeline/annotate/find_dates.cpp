#include "annotate/find_dates.h"

#include <cstdio>
#include <string_view>

#include "annotate/cue_words.h"
#include "model/calendar.h"

namespace dossier::annotate {

namespace {

using model::calendar::Civil;
using model::calendar::civil_from_days;
using model::calendar::days_from_civil;
using model::calendar::is_valid_day;
using model::calendar::iso_day;
using model::calendar::iso_month;
using model::calendar::iso_week;
using model::calendar::weekday_of;

class DateScanner : TokenCursor {
 public:
  DateScanner(const BlockText& b, std::optional<long> today, std::vector<model::DateMention>& out)
      : TokenCursor(b), today_(today), out_(out), lower_(b.lowers) {}

  void scan() {
    for (int i = 0; i < size();) i = read_at(i);
  }

 private:
  // A plain integer token (no separators), or nothing.
  std::optional<int> integer(int i) const {
    if (!number(i)) return std::nullopt;
    int v = 0;
    for (int k = tok(i).begin; k < tok(i).end; ++k) {
      const char32_t c = b_.text[k];
      if (c < U'0' || c > U'9' || v > 100000) return std::nullopt;
      v = v * 10 + static_cast<int>(c - U'0');
    }
    return v;
  }
  std::optional<int> year(int i) const {
    if (!number(i) || tok(i).end - tok(i).begin != 4) return std::nullopt;
    auto v = integer(i);
    if (!v || *v < 1000 || *v > 2999) return std::nullopt;
    // Not a year when a unit follows: "2000 troops" is left to figures, "2024%" too.
    if (punct(i + 1, U'%') || (i > 0 && (punct(i - 1, U'$') || punct(i - 1, U'\u20AC')))) {
      return std::nullopt;
    }
    return v;
  }
  bool is_dash(int i) const { return punct(i, U'\u2013') || punct(i, U'-') || punct(i, U'\u2014'); }

  void add(int first, int last, std::optional<std::string> iso, const char* precision) {
    model::DateMention d;
    d.block = b_.id;
    d.start = tok(first).begin;
    d.end = tok(last).end;
    d.text = b_.utf8(d.start, d.end);
    d.iso = std::move(iso);
    d.precision = precision;
    out_.push_back(std::move(d));
  }

  int read_at(int i) {
    if (auto m = month_word(i)) return read_month(i, *m);
    if (auto d = integer(i); d && *d >= 1 && *d <= 31 && !year(i)) {
      if (auto m = month_word(i + 1); m) {
        if (auto y = year(i + 2); y && is_valid_day(*y, *m, *d)) {
          add(i, i + 2, iso_day(days_from_civil(*y, *m, *d)), "day");
          return i + 3;
        }
      }
    }
    if (auto y = year(i)) return read_year(i, *y);
    if (word(i)) return read_relative(i);
    return i + 1;
  }

  std::optional<int> month_word(int i) const {
    if (!word(i) || !tok(i).capitalized) return std::nullopt;
    auto m = cue::month(lower_[i]);
    // "May" is a month only beside a number.
    if (m == 5 && !number(i + 1) && !number(i - 1)) return std::nullopt;
    return m;
  }

  int read_month(int i, int m) {
    int first = i;
    const bool last = word(i - 1) && lower_[i - 1] == "last";
    const bool next = word(i - 1) && lower_[i - 1] == "next";
    if (last || next) first = i - 1;
    if (auto d = integer(i + 1); d && !year(i + 1) && *d >= 1 && *d <= 31) {
      int end = i + 1;
      if (punct(end + 1, U',')) ++end;
      if (auto y = year(end + 1); y && is_valid_day(*y, m, *d)) {
        add(first, end + 1, iso_day(days_from_civil(*y, m, *d)), "day");
        return end + 2;
      }
      std::optional<std::string> iso;
      if (today_) {
        const Civil c = civil_from_days(*today_);
        if (is_valid_day(c.year, m, *d)) iso = iso_day(days_from_civil(c.year, m, *d));
      }
      add(first, i + 1, iso, "day");
      return i + 2;
    }
    if (auto y = year(i + 1)) {
      add(first, i + 1, iso_month(*y, m), "month");
      return i + 2;
    }
    std::optional<std::string> iso;
    if (today_) {
      const Civil c = civil_from_days(*today_);
      int y = c.year;
      if (last && m >= c.month) --y;
      if (next && m <= c.month) ++y;
      iso = iso_month(y, m);
    }
    add(first, i, iso, "relative");
    return i + 1;
  }

  int read_year(int i, int y) {
    // 2014–2015, 2014-15
    if (is_dash(i + 1) && adjacent(i + 1) && adjacent(i + 2)) {
      int y2 = 0;
      if (auto full = year(i + 2)) {
        y2 = *full;
      } else if (auto two = integer(i + 2); two && tok(i + 2).end - tok(i + 2).begin == 2) {
        y2 = y / 100 * 100 + *two;
      }
      if (y2 > y) {
        add(i, i + 2, std::to_string(y) + "/" + std::to_string(y2), "range");
        return i + 3;
      }
    }
    // from 2014 to 2015, between 2014 and 2015
    if (word(i - 1) && (lower_[i - 1] == "from" || lower_[i - 1] == "between") && word(i + 1) &&
        (lower_[i + 1] == "to" || lower_[i + 1] == "and")) {
      if (auto y2 = year(i + 2); y2 && *y2 > y) {
        add(i - 1, i + 2, std::to_string(y) + "/" + std::to_string(*y2), "range");
        return i + 3;
      }
    }
    add(i, i, std::to_string(y), "year");
    return i + 1;
  }

  int read_relative(int i) {
    const std::string& w = lower_[i];
    if (auto wd = cue::weekday(w); wd && tok(i).capitalized) {
      int first = i;
      int direction = 0;  // nearest
      if (word(i - 1) && (lower_[i - 1] == "last" || lower_[i - 1] == "next")) {
        direction = lower_[i - 1] == "last" ? -1 : 1;
        first = i - 1;
      }
      std::optional<std::string> iso;
      if (today_) iso = iso_day(resolve_weekday(*today_, *wd, direction));
      add(first, i, iso, "relative");
      return i + 1;
    }
    if (w == "today" || w == "yesterday" || w == "tomorrow") {
      std::optional<std::string> iso;
      if (today_) iso = iso_day(*today_ + (w == "today" ? 0 : w == "yesterday" ? -1 : 1));
      add(i, i, iso, "relative");
      return i + 1;
    }
    if ((w == "last" || w == "next" || w == "this") && word(i + 1)) {
      const std::string& unit = lower_[i + 1];
      const int step = w == "last" ? -1 : w == "next" ? 1 : 0;
      std::optional<std::string> iso;
      if (unit == "week") {
        if (today_) iso = iso_week(*today_ + 7 * step);
      } else if (unit == "month") {
        if (today_) {
          const Civil c = civil_from_days(*today_);
          int m = c.month + step, y = c.year;
          if (m < 1) m = 12, --y;
          if (m > 12) m = 1, ++y;
          iso = iso_month(y, m);
        }
      } else if (unit == "year") {
        if (today_) iso = std::to_string(civil_from_days(*today_).year + step);
      } else {
        return i + 1;
      }
      add(i, i + 1, iso, "relative");
      return i + 2;
    }
    return i + 1;
  }

  // The weekday nearest the source's date (ties go to the past), or strictly before/after.
  static long resolve_weekday(long today, int wd, int direction) {
    const int now = weekday_of(today);
    const int back = (now - wd + 7) % 7;
    const int ahead = (wd - now + 7) % 7;
    if (direction < 0) return today - (back == 0 ? 7 : back);
    if (direction > 0) return today + (ahead == 0 ? 7 : ahead);
    return back <= ahead ? today - back : today + ahead;
  }

  std::optional<long> today_;
  std::vector<model::DateMention>& out_;
  const std::vector<std::string>& lower_;  // the block's, per token
};

}  // namespace

std::vector<model::DateMention> find_dates(const std::vector<BlockText>& blocks,
                                           const std::optional<std::string>& source_date) {
  std::vector<model::DateMention> dates;
  const auto today =
      source_date ? model::calendar::parse_iso_day(*source_date) : std::optional<long>();
  for (const auto& b : blocks) DateScanner(b, today, dates).scan();
  return dates;
}

}  // namespace dossier::annotate
