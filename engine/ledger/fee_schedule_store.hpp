#pragma once
// The fee schedule in the ledger (table fee_schedule, migration 2): loaded from
// `--fee-schedule CSV`, read back whole by the payment rules (rules::FeeSchedule over the rows).
// A row for the same payer, procedure and modifier replaces the earlier one.

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "engine/ledger/sql/connection.hpp"
#include "engine/model/fee_schedule_row.hpp"

namespace clearhouse::ledger {

// Upserts the rows in one transaction; returns how many were written.
std::size_t store_fee_schedule(sql::Connection& connection, std::span<const model::FeeScheduleRow> rows,
                               std::string_view now);
// Every row stored, in no particular order.
std::vector<model::FeeScheduleRow> read_fee_schedule(sql::Connection& connection);

}  // namespace clearhouse::ledger
