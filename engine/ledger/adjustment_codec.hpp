#pragma once
// The payer's exact CAS triples as the ledger keeps them (claim_payments.adjustments and
// line_payments.adjustments, migration 9): one TEXT value per payment, in the payer's order,
// so that a later payer's 837P can repeat them (2320 CAS, 2430 CAS) exactly. The buckets beside
// them (adjustment_columns.hpp) are sums for reports; these are the triples themselves.
//
// Encoding: triples separated by ';', fields by ',': group code, reason, amount in cents,
// quantity ("" when absent). "CO,45,1200,;PR,2,500,1". CAS codes are alphanumeric, so neither
// separator can occur in them. Only this file writes or reads the encoding.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/adjustment.hpp"

namespace clearhouse::ledger {

// Appends the encoding of `adjustments` to out (nothing for none).
void encode_adjustments(std::span<const model::Adjustment> adjustments, std::string& out);
std::string encode_adjustments(std::span<const model::Adjustment> adjustments);

// The triples of an encoding; throws LedgerError on text this encoder did not write.
std::vector<model::Adjustment> decode_adjustments(std::string_view text);

}  // namespace clearhouse::ledger
