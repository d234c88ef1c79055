#pragma once
// One `clearhouse submit` run: encounters (JSON Lines) -> claim edits -> 837P files, one
// interchange per sender/receiver pair, recorded in the ledger as one transaction.
//
// Order of work, so that a crash at any point leaves no claim both recorded and unsent, or sent
// and unrecorded, and no control number used twice:
//   1. finish_interrupted_runs(): a previous run that committed but died before renaming its
//      files gets them renamed now (the ledger's hash must match); other leftovers are removed;
//   2. stream the input; each accepted claim is written to DIR/.<file>.tmp and staged by the
//      ledger's recorder (in memory, past a bound in an anonymous temporary file: nothing in the
//      database yet); each new interchange and transaction set first gets its control numbers
//      from the ledger, committed on the spot (a crash burns them, never reuses);
//   3. flush and fsync every temporary file (and the rejection report);
//   4. commit the run in the ledger: batches (name, SHA-256, control numbers, counts), claims
//      and lines, in one transaction — the point of no return;
//   5. rename the temporary files to DIR/<receiver>-<ISA13>.837 and DIR/rejections.jsonl, and
//      sync the directory.
// A failure before 4 removes the temporary files and records nothing; between 4 and 5 step 1
// of the next run completes the renames.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/model/money.hpp"
#include "engine/submit/submission_ledger.hpp"
#include "engine/submit/submit_options.hpp"

namespace clearhouse::submit {

// An encounter with more than 50 lines that became several claims.
struct SplitNote {
  std::string claim_id;
  std::uint64_t line = 0;
  std::vector<std::string> claim_ids;
};

struct SubmitReport {
  std::uint64_t encounters = 0;  // non-blank input lines
  std::uint64_t submitted = 0;   // encounters that became claims
  std::uint64_t rejected = 0;    // encounters in the rejection report
  std::uint64_t claims = 0;      // CLM segments written (submitted + the extra claims of splits)
  std::uint64_t lines = 0;       // service lines written
  model::Money billed;
  std::uint64_t bytes = 0;                // 837 bytes written
  std::vector<std::string> files;         // the 837 files, in the order they were opened
  std::string rejections_file;
  std::vector<SplitNote> splits;
  std::vector<std::string> warnings;        // about the run's settings (code sets not given, ...)
  std::vector<std::string> input_warnings;  // about the input read past (unknown fields, ...), at most
                                            // kMaxListedInputWarnings and then one line counting the rest
};

inline constexpr std::size_t kMaxListedInputWarnings = 100;

// Runs a submit. Throws on what is not an input problem (the input cannot be opened or read,
// the output directory cannot be written, the ledger fails); nothing is recorded then.
SubmitReport run_submit(const SubmitOptions& options, SubmissionLedger& ledger);

// Step 1 above; returns the file names it completed.
std::vector<std::string> finish_interrupted_runs(const std::filesystem::path& dir, SubmissionLedger& ledger);

}  // namespace clearhouse::submit
