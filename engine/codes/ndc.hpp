#pragma once
// The National Drug Code as claims carry it (837P LIN03 with LIN02 = N4): the 11-digit HIPAA
// form, labeler-product-package 5-4-2, without hyphens. FDA labels print 10-digit NDCs in
// 4-4-2, 5-3-2 or 5-4-1 form; which segment takes the leading zero cannot be guessed from the
// digits alone, so a 10-digit NDC is refused rather than padded.

#include <string>
#include <string_view>

namespace clearhouse::codes {

// 11 digits ("00409487202").
bool is_ndc11(std::string_view ndc);
// "00409-4872-02" (hyphenated 5-4-2) becomes "00409487202"; anything else is left as it is.
void normalize_ndc(std::string& ndc);
// Why ndc is not an 11-digit NDC, for messages ("has 10 digits: ..."); empty when it is.
std::string ndc_problem(std::string_view ndc);

}  // namespace clearhouse::codes
