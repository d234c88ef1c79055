#include "engine/worklist/item_summary.hpp"

#include <map>

#include "engine/rules/rule_ids.hpp"

namespace clearhouse::worklist {

std::string_view stake_of(std::string_view rule) {
  namespace id = rules::rule_id;
  if (rule == id::denied_claim || rule == id::denied_line || rule == id::partial_denial || rule == id::underpaid ||
      rule == id::allowed_below_schedule)
    return "shortfall";
  return rule;
}

namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (s.empty()) return;
  for (const auto& x : v)
    if (x == s) return;
  v.push_back(s);
}

}  // namespace

ItemSummary summarize(std::span<const model::WorklistFinding> open_findings, const rules::RulesConfig& config) {
  ItemSummary out;
  struct Stake {
    std::int64_t claim_level = 0;
    std::map<int, std::int64_t> by_line;  // largest finding per line
  };
  std::map<std::string_view, Stake> stakes;
  std::int64_t best_weight = -1;
  for (const auto& f : open_findings) {
    const std::int64_t cents = f.amount.cents() < 0 ? -f.amount.cents() : f.amount.cents();
    auto& stake = stakes[stake_of(f.rule)];
    if (f.line_number == 0) {
      stake.claim_level = std::max(stake.claim_level, cents);
    } else {
      auto& slot = stake.by_line[f.line_number];
      slot = std::max(slot, cents);
    }
    const std::int64_t weight = cents * config.category(f.category).recoverability_percent;
    if (weight > best_weight) {
      best_weight = weight;
      out.category = f.category;
      out.action = f.action.empty() ? config.category(f.category).action : f.action;
    }
    add_unique(out.rules, f.rule);
    for (const auto& c : f.carc) add_unique(out.carc, c);
    for (const auto& r : f.rarc) add_unique(out.rarc, r);
  }
  std::int64_t total = 0;
  for (const auto& [name, stake] : stakes) {
    std::int64_t lines = 0;
    for (const auto& [line, cents] : stake.by_line) lines += cents;
    total += std::max(stake.claim_level, lines);
  }
  out.amount = model::Money::from_cents(total);
  return out;
}

}  // namespace clearhouse::worklist
