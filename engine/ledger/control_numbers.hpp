#pragma once
// Control numbers (ISA13, GS06, ST02) allocated from the ledger: per sender/receiver pair,
// increasing across runs, never reused. An allocation is committed on its own before the caller
// writes anything with it, so a run that crashes afterwards burns the numbers instead of
// handing them out twice. Works under concurrency: the counter row is updated in a write
// transaction (SQLite's write lock, PostgreSQL's row lock).

#include <cstdint>
#include <string_view>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {

enum class ControlNumberKind {
  interchange,  // ISA13; submit also uses it as GS06 (one group per interchange)
  transaction,  // ST02
};

// The largest control number X12 allows (ISA13 is N0 9/9).
inline constexpr std::uint64_t kMaxControlNumber = 999'999'999;

// Reserves count consecutive numbers and returns the first. Must be called outside any open
// transaction on the connection (it commits). Throws LedgerError when the pair's numbers
// would pass kMaxControlNumber.
std::uint64_t allocate_control_numbers(sql::Connection& connection, std::string_view sender_id,
                                       std::string_view receiver_id, ControlNumberKind kind,
                                       std::uint64_t count = 1);

// The last number allocated for the pair (0 when none yet). For tests and reports.
std::uint64_t last_control_number(sql::Connection& connection, std::string_view sender_id,
                                  std::string_view receiver_id, ControlNumberKind kind);

}  // namespace clearhouse::ledger
