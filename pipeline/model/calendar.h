// Calendar arithmetic on the proleptic Gregorian calendar, for dates in the model: days since
// 1970-01-01 and back, weekdays, and the first day an ISO 8601 value covers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dossier::model::calendar {

struct Civil {
  int year = 0, month = 0, day = 0;
};

long days_from_civil(int year, int month, int day);
Civil civil_from_days(long days);
int weekday_of(long days);  // 0 = Monday

bool is_valid_day(int year, int month, int day);

std::string iso_day(long days);              // 2025-04-22
std::string iso_month(int year, int month);  // 2025-04
std::string iso_week(long days);             // 2025-W17, the ISO week holding `days`
std::optional<long> parse_iso_day(std::string_view iso);

// The first day of an ISO value: 2025 → 2025-01-01, 2025-04 → 2025-04-01, 2025-W17 → its
// Monday, 2014/2015 → 2014-01-01. Nothing for text that is none of these.
std::optional<long> first_day(std::string_view iso);

}  // namespace dossier::model::calendar
