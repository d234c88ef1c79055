#pragma once
// The allowed amounts a practice expects per payer, procedure and modifier (--fee-schedule CSV,
// stored in the ledger): what the under/overpayment rules compare payments with. Amounts are
// per unit; a line's expected allowed amount is the unit amount times its units.
//
// CSV: payer_id,procedure,modifier,allowed_cents  (a header line is optional; modifier may be
// empty; payer_id "*" applies to every payer without its own row).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <memory>
#include <unordered_map>
#include <vector>

#include "engine/model/decimal.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::rules {

struct FeeScheduleRow {
  std::string payer_id;
  std::string procedure;
  std::string modifier;  // "" for none
  std::int64_t allowed_cents = 0;
  friend bool operator==(const FeeScheduleRow&, const FeeScheduleRow&) = default;
};

class FeeSchedule {
 public:
  void add(const FeeScheduleRow& row);
  bool empty() const { return rows_.empty(); }
  std::size_t size() const { return rows_.size(); }
  const std::vector<FeeScheduleRow>& rows() const { return rows_; }

  // The allowed amount per unit: payer + procedure + modifier, else payer + procedure without
  // modifier, else the same under payer "*". No allocation.
  std::optional<model::Money> allowed(std::string_view payer_id, std::string_view procedure,
                                      std::string_view modifier) const;
  // allowed() x units, rounded half up to the cent; nullopt when the procedure is not listed.
  std::optional<model::Money> expected_allowed(std::string_view payer_id, std::string_view procedure,
                                               std::string_view modifier, const std::optional<model::Decimal>& units) const;

 private:
  struct Key {
    std::string_view payer, procedure, modifier;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept;
  };
  std::vector<FeeScheduleRow> rows_;
  // Keys view the strings of a node-stable store.
  std::vector<std::unique_ptr<FeeScheduleRow>> storage_;
  std::unordered_map<Key, std::int64_t, KeyHash> index_;
};

struct FeeScheduleParse {
  std::vector<FeeScheduleRow> rows;
  std::vector<std::string> errors;  // "line 4: allowed_cents 'x' is not an integer"
};
FeeScheduleParse parse_fee_schedule_csv(std::string_view text);

}  // namespace clearhouse::rules
