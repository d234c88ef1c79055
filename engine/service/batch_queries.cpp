#include "engine/service/batch_queries.hpp"

namespace clearhouse::service {
namespace {

constexpr const char* kColumns =
    "SELECT id, file_name, sha256, bytes, sender_id, receiver_id, interchange_control_number, group_control_number, "
    "transaction_count, claim_count, line_count, billed_cents, created_at FROM batches ";

std::optional<ledger::BatchRecord> read_one(ledger::sql::Statement& q) {
  std::optional<ledger::BatchRecord> out;
  if (q.step()) {
    ledger::BatchRecord b;
    b.row_id = q.column_int(0);
    b.file_name = q.column_text(1);
    b.sha256 = q.column_text(2);
    b.bytes = static_cast<std::uint64_t>(q.column_int(3));
    b.sender_id = q.column_text(4);
    b.receiver_id = q.column_text(5);
    b.interchange_control_number = static_cast<std::uint64_t>(q.column_int(6));
    b.group_control_number = static_cast<std::uint64_t>(q.column_int(7));
    b.transaction_count = static_cast<std::uint64_t>(q.column_int(8));
    b.claim_count = static_cast<std::uint64_t>(q.column_int(9));
    b.line_count = static_cast<std::uint64_t>(q.column_int(10));
    b.billed_cents = q.column_int(11);
    b.created_at = q.column_text(12);
    out = std::move(b);
  }
  q.reset();
  return out;
}

}  // namespace

std::optional<ledger::BatchRecord> find_batch(ledger::Ledger& ledger, std::int64_t id) {
  auto q = ledger.connection().prepare(std::string(kColumns) + "WHERE id = ?");
  q->bind(1, id);
  return read_one(*q);
}

std::optional<ledger::BatchRecord> find_batch_by_file(ledger::Ledger& ledger, std::string_view file_name) {
  auto q = ledger.connection().prepare(std::string(kColumns) + "WHERE file_name = ? ORDER BY id DESC LIMIT 1");
  q->bind(1, file_name);
  return read_one(*q);
}

}  // namespace clearhouse::service
