#pragma once
// The National Provider Identifier check: 10 digits whose last is a Luhn check digit computed
// over the card-issuer prefix 80840 followed by the first nine digits (CMS NPI standard).

#include <string_view>

namespace clearhouse::edits {

// The check digit ('0'..'9') for nine leading digits; '\0' when they are not nine digits.
char npi_check_digit(std::string_view first_nine);
bool is_valid_npi(std::string_view npi);

}  // namespace clearhouse::edits
