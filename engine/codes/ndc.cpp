#include "engine/codes/ndc.hpp"

#include <algorithm>

namespace clearhouse::codes {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool is_ndc11(std::string_view ndc) { return ndc.size() == 11 && std::all_of(ndc.begin(), ndc.end(), is_digit); }

void normalize_ndc(std::string& ndc) {
  if (ndc.size() != 13 || ndc[5] != '-' || ndc[10] != '-') return;
  const std::string digits = ndc.substr(0, 5) + ndc.substr(6, 4) + ndc.substr(11, 2);
  if (is_ndc11(digits)) ndc = digits;
}

std::string ndc_problem(std::string_view ndc) {
  if (is_ndc11(ndc)) return {};
  std::size_t digits = 0;
  for (char c : ndc) {
    if (is_digit(c)) ++digits;
    else if (c != '-') return "holds a character other than a digit or a hyphen, expected 11 digits (5-4-2)";
  }
  if (digits == 10)
    return "is a 10-digit NDC: send the 11-digit 5-4-2 form, with the leading zero in the labeler, product or "
           "package part (4-4-2 becomes 0xxxx-xxxx-xx, 5-3-2 xxxxx-0xxx-xx, 5-4-1 xxxxx-xxxx-0x)";
  if (digits == 11) return "expected 11 digits, or hyphens after the 5th and 9th digits (5-4-2)";
  return "has " + std::to_string(digits) + " digits, expected 11 (5-4-2)";
}

}  // namespace clearhouse::codes
