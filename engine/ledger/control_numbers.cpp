#include "engine/ledger/control_numbers.hpp"

#include <fmt/format.h>

namespace clearhouse::ledger {
namespace {

std::string_view kind_name(ControlNumberKind kind) {
  return kind == ControlNumberKind::interchange ? "interchange" : "transaction";
}

}  // namespace

std::uint64_t allocate_control_numbers(sql::Connection& c, std::string_view sender_id, std::string_view receiver_id,
                                       ControlNumberKind kind, std::uint64_t count) {
  if (c.in_transaction())
    throw LedgerError("control numbers must be allocated outside an open transaction (the allocation commits)");
  if (count == 0) throw LedgerError("allocating zero control numbers");
  sql::Transaction tx(c);
  auto seed = c.prepare(
      "INSERT INTO control_numbers (sender_id, receiver_id, kind, last_value) VALUES (?, ?, ?, 0) "
      "ON CONFLICT (sender_id, receiver_id, kind) DO NOTHING");
  seed->bind(1, sender_id).bind(2, receiver_id).bind(3, kind_name(kind));
  seed->run();
  auto bump = c.prepare(
      "UPDATE control_numbers SET last_value = last_value + ? WHERE sender_id = ? AND receiver_id = ? AND kind = ? "
      "RETURNING last_value");
  bump->bind(1, static_cast<std::int64_t>(count)).bind(2, sender_id).bind(3, receiver_id).bind(4, kind_name(kind));
  const auto last = bump->single_int();
  if (!last) throw LedgerError("control number counter row missing after insert");
  if (static_cast<std::uint64_t>(*last) > kMaxControlNumber)
    throw LedgerError(fmt::format("{} control numbers for sender '{}' / receiver '{}' are exhausted (max {})",
                                  kind_name(kind), sender_id, receiver_id, kMaxControlNumber));
  tx.commit();
  return static_cast<std::uint64_t>(*last) - count + 1;
}

std::uint64_t last_control_number(sql::Connection& c, std::string_view sender_id, std::string_view receiver_id,
                                  ControlNumberKind kind) {
  auto stmt =
      c.prepare("SELECT last_value FROM control_numbers WHERE sender_id = ? AND receiver_id = ? AND kind = ?");
  stmt->bind(1, sender_id).bind(2, receiver_id).bind(3, kind_name(kind));
  return static_cast<std::uint64_t>(stmt->single_int().value_or(0));
}

}  // namespace clearhouse::ledger
