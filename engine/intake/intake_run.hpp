#pragma once
// `clearhouse intake`: an 837P from a provider, already validated (the caller wrote its 999),
// forwarded claim by claim. The claims of accepted transaction sets (999 A or E; their
// interchange and group not rejected) are split by payer into one outbound 837P per payer,
// re-enveloped with the clearinghouse's ids and ledger control numbers (outbound_batch.hpp),
// and recorded in the ledger as submitted, exactly as `clearhouse submit` records its own.
// Rejected sets go nowhere but the 999. A claim (frequency 1) already submitted to its payer
// is not forwarded again and is listed as a duplicate.
//
// Order, as in submit: files are written to DIR/.<name>.tmp, the ledger commits the batches
// and claims in one transaction, then the files are renamed to DIR/<payer>-<ISA13>.837.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/model/submission_parties.hpp"
#include "parsers/x12/spec/file_validator.hpp"

namespace clearhouse::intake {

struct IntakeOptions {
  std::string input;                   // the 837P file (validated already)
  std::filesystem::path out_dir;
  model::Submitter clearinghouse;      // ISA06/GS02 and 1000A of what is forwarded
  std::uint64_t max_claims_per_set = 5000;
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

struct IntakeReport {
  std::uint64_t sets_forwarded = 0;   // accepted 837 sets whose claims were forwarded
  std::uint64_t claims_forwarded = 0;
  std::vector<std::string> files;     // outbound 837Ps, in the order written
  std::vector<std::string> duplicates;  // "payer/claim id" of claims not forwarded again
  std::vector<std::string> problems;    // claims that could not be placed
};

// Throws std::runtime_error for what is not an input problem (I/O, ledger).
IntakeReport run_intake(const IntakeOptions& options, const x12::spec::ValidationReport& validation,
                        ledger::Ledger& ledger);

}  // namespace clearhouse::intake
