#include "engine/ledger/fee_schedule_store.hpp"

namespace clearhouse::ledger {

std::size_t store_fee_schedule(sql::Connection& c, std::span<const model::FeeScheduleRow> rows,
                               std::string_view now) {
  sql::Transaction tx(c);
  auto q = c.prepare(
      "INSERT INTO fee_schedule (payer_id, procedure_code, modifier, allowed_cents, loaded_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (payer_id, procedure_code, modifier) DO UPDATE SET allowed_cents = excluded.allowed_cents, "
      "loaded_at = excluded.loaded_at");
  for (const auto& r : rows) {
    q->bind(1, r.payer_id).bind(2, r.procedure).bind(3, r.modifier).bind(4, r.allowed_cents).bind(5, now);
    q->run();
  }
  tx.commit();
  return rows.size();
}

std::vector<model::FeeScheduleRow> read_fee_schedule(sql::Connection& c) {
  std::vector<model::FeeScheduleRow> out;
  auto q = c.prepare("SELECT payer_id, procedure_code, modifier, allowed_cents FROM fee_schedule");
  while (q->step()) out.push_back({q->column_text(0), q->column_text(1), q->column_text(2), q->column_int(3)});
  q->reset();
  return out;
}

}  // namespace clearhouse::ledger
