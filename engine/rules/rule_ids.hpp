#pragma once
// The stable ids of the rules (a finding's `rule`, keys of schemas/rules.json "rules").

#include <array>
#include <string_view>

namespace clearhouse::rules::rule_id {

inline constexpr std::string_view denied_claim = "denial.claim";
inline constexpr std::string_view denied_line = "denial.line";
inline constexpr std::string_view partial_denial = "denial.partial";
inline constexpr std::string_view underpaid = "payment.underpaid";
inline constexpr std::string_view overpaid = "payment.overpaid";
inline constexpr std::string_view allowed_below_schedule = "payment.allowed_below_schedule";
inline constexpr std::string_view billed_claim_mismatch = "billed.claim_mismatch";
inline constexpr std::string_view billed_line_mismatch = "billed.line_mismatch";
inline constexpr std::string_view unmatched = "posting.unmatched";
inline constexpr std::string_view unbalanced = "posting.unbalanced";
inline constexpr std::string_view missing_remittance = "remittance.missing";
inline constexpr std::string_view duplicate_payment = "payment.duplicate";
inline constexpr std::string_view uncorrected_reversal = "reversal.uncorrected";
inline constexpr std::string_view patient_responsibility = "patient.responsibility";
inline constexpr std::string_view unknown_codes = "codes.unknown";
// What a 277 says (engine/ack/claim_status_planner.hpp): a claim the payer's front door
// rejected (277CA), one a status response reports denied or not found (277), and how long a
// claim stays silent before `clearhouse status-inquiry` asks about it (after_days).
inline constexpr std::string_view front_door_rejected = "front_door.rejected";
inline constexpr std::string_view status_denied = "claim_status.denied";
inline constexpr std::string_view status_not_found = "claim_status.not_found";
inline constexpr std::string_view status_inquiry = "claim_status.inquiry";

// The patient's share (engine/patient/): a patient payment left a credit to refund, and a balance
// still owed after the configured number of statements (rules.json "patient_statements").
inline constexpr std::string_view patient_refund_due = "patient.refund_due";
inline constexpr std::string_view patient_collections = "patient.collections";

inline constexpr std::array<std::string_view, 21> all = {
    denied_claim,       denied_line,        partial_denial,    underpaid,           overpaid,
    allowed_below_schedule, billed_claim_mismatch, billed_line_mismatch, unmatched, unbalanced,
    missing_remittance, duplicate_payment,  uncorrected_reversal, patient_responsibility, unknown_codes,
    front_door_rejected, status_denied, status_not_found, status_inquiry, patient_refund_due, patient_collections,
};

// The position of a rule id in `all` (all.size() when unknown); constexpr so rules resolve
// their settings slot at compile time.
constexpr std::size_t index(std::string_view id) {
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i] == id) return i;
  return all.size();
}

// rule_id::slot<rule_id::underpaid>: the index, guaranteed at compile time.
template <const std::string_view& Id>
inline constexpr std::size_t slot = index(Id);

}  // namespace clearhouse::rules::rule_id
