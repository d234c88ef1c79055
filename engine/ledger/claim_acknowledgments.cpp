#include "engine/ledger/claim_acknowledgments.hpp"

namespace clearhouse::ledger {

std::optional<std::int64_t> find_sent_batch(sql::Connection& c, std::string_view sender_id,
                                            std::string_view receiver_id, BatchControlNumber which,
                                            std::int64_t control_number) {
  auto q = c.prepare(which == BatchControlNumber::interchange
                         ? "SELECT id FROM batches WHERE receiver_id = ? AND sender_id = ? AND "
                           "interchange_control_number = ? ORDER BY id DESC LIMIT 1"
                         : "SELECT id FROM batches WHERE receiver_id = ? AND sender_id = ? AND "
                           "group_control_number = ? ORDER BY id DESC LIMIT 1");
  q->bind(1, receiver_id).bind(2, sender_id).bind(3, control_number);
  return q->single_int();
}

std::uint64_t mark_batch_acknowledged(sql::Connection& c, std::int64_t batch_row, std::string_view status,
                                      std::string_view received_at) {
  auto mark = c.prepare("UPDATE claims SET ack_status = ?, ack_received_at = ? WHERE batch_id = ?");
  mark->bind(1, status).bind(2, received_at).bind(3, batch_row);
  mark->run();
  auto count = c.prepare("SELECT COUNT(*) FROM claims WHERE batch_id = ?");
  count->bind(1, batch_row);
  return static_cast<std::uint64_t>(count->single_int().value_or(0));
}

std::uint64_t mark_transaction_set_acknowledged(sql::Connection& c, std::int64_t batch_row, std::string_view st02,
                                                std::string_view status, std::string_view received_at) {
  auto count = c.prepare("SELECT COUNT(*) FROM claims WHERE batch_id = ? AND transaction_control_number = ?");
  count->bind(1, batch_row).bind(2, st02);
  const auto n = static_cast<std::uint64_t>(count->single_int().value_or(0));
  if (n == 0) return 0;
  auto mark = c.prepare(
      "UPDATE claims SET ack_status = ?, ack_received_at = ? WHERE batch_id = ? AND transaction_control_number = ?");
  mark->bind(1, status).bind(2, received_at).bind(3, batch_row).bind(4, st02);
  mark->run();
  return n;
}

}  // namespace clearhouse::ledger
