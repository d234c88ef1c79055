#include "engine/codes/npi.hpp"

#include <algorithm>

namespace clearhouse::codes {
namespace {

bool digits(std::string_view s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

}  // namespace

char npi_check_digit(std::string_view first_nine) {
  if (first_nine.size() != 9) return '\0';
  // Luhn over "80840" + nine digits, doubling every second digit from the right of the payload
  // (the check digit itself would be the rightmost, undoubled). The prefix contributes 24.
  int sum = 24;
  for (int i = 8, position = 0; i >= 0; --i, ++position) {
    const char c = first_nine[static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return '\0';
    int d = c - '0';
    if (position % 2 == 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool is_valid_npi(std::string_view npi) {
  if (npi.size() != 10) return false;
  const char check = npi_check_digit(npi.substr(0, 9));
  return check != '\0' && npi[9] == check;
}

std::string npi_problem(std::string_view npi) {
  if (!digits(npi)) return "holds a character other than a digit, expected 10 digits";
  if (npi.size() != 10) return "has " + std::to_string(npi.size()) + " digits, expected 10";
  if (!is_valid_npi(npi))
    return std::string("fails its check digit: expected ") + npi_check_digit(npi.substr(0, 9)) +
           " (Luhn over 80840 and the first nine digits)";
  return {};
}

}  // namespace clearhouse::codes
