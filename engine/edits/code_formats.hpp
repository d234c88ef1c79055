#pragma once
// Code-set formats the claim edits check without a code list: ICD-10-CM diagnoses, CPT and
// HCPCS Level II procedures, procedure modifiers. Codes arrive upper- or lower-case; the
// submitted form is upper-case, and ICD-10-CM without its dot.

#include <string>
#include <string_view>

namespace clearhouse::edits {

// ICD-10-CM: a letter, a digit, an alphanumeric, then up to four alphanumerics (3-7 characters,
// "E119", "S93401A"). Takes the code without a dot.
bool is_icd10cm_format(std::string_view code);
// Removes the dot ("E11.9" -> "E119") and upper-cases.
std::string normalize_icd10cm(std::string_view code);
// CPT: five digits ("99213"), or four digits and F (category II) or T (category III).
bool is_cpt_format(std::string_view code);
// HCPCS Level II: a letter and four digits ("J1100", "G0439").
bool is_hcpcs_format(std::string_view code);
// Modifier: two letters or digits ("25", "RT", "QW").
bool is_modifier_format(std::string_view code);
std::string to_upper(std::string_view s);

}  // namespace clearhouse::edits
