#include "model/calendar.h"

#include <cstdio>

namespace dossier::model::calendar {

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Civil c;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2));
  return c;
}

int weekday_of(long days) {
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

bool is_valid_day(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  return civil_from_days(days_from_civil(y, m, d)).day == d;
}

std::string iso_day(long days) {
  const Civil c = civil_from_days(days);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

std::string iso_month(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

std::string iso_week(long days) {
  // The ISO week's Thursday decides its year.
  const long thursday = days - weekday_of(days) + 3;
  const Civil c = civil_from_days(thursday);
  const int week = static_cast<int>((thursday - days_from_civil(c.year, 1, 1)) / 7 + 1);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", c.year, week);
  return buf;
}

std::optional<long> parse_iso_day(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  const std::string s(iso);
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) {
    return std::nullopt;
  }
  if (!is_valid_day(y, m, d)) return std::nullopt;
  return days_from_civil(y, m, d);
}

std::optional<long> first_day(std::string_view iso) {
  const std::string s(iso);
  int y = 0, m = 0, w = 0;
  if (auto day = parse_iso_day(s)) return day;
  if (s.size() == 8 && std::sscanf(s.c_str(), "%4d-W%2d", &y, &w) == 2) {
    // Week 1 holds January 4th.
    const long jan4 = days_from_civil(y, 1, 4);
    return jan4 - weekday_of(jan4) + 7L * (w - 1);
  }
  if (s.size() == 7 && std::sscanf(s.c_str(), "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12) {
    return days_from_civil(y, m, 1);
  }
  if (s.size() >= 4 && std::sscanf(s.c_str(), "%4d", &y) == 1 && (s.size() == 4 || s[4] == '/')) {
    return days_from_civil(y, 1, 1);
  }
  return std::nullopt;
}

}  // namespace dossier::model::calendar
