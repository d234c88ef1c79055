#pragma once
// `clearhouse secondary` (and POST /v1/secondary): the next payer's 837P for every claim whose
// payer's remittance has posted and that names a next payer. Read -> decide -> write:
//   read    ledger::read_coordination_candidates (claims with a rendering whose payments posted
//           on or before as_of), each claim rebuilt from its rendering by the shared 837P reader;
//   decide  plan_claim (secondary_planner.hpp, pure);
//   write   the claims due through submit's BatchSet (one DIR/<receiver>-<ISA13>.837 per
//           receiver, control numbers from the ledger, temporary files renamed after the
//           commit), the next payer's claims rows, their links and the coordination history in
//           one ledger transaction. What cannot be sent (a rendering that does not read back, a
//           claim id already sent to that payer outside coordination) goes to
//           DIR/rejections.jsonl. A second run writes nothing.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/model/date.hpp"
#include "engine/secondary/secondary_planner.hpp"

namespace clearhouse::secondary {

struct SecondaryOptions {
  std::filesystem::path out_dir;
  model::Date as_of;  // remittances posted on or before this date count
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  bool production = true;
  bool line_breaks = true;
  std::uint64_t max_claims_per_transaction = 5000;
};

struct DecisionSummary {
  std::string claim_id, payer_id, next_payer_id, next_level, event, message;
};

struct SecondaryReport {
  std::size_t candidates = 0;  // claims read (remittance posted, other coverage named)
  std::size_t sent = 0, replacements = 0, forwarded = 0, waiting = 0, nothing_owed = 0, rejected = 0;
  std::vector<std::string> files;
  std::uint64_t bytes = 0;
  std::string rejections_file;
  std::vector<DecisionSummary> decisions;  // every decision recorded or rejected, in claim order
};

// Plans without writing (GET /v1/secondary/due, --dry-run): the decisions a run would take.
std::vector<PlannedClaim> plan_secondary(ledger::Ledger& ledger, model::Date as_of,
                                         std::vector<DecisionSummary>* unreadable = nullptr);

// Throws on what is not a claim's problem (the directory, the ledger).
SecondaryReport run_secondary(ledger::Ledger& ledger, const SecondaryOptions& options);

}  // namespace clearhouse::secondary
