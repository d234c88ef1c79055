#pragma once
// What each kind of code looks like, checked without a code list. Codes are checked as
// submitted: upper-case, ICD codes without their dot (normalize_code makes them so).

#include <optional>
#include <string>
#include <string_view>

#include "engine/codes/code_kind.hpp"

namespace clearhouse::codes {

// ICD-10-CM: a letter, a digit, an alphanumeric, then up to four alphanumerics (3-7 characters,
// "E119", "S93401A").
bool is_icd10cm_format(std::string_view code);
// ICD-9-CM: 3-5 digits ("4019"), V and 2-4 digits ("V700"), or E and 3-4 digits ("E8490").
bool is_icd9cm_format(std::string_view code);
// CPT: five digits ("99213"), or four digits and F (Category II, "3008F"), T (Category III,
// "0042T"), U (Proprietary Laboratory Analyses, "0001U") or M (Multianalyte Assays with
// Algorithmic Analyses, "0002M").
bool is_cpt_format(std::string_view code);
// HCPCS Level II: a letter and four digits ("J1100", "G0439").
bool is_hcpcs_format(std::string_view code);
// Procedure modifier: two letters or digits ("25", "RT", "QW").
bool is_modifier_format(std::string_view code);
// Place of service: two digits ("11").
bool is_place_of_service_format(std::string_view code);
// Claim adjustment reason code: one to three letters or digits ("45", "B7", "P21").
bool is_carc_format(std::string_view code);
// Remittance advice remark code: one or two letters and one to four digits ("N130", "MA01").
bool is_rarc_format(std::string_view code);
// Claim status category code (507): a letter and 1-3 letters or digits ("A7", "R10", "DR01").
bool is_claim_status_category_format(std::string_view code);
// Claim status code (508): 1-4 digits ("33", "562").
bool is_claim_status_format(std::string_view code);
// Entity identifier code (98): 2-3 letters or digits ("PR", "41", "1P").
bool is_entity_format(std::string_view code);

bool matches_format(CodeKind kind, std::string_view code);
// A procedure code's kind by its format: cpt, hcpcs, or nullopt when it is neither.
std::optional<CodeKind> procedure_code_kind(std::string_view code);
// The format in words, for rejection messages: "5 digits, or 4 digits and A, F, T, U or M".
std::string_view expected_format(CodeKind kind);
// "CPT (5 digits, or 4 digits and A, F, T, U or M) or HCPCS Level II (a letter and 4 digits)".
std::string_view expected_procedure_format();

// Upper-cases the code in place and, for a diagnosis, removes its dot ("e11.9" -> "E119").
void normalize_code(CodeKind kind, std::string& code);
std::string normalized_code(CodeKind kind, std::string_view code);

}  // namespace clearhouse::codes
