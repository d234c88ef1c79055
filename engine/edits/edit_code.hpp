#pragma once
// The codes of the rejection report: one flat list, each a stable machine name with the rule
// it stands for. Readers add their own (json_syntax, not_an_object, wrong_type, invalid_amount,
// invalid_number, invalid_date for text that is not a date at all).

#include <string_view>

namespace clearhouse::edits {

enum class EditCode {
  missing_field,                  // a required value is absent or empty
  too_long,                       // longer than the 837P element (or clearhouse's stricter limit) allows
  too_short,                      // shorter than the element's minimum
  invalid_character,              // not printable ASCII, or one of the delimiters * : ^ ~
  invalid_code,                   // not a value of the element's code list
  invalid_npi,                    // not 10 digits with the 80840-prefixed Luhn check digit
  invalid_ein,                    // not 9 digits
  invalid_state,                  // not a US state, territory or military state code
  invalid_zip,                    // not 5 or 9 digits (9 required for billing provider and facility)
  foreign_address,                // a country other than US (not supported)
  po_box_billing_address,         // the billing provider's address must be a street address
  invalid_date,                   // not a real calendar date
  future_date,                    // after the submission date
  birth_date_after_service,       // born after the first date of service
  date_range_reversed,            // a service date range ending before it starts
  invalid_gender,                 // not M, F or U
  invalid_place_of_service,       // not two digits
  unknown_place_of_service,       // two digits but not in the given place of service code set
  invalid_taxonomy,               // not a 10-character NUCC taxonomy code ending in X
  invalid_icd10cm,                // not an ICD-10-CM code by format
  unknown_icd10cm,                // well formed but not in the given ICD-10-CM code set
  duplicate_diagnosis,            // the same diagnosis twice on a claim
  external_cause_principal,       // an external-cause code (V00-Y99) as the principal diagnosis
  too_many_diagnoses,             // more than 12
  invalid_procedure_code,         // neither CPT nor HCPCS Level II by format
  unknown_procedure_code,         // well formed but not in the given CPT/HCPCS code set
  invalid_modifier,               // not two letters or digits
  unknown_modifier,               // well formed but not in the given modifier code set
  too_many_modifiers,             // more than 4 on a line
  invalid_diagnosis_pointer,      // not 1-4 distinct pointers within the claim's diagnoses
  invalid_charge,                 // a line charge that is not > 0
  invalid_units,                  // units that are not > 0
  invalid_unit_code,              // not UN (units) or MJ (minutes)
  total_mismatch,                 // total_charge differs from the sum of the line charges
  duplicate_claim_in_batch,       // the same claim id for the same payer earlier in this input
  duplicate_claim_in_ledger,      // the claim id was already submitted to this payer
  duplicate_line_control_number,  // two lines of the claim share a line control number
  invalid_frequency,              // frequency code not 1, 7 or 8
  original_claim_required,        // frequency 7/8 without original_claim_number
  original_claim_forbidden,       // frequency 1 with original_claim_number
  split_claim_id_too_long,        // more than 50 lines, and the split claims' ids would pass 20 characters
  invalid_ndc,                    // a drug's NDC that is not 11 digits (5-4-2), e.g. a 10-digit NDC
  invalid_clia_number,            // a CLIA number that is not 2 digits, D, 7 digits
  too_many_attachments,           // more than 10 PWK attachments on the claim or a line
  too_many_other_payers,          // more than 10 other_coverage entries (the 837P's 2320 repeat)
  duplicate_payer,                // an other payer named twice, or the claim's own payer again
  payer_responsibility_order,     // an other payer's SBR01 is not the next in P, S, T, A-H order
};

std::string_view edit_code_name(EditCode code);

}  // namespace clearhouse::edits
