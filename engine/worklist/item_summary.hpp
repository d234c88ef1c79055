#pragma once
// What an item says about its open findings, as one line on the list: the cents at stake,
// counting overlapping findings once, the category and action of the finding that matters
// most, and every rule and code involved.
//
// Cents at stake: findings about the same money are one "stake" — a denied claim, its denied
// lines, a partial denial, an underpayment and an allowed amount below the schedule all say
// "the payer paid less than it should"; every other rule is its own stake. Within a stake, the
// claim-level amount and the sum over lines (largest finding per line) are alternatives: the
// larger counts. The item amount is the sum over stakes.
//
// The category is that of the finding with the largest amount x recoverability (ties: first).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/money.hpp"
#include "engine/model/worklist_item.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::worklist {

struct ItemSummary {
  model::Money amount;
  std::string category;
  std::string action;
  std::vector<std::string> rules, carc, rarc;
};

// The stake a rule's findings belong to ("shortfall" for payer-paid-less rules, else the rule).
std::string_view stake_of(std::string_view rule);

ItemSummary summarize(std::span<const model::WorklistFinding> open_findings, const rules::RulesConfig& config);

}  // namespace clearhouse::worklist
