#include "engine/ledger/front_door_report_queries.hpp"

#include <map>

#include "engine/ledger/record_columns.hpp"

namespace clearhouse::ledger {

FrontDoorRows read_front_door_report(sql::Connection& c) {
  std::map<std::string, FrontDoorPayerRow> payers;
  {
    // The first 277CA status of every claim id a 277CA matched.
    auto q = c.prepare(
        "SELECT h.payer_id, COUNT(*), SUM(CASE WHEN h.status IN ('accepted', 'forwarded', 'pended') THEN 1 ELSE 0 END) "
        "FROM claim_status_history h JOIN claim_status_reports r ON r.id = h.report_id "
        "WHERE r.guide = '277CA' AND h.claim_row IS NOT NULL AND h.id = ("
        "SELECT MIN(h2.id) FROM claim_status_history h2 JOIN claim_status_reports r2 ON r2.id = h2.report_id "
        "WHERE r2.guide = '277CA' AND h2.claim_row IS NOT NULL AND h2.payer_id = h.payer_id AND "
        "h2.claim_id = h.claim_id) GROUP BY h.payer_id");
    while (q->step()) {
      auto& row = payers[q->column_text(0)];
      row.acknowledged = static_cast<std::uint64_t>(q->column_int(1));
      row.accepted_first_pass = static_cast<std::uint64_t>(q->column_int(2));
    }
    q->reset();
  }
  {
    auto q = c.prepare(std::string("SELECT c.payer_id, COUNT(*) FROM claims c WHERE ") + kLatestClaimRow +
                       " AND c.front_door_status IS NULL AND c.status = 'submitted' AND c.frequency_code <> '8' "
                       "AND COALESCE(c.ack_status, '') <> 'rejected' GROUP BY c.payer_id");
    while (q->step()) payers[q->column_text(0)].awaiting = static_cast<std::uint64_t>(q->column_int(1));
    q->reset();
  }
  FrontDoorRows out;
  for (auto& [payer, row] : payers) {
    row.payer_id = payer;
    out.payers.push_back(std::move(row));
  }
  {
    auto q = c.prepare(
        "SELECT f.category, COUNT(DISTINCT i.id), COUNT(DISTINCT CASE WHEN i.status IN ('open', 'in_progress') "
        "THEN i.id END), SUM(f.amount_cents) FROM worklist_findings f JOIN worklist_items i ON i.id = f.item_id "
        "WHERE f.rule IN ('front_door.rejected', 'claim_status.denied', 'claim_status.not_found') "
        "GROUP BY f.category ORDER BY f.category");
    while (q->step())
      out.categories.push_back({q->column_text(0), static_cast<std::uint64_t>(q->column_int(1)),
                                static_cast<std::uint64_t>(q->column_int(2)), q->column_int(3)});
    q->reset();
  }
  {
    auto q = c.prepare(
        "SELECT COUNT(*), COUNT(answered_at), COUNT(DISTINCT claim_row) FROM status_inquiries");
    if (q->step()) {
      out.inquiries_sent = static_cast<std::uint64_t>(q->column_int(0));
      out.inquiries_answered = static_cast<std::uint64_t>(q->column_int(1));
      out.claims_inquired = static_cast<std::uint64_t>(q->column_int(2));
    }
    q->reset();
  }
  return out;
}

}  // namespace clearhouse::ledger
