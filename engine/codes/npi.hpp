#pragma once
// The National Provider Identifier: 10 digits whose last is a Luhn check digit computed over the
// card-issuer prefix 80840 followed by the first nine digits (CMS NPI standard). X12 carries it
// wherever an identification code qualifier says XX (NM108, N103) or a reference qualifier
// says HPI (REF01).

#include <string>
#include <string_view>

namespace clearhouse::codes {

// The check digit ('0'..'9') for nine leading digits; '\0' when they are not nine digits.
char npi_check_digit(std::string_view first_nine);
bool is_valid_npi(std::string_view npi);
// Why npi is not a valid NPI, for messages ("has 9 digits, expected 10"); empty when it is.
std::string npi_problem(std::string_view npi);

}  // namespace clearhouse::codes
