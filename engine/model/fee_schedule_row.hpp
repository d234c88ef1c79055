#pragma once
// One allowed amount of a fee schedule: what a practice expects a payer to allow per unit of a
// procedure (with a modifier, or "" for none). Read from `--fee-schedule CSV`, stored in the
// ledger, looked up by the payment rules (engine/rules/fee_schedule.hpp).

#include <cstdint>
#include <string>

namespace clearhouse::model {

struct FeeScheduleRow {
  std::string payer_id;   // "*" applies to every payer without its own row
  std::string procedure;
  std::string modifier;   // "" for none
  std::int64_t allowed_cents = 0;
  friend bool operator==(const FeeScheduleRow&, const FeeScheduleRow&) = default;
};

}  // namespace clearhouse::model
