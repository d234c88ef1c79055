#pragma once
// How a submit run is set up: input, output directory, who submits to whom, code sets, the
// submission time, and batch limits. The CLI fills it from flags; tests and benchmarks directly.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "engine/codes/code_lists.hpp"
#include "engine/model/submission_parties.hpp"

namespace clearhouse::submit {

// The submitter identity used when neither a flag nor the encounter gives one (documented in
// the README; a production clearinghouse sets its own with --submitter-* flags).
inline const model::Submitter& default_submitter() {
  static const model::Submitter kDefault{"CLEARHOUSE BILLING", "CLEARHOUSE", "EDI SUPPORT", "8005550100", ""};
  return kDefault;
}

struct SubmitOptions {
  std::string input = "-";               // JSON Lines; "-" = stdin
  std::filesystem::path out_dir;         // where the 837 files and rejections.jsonl go
  // Submitter fields given on the command line: each non-empty field overrides the encounter's,
  // then the encounter's fill in, then default_submitter().
  model::Submitter submitter_override;
  // A single receiver for every claim (a clearinghouse); unset = each payer is the receiver.
  std::optional<model::Receiver> receiver;
  codes::CodeLists code_sets;             // --code-set lists (engine/codes); empty: formats only
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  std::uint64_t max_claims_per_transaction = 5000;
  bool production = true;                // ISA15 P (production) or T (test)
  bool line_breaks = true;               // a newline after each segment terminator (readability)
  std::function<void(std::uint64_t bytes, std::uint64_t encounters)> progress;
};

}  // namespace clearhouse::submit
