#pragma once
// Statements as JSON (`clearhouse statements --format json` writes DIR/statements.json): an
// array with one object per statement,
//   {"guarantor": {"last", "first", "middle", "suffix", "address": {...}}, "account": "PA...",
//    "balance_cents": N, "in_credit": bool, "statement_date", "due_date", "statement_number",
//    "previous_balance_cents", "new_charges_cents", "payments_received_cents",
//    "adjustments_cents", "pending_insurance_cents", "message", "practice": {...},
//    "claims": [{"claim_id", "date", "patient", "provider", "services": [...], "billed_cents",
//                "payers": [...], "insurance_adjustments_cents", "patient_share_cents",
//                "patient_paid_cents", "patient_adjustments_cents", "owed_cents",
//                "pending_insurance", "reasons": [{"group", "carc", "words", "amount_cents"}]}]}
// Amounts in integer cents, dates ISO. PHI: written only to the output, never to a log.

#include <span>
#include <string>

#include "engine/model/patient_statement.hpp"

namespace clearhouse::statements {

std::string statements_json(std::span<const model::PatientStatement> statements);

}  // namespace clearhouse::statements
