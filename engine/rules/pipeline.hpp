#pragma once
// The rules pipeline: every enabled rule, in registry order, over one claim at a time.
//   after_post(ctx)  right after a remittance is posted: the payment rules and history rules
//   sweep(ctx)       on demand over the whole ledger: the time-based rules (missing remittance,
//                    reversal never corrected), against the injected clock
// The pipeline holds no state between claims; one instance serves any number of threads.

#include <vector>

#include "engine/rules/rule.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::rules {

class Pipeline {
 public:
  // Resolves which rules run from config's "rules" switches.
  explicit Pipeline(const RulesConfig& config);

  void after_post(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) const;
  void sweep(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) const;

  // Every rule this program knows, with when it runs.
  static const std::vector<RuleDescriptor>& registry();

 private:
  std::vector<RuleFn> after_post_, sweep_;
};

}  // namespace clearhouse::rules
