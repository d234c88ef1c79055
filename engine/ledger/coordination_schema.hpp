#pragma once
// Migration 9: coordination of benefits (engine/secondary, `clearhouse secondary`).
//  - claims.payer_level: SBR01 as sent to the claim's payer (P, S, T); 'P' for claims written
//    before this migration. claims.follows_claim_row: for the next payer's claim (a claims row
//    of its own: payer = the next payer, same CLM01), the claims row whose adjudication it
//    carries; NULL for a claim to the first payer.
//  - claim_renderings: for a claim that names other coverage, the claim as we wrote it, as a
//    one-claim 837P interchange by the shared writer; the next payer's claim is rebuilt from it
//    with the shared 837P reader (no third serialization of a claim). Claims without other
//    coverage get no row (submit does no extra work for them).
//  - claim_payments.adjustments / line_payments.adjustments: the payer's exact CAS triples in
//    its order (engine/ledger/adjustment_codec.hpp), which the next payer's 2320/2430 CAS repeat;
//    claim_payments.crossover_payer: NM1*TT of the CLP (the payer forwarded the claim itself);
//    line_payments.paid_units: SVC05 (NULL when absent or 1).
//  - coordination_history: per claim and next payer, every decision `clearhouse secondary`
//    made that changed something: sent (the next payer's claim, its batch and row), replacement
//    sent (frequency 7 after a corrected payment), forwarded (CLP02 19-21 or NM1*TT: not sent),
//    waiting (reversed and not corrected, denied, a replacement without the payer's claim
//    number). based_on_payment is the claim payment the decision read: a run finds nothing to
//    do for a claim whose latest event already rests on its standing payment.

#include <string_view>

namespace clearhouse::ledger {

inline constexpr std::string_view kCoordinationMigration = R"sql(
ALTER TABLE claims ADD COLUMN payer_level TEXT NOT NULL DEFAULT 'P';
ALTER TABLE claims ADD COLUMN follows_claim_row BIGINT REFERENCES claims(id);
CREATE INDEX claims_by_follows ON claims (follows_claim_row) WHERE follows_claim_row IS NOT NULL;
ALTER TABLE claim_payments ADD COLUMN adjustments TEXT NOT NULL DEFAULT '';
ALTER TABLE claim_payments ADD COLUMN crossover_payer TEXT NOT NULL DEFAULT '';
ALTER TABLE line_payments ADD COLUMN adjustments TEXT NOT NULL DEFAULT '';
ALTER TABLE line_payments ADD COLUMN paid_units TEXT;
CREATE TABLE claim_renderings (
  claim_row BIGINT PRIMARY KEY REFERENCES claims(id),
  x12       TEXT NOT NULL
);
CREATE TABLE coordination_history (
  id               {{id}},
  claim_row        BIGINT NOT NULL REFERENCES claims(id),
  claim_id         TEXT NOT NULL,
  payer_id         TEXT NOT NULL,
  next_payer_id    TEXT NOT NULL,
  next_level       TEXT NOT NULL,
  event            TEXT NOT NULL,
  based_on_payment BIGINT,
  next_claim_row   BIGINT REFERENCES claims(id),
  batch_id         BIGINT REFERENCES batches(id),
  message          TEXT NOT NULL,
  at               TEXT NOT NULL
);
CREATE INDEX coordination_history_by_claim ON coordination_history (claim_row);
CREATE INDEX coordination_history_by_claim_id ON coordination_history (claim_id);
)sql";

}  // namespace clearhouse::ledger
