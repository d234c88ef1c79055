#include "engine/ledger/sweep_candidates.hpp"

#include <fmt/format.h>

#include "engine/ledger/record_columns.hpp"

namespace clearhouse::ledger {

std::vector<SweepCandidate> read_sweep_candidates(sql::Connection& c, model::Date submitted_before) {
  auto q = c.prepare(fmt::format(
      "SELECT c.id, c.claim_id, c.payer_id, c.billed_cents, c.status, c.submitted_at, c.frequency_code "
      "FROM claims c WHERE ((c.status = 'submitted' AND c.submitted_at < ?) OR c.status = 'reversed') AND {} "
      "ORDER BY c.id",
      kLatestClaimRow));
  q->bind(1, submitted_before.to_iso());
  std::vector<SweepCandidate> out;
  while (q->step()) {
    SweepCandidate k;
    k.claim.row_id = q->column_int(0);
    k.claim.claim_id = q->column_text(1);
    k.claim.payer_id = q->column_text(2);
    k.claim.billed_cents = q->column_int(3);
    k.claim.status = q->column_text(4);
    k.submitted_at = q->column_text(5);
    k.claim.frequency_code = q->column_text(6);
    out.push_back(std::move(k));
  }
  q->reset();
  return out;
}

}  // namespace clearhouse::ledger
