#pragma once
// The fee schedule in the ledger (table fee_schedule, migration 2): loaded from
// `--fee-schedule CSV`, read back whole by the payment rules. A row for the same payer,
// procedure and modifier replaces the earlier one.

#include <cstddef>
#include <span>
#include <string_view>

#include "engine/ledger/sql/connection.hpp"
#include "engine/rules/fee_schedule.hpp"

namespace clearhouse::worklist {

// Upserts the rows in one transaction; returns how many were written.
std::size_t store_fee_schedule(ledger::sql::Connection& connection, std::span<const rules::FeeScheduleRow> rows,
                               std::string_view now);
rules::FeeSchedule load_fee_schedule(ledger::sql::Connection& connection);

}  // namespace clearhouse::worklist
