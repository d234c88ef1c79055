#pragma once
// Posting a whole 277 file -- 277CA front-door acknowledgments (005010X214) and 277 status
// responses (005010X212) -- one transaction set at a time (parsers/x12_277), each in its own
// transaction: read the ledger (ledger::ClaimStatusReads), decide (claim_status_planner.hpp),
// write (ledger::ClaimStatusStore). A set that is cut short or has an error is not posted and
// the others are; the same set posted again changes nothing. Memory is one set's worth.
// `clearhouse ack` calls it for a 277, so do `clearhouse post` and the HTTP service.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/model/claim_status_plan.hpp"
#include "engine/model/date.hpp"
#include "engine/model/finding.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/worklist/item_change.hpp"

namespace clearhouse::render {
class JsonWriter;
}
#include "parsers/x12/input_source.hpp"

namespace clearhouse::ack {

struct ClaimStatusFileTotals {
  std::uint64_t sets = 0, posted = 0, already_posted = 0, not_posted = 0, skipped_sets = 0;
  std::uint64_t statuses = 0, matched = 0, unmatched = 0;
  std::uint64_t accepted = 0, rejected = 0, pended = 0, forwarded = 0, finalized = 0, not_found = 0, other = 0;
  std::uint64_t denied = 0;  // of finalized
  worklist::ApplyCounts worklist;
  std::uint64_t findings = 0, errors = 0;  // every finding, and those that are errors
  std::vector<model::Finding> listed;      // the first kListedFindings findings
  // Something needs attention (the CLI exits 1): a rejection, an unmatched status, a denial or
  // not found (each opens or is a finding), a set not posted, an error anywhere.
  bool needs_attention() const {
    return rejected != 0 || denied != 0 || unmatched != 0 || not_found != 0 || not_posted != 0 || errors != 0 || sets == 0;
  }
};

inline constexpr std::size_t kListedFindings = 1000;

// The totals as JSON fields of an object the caller opened (the CLI's `ack --format json` and
// POST /v1/claim-statuses): counts of sets and statuses, then "worklist": {"opened",
// "reopened", "updated", "resolved"} as `post` writes it, then findings and errors.
void write_claim_status_totals_fields(render::JsonWriter& json, const ClaimStatusFileTotals& totals);

struct ClaimStatusPostingOptions {
  std::string source_name;  // recorded with each set and used in messages
  std::string now;          // ISO timestamp recorded
  model::Date today;        // items' reference date when a 277 carries none
  const rules::RulesConfig* config = nullptr;
  // Called with each set's plan after it was applied (or found already posted / not posted).
  std::function<void(const model::ClaimStatusPlan&)> on_plan;
};

// Throws LedgerError on database failures.
ClaimStatusFileTotals post_claim_status_source(x12::InputSource& source, ledger::Ledger& ledger,
                                               const ClaimStatusPostingOptions& options);

// True when the first transaction set of the file (text before the ISA allowed) is a 277.
bool is_claim_status_file(const std::string& path);

}  // namespace clearhouse::ack
