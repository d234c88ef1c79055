#include "engine/edits/edit_code.hpp"

namespace clearhouse::edits {

std::string_view edit_code_name(EditCode code) {
  switch (code) {
    case EditCode::missing_field: return "missing_field";
    case EditCode::too_long: return "too_long";
    case EditCode::too_short: return "too_short";
    case EditCode::invalid_character: return "invalid_character";
    case EditCode::invalid_code: return "invalid_code";
    case EditCode::invalid_npi: return "invalid_npi";
    case EditCode::invalid_ein: return "invalid_ein";
    case EditCode::invalid_state: return "invalid_state";
    case EditCode::invalid_zip: return "invalid_zip";
    case EditCode::foreign_address: return "foreign_address";
    case EditCode::po_box_billing_address: return "po_box_billing_address";
    case EditCode::invalid_date: return "invalid_date";
    case EditCode::future_date: return "future_date";
    case EditCode::birth_date_after_service: return "birth_date_after_service";
    case EditCode::date_range_reversed: return "date_range_reversed";
    case EditCode::invalid_gender: return "invalid_gender";
    case EditCode::invalid_place_of_service: return "invalid_place_of_service";
    case EditCode::unknown_place_of_service: return "unknown_place_of_service";
    case EditCode::invalid_taxonomy: return "invalid_taxonomy";
    case EditCode::invalid_icd10cm: return "invalid_icd10cm";
    case EditCode::unknown_icd10cm: return "unknown_icd10cm";
    case EditCode::duplicate_diagnosis: return "duplicate_diagnosis";
    case EditCode::external_cause_principal: return "external_cause_principal";
    case EditCode::too_many_diagnoses: return "too_many_diagnoses";
    case EditCode::invalid_procedure_code: return "invalid_procedure_code";
    case EditCode::unknown_procedure_code: return "unknown_procedure_code";
    case EditCode::invalid_modifier: return "invalid_modifier";
    case EditCode::unknown_modifier: return "unknown_modifier";
    case EditCode::too_many_modifiers: return "too_many_modifiers";
    case EditCode::invalid_diagnosis_pointer: return "invalid_diagnosis_pointer";
    case EditCode::invalid_charge: return "invalid_charge";
    case EditCode::invalid_units: return "invalid_units";
    case EditCode::invalid_unit_code: return "invalid_unit_code";
    case EditCode::total_mismatch: return "total_mismatch";
    case EditCode::duplicate_claim_in_batch: return "duplicate_claim_in_batch";
    case EditCode::duplicate_claim_in_ledger: return "duplicate_claim_in_ledger";
    case EditCode::duplicate_line_control_number: return "duplicate_line_control_number";
    case EditCode::invalid_frequency: return "invalid_frequency";
    case EditCode::original_claim_required: return "original_claim_required";
    case EditCode::original_claim_forbidden: return "original_claim_forbidden";
    case EditCode::split_claim_id_too_long: return "split_claim_id_too_long";
    case EditCode::invalid_ndc: return "invalid_ndc";
    case EditCode::invalid_clia_number: return "invalid_clia_number";
    case EditCode::too_many_attachments: return "too_many_attachments";
    case EditCode::too_many_other_payers: return "too_many_other_payers";
    case EditCode::duplicate_payer: return "duplicate_payer";
    case EditCode::payer_responsibility_order: return "payer_responsibility_order";
  }
  return "unknown";
}

}  // namespace clearhouse::edits
