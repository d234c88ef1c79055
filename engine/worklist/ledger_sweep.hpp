#pragma once
// The on-demand run of the time-based rules over the whole ledger (`clearhouse worklist
// refresh`): every submitted claim still waiting for a remittance, and every claim whose last
// posting is an uncorrected reversal, goes through the pipeline's sweep stage against the
// injected date; what it finds is applied to the worklist as sweep findings (posting findings
// are left alone). Only candidate claims are read, in one pass, so a ledger of a million
// claims sweeps in a fraction of a second when few are late.

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/rules/pipeline.hpp"
#include "engine/worklist/remittance_review.hpp"
#include "engine/worklist/worklist.hpp"

namespace clearhouse::worklist {

struct SweepResult {
  std::uint64_t claims_checked = 0;
  std::vector<model::Finding> findings;
  ApplyCounts worklist;
};

// `sources.history` is consulted for claims whose status says they were reversed (may be empty
// when no posting store is available: those claims are then skipped). One transaction.
SweepResult sweep_ledger(ledger::Ledger& ledger, const ReviewSources& sources, const rules::Pipeline& pipeline,
                         const rules::RuleEnvironment& env, Worklist& worklist, std::string_view now);

}  // namespace clearhouse::worklist
