#pragma once
// The allowed amounts a practice expects per payer, procedure and modifier (--fee-schedule CSV,
// stored in the ledger): what the under/overpayment rules compare payments with. Amounts are
// per unit; a line's expected allowed amount is the unit amount times its units.
//
// CSV: payer_id,procedure,modifier,allowed_cents  (a header line is optional; modifier may be
// empty; payer_id "*" applies to every payer without its own row).

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/model/decimal.hpp"
#include "engine/model/fee_schedule_row.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::rules {

using model::FeeScheduleRow;

class FeeSchedule {
 public:
  FeeSchedule() = default;
  // The rows in order (as add() would take them): e.g. the ledger's (ledger::read_fee_schedule).
  explicit FeeSchedule(std::span<const FeeScheduleRow> rows) {
    for (const auto& row : rows) add(row);
  }
  // A later row for the same payer, procedure and modifier replaces the earlier one.
  void add(const FeeScheduleRow& row);
  bool empty() const { return by_procedure_.empty(); }
  std::size_t size() const { return size_; }
  // Every row, in no particular order.
  std::vector<FeeScheduleRow> rows() const;

  // The allowed amount per unit: payer + procedure + modifier, else payer + procedure without
  // modifier, else the same under payer "*". One hash of the procedure, no allocation.
  std::optional<model::Money> allowed(std::string_view payer_id, std::string_view procedure,
                                      std::string_view modifier) const;
  // allowed() x units, rounded half away from zero to the cent; nullopt when not listed.
  std::optional<model::Money> expected_allowed(std::string_view payer_id, std::string_view procedure,
                                               std::string_view modifier, const std::optional<model::Decimal>& units) const;

 private:
  struct Rate {
    std::string payer_id, modifier;
    std::int64_t allowed_cents = 0;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<Rate>, Hash, std::equal_to<>> by_procedure_;
  std::size_t size_ = 0;
};

struct FeeScheduleParse {
  std::vector<FeeScheduleRow> rows;
  std::vector<std::string> errors;  // "line 4: allowed_cents 'x' is not a whole number of cents"
};
FeeScheduleParse parse_fee_schedule_csv(std::string_view text);

}  // namespace clearhouse::rules
