#pragma once
// GET /v1/claims/{claim_id}: everything the ledger knows about one claim, for a biller — the
// claim and its lines as submitted, what each remittance paid, adjusted and why (CARC/RARC in
// words from schemas/codes), the status history, and the worklist item with its findings.
// Read-only: the ledger's reads (engine/ledger/claim_detail_reads.hpp) and the worklist item.

#include <string>

#include "engine/ledger/ledger.hpp"
#include "engine/rules/rules_config.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::service {

enum class ClaimLookup { found, not_found, ambiguous };

// Writes the claim detail JSON object for claim_id (payer_id may be empty when the claim id
// names one payer's claim). Returns not_found / ambiguous (writing nothing) when it cannot.
ClaimLookup write_claim_detail(ledger::Ledger& ledger, const rules::RulesConfig& config, model::Date today,
                               const std::string& claim_id, const std::string& payer_id, render::JsonWriter& json);

}  // namespace clearhouse::service
