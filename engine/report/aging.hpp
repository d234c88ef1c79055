#pragma once
// Receivables aged into the configured buckets (schemas/rules.json `aging_buckets`; one "all"
// bucket when none are configured): what payers owe and what patients owe are aged the same way,
// here, and written the same way by the report's one writer.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/model/money.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::report {

struct AgingLine {
  std::string label;
  std::uint64_t claims = 0;
  model::Money amount;
};

// The configured buckets, in order, with nothing in them yet.
std::vector<AgingLine> empty_aging(const rules::RulesConfig& config);

// Counts a claim owing `amount` for `days` in its bucket (the last one past the end).
void age_into(std::vector<AgingLine>& aging, const rules::RulesConfig& config, int days, model::Money amount);

}  // namespace clearhouse::report
