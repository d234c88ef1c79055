#pragma once
// A claim's timeline, as a biller reads it: submitted (each submission), the 999/TA1, each
// 277CA/277 status, each 835 payment, in the order the ledger learned of them. One builder for
// `clearhouse worklist show` and GET /v1/claims/{id} (whose page shows it as the status history).

#include <string>
#include <vector>

#include "engine/ledger/claim_detail_reads.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::render {
class JsonWriter;
}

namespace clearhouse::worklist {

struct TimelineEntry {
  std::string at;      // ISO timestamp the ledger recorded it
  std::string status;  // the claim's status after it (submitted, accepted, rejected, paid, ...); "" for worklist events
  std::string event;   // submitted, acknowledged, claim_status, remittance, reversed, worklist_<event>
  std::string detail;  // in words, no PHI beyond the claim itself
};

// Submissions, acknowledgments, 277 statuses and payments, sorted by `at` (stable).
std::vector<TimelineEntry> claim_timeline(const ledger::ClaimDetailRecords& records, const rules::RulesConfig& config);

// [{"at","status","event","detail"}, ...] as the value of a key the caller wrote.
void write_timeline_json(const std::vector<TimelineEntry>& timeline, render::JsonWriter& json);

}  // namespace clearhouse::worklist
