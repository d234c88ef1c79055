#pragma once
// Formats of the administrative fields an 837P carries: US state codes, ZIP codes, EINs,
// gender, provider taxonomy, X12 code lists, and the characters an X12 element may hold. (Code
// sets -- diagnoses, procedures, modifiers, place of service -- and NPIs are engine/codes'.)

#include <string>
#include <string_view>

namespace clearhouse::edits {

// The 50 states, DC, the territories (AS GU MP PR VI, FM MH PW) and military (AA AE AP).
bool is_us_state(std::string_view code);
// 5 or 9 digits; "12345-6789" is accepted and normalized to 9 digits.
bool is_zip(std::string_view zip);
std::string normalize_zip(std::string_view zip);
// Employer identification number: 9 digits ("12-3456789" accepted, normalized without dash).
bool is_ein(std::string_view ein);
std::string normalize_ein(std::string_view ein);
bool is_gender(std::string_view code);  // M, F, U
// NUCC provider taxonomy: 10 characters, 9 letters/digits and a final X ("207Q00000X").
bool is_taxonomy(std::string_view code);
// SBR09 claim filing indicator codes (11..17, AM, BL, CH, CI, DS, FI, HM, LM, MA, MB, MC, OF, TV, VA, WC, ZZ).
bool is_claim_filing_indicator(std::string_view code);
// SBR01 payer responsibility sequence (A-H, P, S, T, U).
bool is_payer_responsibility(std::string_view code);
// PAT01 individual relationship codes for a patient who is not the subscriber (01, 19, 20, 21, 39, 40, 53, G8).
bool is_patient_relationship(std::string_view code);
// Printable ASCII without the characters clearhouse uses as X12 delimiters (* : ^ ~).
bool is_x12_text(std::string_view text);
// "PO BOX 12", "P.O. Box 12", "Post Office Box", "Lock Box": not allowed as a billing address.
bool is_po_box(std::string_view address_line);
bool all_digits(std::string_view s);

}  // namespace clearhouse::edits
