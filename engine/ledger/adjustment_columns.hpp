#pragma once
// The eight adjustment buckets of a claim or line payment (model::AdjustmentTotals) as the
// ledger stores them: one integer-cents column each, always in this order. Writers bind them
// with bind_adjustment_totals, readers select kAdjustmentColumns and read them back with
// read_adjustment_totals.

#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/sql/batch_insert.hpp"
#include "engine/ledger/sql/connection.hpp"
#include "engine/model/adjustment_totals.hpp"

namespace clearhouse::ledger {

inline const std::vector<std::string>& adjustment_column_names() {
  static const std::vector<std::string> kNames = {
      "contractual_cents",   "deductible_cents",       "coinsurance_cents",     "copay_cents",
      "other_patient_cents", "other_adjustment_cents", "payer_initiated_cents", "unclassified_cents"};
  return kNames;
}

// For a SELECT list (unqualified; adjustment_columns_of qualifies them for a join).
inline constexpr std::string_view kAdjustmentColumns =
    "contractual_cents, deductible_cents, coinsurance_cents, copay_cents, other_patient_cents, "
    "other_adjustment_cents, payer_initiated_cents, unclassified_cents";

// kAdjustmentColumns of one table of a join: "l.contractual_cents, l.deductible_cents, ...".
inline std::string adjustment_columns_of(std::string_view table_alias) {
  std::string out;
  for (const auto& name : adjustment_column_names()) {
    if (!out.empty()) out += ", ";
    out.append(table_alias).append(".").append(name);
  }
  return out;
}

inline void bind_adjustment_totals(sql::BatchInsert& insert, const model::AdjustmentTotals& a) {
  insert.value(a.contractual.cents())
      .value(a.deductible.cents())
      .value(a.coinsurance.cents())
      .value(a.copay.cents())
      .value(a.other_patient.cents())
      .value(a.other.cents())
      .value(a.payer_initiated.cents())
      .value(a.unclassified.cents());
}

// The eight columns starting at 0-based result column `first`.
inline model::AdjustmentTotals read_adjustment_totals(const sql::Statement& q, int first) {
  const auto cents = [&](int i) { return model::Money::from_cents(q.column_int(first + i)); };
  model::AdjustmentTotals a;
  a.contractual = cents(0);
  a.deductible = cents(1);
  a.coinsurance = cents(2);
  a.copay = cents(3);
  a.other_patient = cents(4);
  a.other = cents(5);
  a.payer_initiated = cents(6);
  a.unclassified = cents(7);
  return a;
}

}  // namespace clearhouse::ledger
