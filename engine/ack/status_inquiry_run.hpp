#pragma once
// `clearhouse status-inquiry` (and POST /v1/status-inquiries): 276 claim status inquiries
// (005010X212) for the claims that stay silent. Read -> decide -> write:
//   read    the ledger's claims that are neither rejected nor adjudicated, submitted (or last
//           asked about) on or before as_of - older_than days (ledger::read_inquiry_candidates);
//   decide  plan_inquiries (pure): one group per sender/receiver of the batches that carried
//           them; each claim becomes a model::ClaimStatusInquiry (TRN per claim, REF*1K when a
//           277CA gave the payer's claim number, REF*EJ = CLM01, AMT*T3, DTP*472, the billing
//           provider, the subscriber and a dependent patient); a claim the 276 cannot name
//           (no member id recorded) is skipped with its reason, never silently;
//   write   per receiver: control numbers from the ledger (ISA13/GS06, ST02), the file written
//           as DIR/.<name>.tmp, the inquiries recorded in one transaction, then renamed to
//           DIR/<receiver>-<ISA13>.276. A second run the same day finds nothing due.
// Default interval: schemas/rules.json "claim_status.inquiry" after_days.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/status_inquiry_reads.hpp"
#include "engine/model/claim_status_inquiry.hpp"
#include "engine/model/date.hpp"
#include "engine/model/submission_parties.hpp"

namespace clearhouse::ack {

struct StatusInquiryOptions {
  std::filesystem::path out_dir;
  int older_than_days = 21;
  std::string payer_id;    // empty: every payer
  model::Date as_of;       // "today": the cutoff is as_of - older_than_days
  std::string now;         // ISO timestamp recorded
  std::string hhmm;        // ISA09/GS05/BHT05 time
  bool production = true;  // ISA15 P, else T
};

// One claim to ask about, with the row it came from.
struct PlannedInquiry {
  std::int64_t claim_row = 0;
  model::ClaimStatusInquiry inquiry;
};

// The inquiries to one receiver (one 276 file).
struct InquiryGroup {
  std::string sender_id, receiver_id;
  model::Submitter information_receiver;  // us: 2100B NM1*41
  std::vector<PlannedInquiry> inquiries;
};

struct SkippedClaim {
  std::string payer_id, claim_id, reason;
};

struct InquiryPlan {
  std::vector<InquiryGroup> groups;
  std::vector<SkippedClaim> skipped;
};

// The cutoff date: as_of - days, ISO.
std::string inquiry_cutoff(model::Date as_of, int days);

// Pure: candidates (in the ledger's order) -> groups per receiver; traces are assigned when
// the group is written (they carry its ISA13).
InquiryPlan plan_inquiries(const std::vector<ledger::InquiryCandidate>& candidates);

// The trace of the n-th inquiry (1-based) of an interchange: "<receiver>-<ISA13>-<n>".
std::string inquiry_trace(const std::string& receiver_id, std::uint64_t isa13, std::size_t n);

struct StatusInquiryFile {
  std::string path, receiver_id;
  std::uint64_t interchange_control_number = 0;
  std::size_t inquiries = 0;
};

struct StatusInquiryReport {
  std::string cutoff;
  std::size_t due = 0, inquiries = 0;
  std::vector<StatusInquiryFile> files;
  std::vector<SkippedClaim> skipped;
  std::vector<std::string> errors;  // a receiver whose 276 could not be written (nothing recorded for it)
};

// Throws LedgerError on database failures and std::runtime_error when a file cannot be written.
StatusInquiryReport run_status_inquiries(ledger::Ledger& ledger, const StatusInquiryOptions& options);

// The 276 text of one group, as run_status_inquiries writes it (traces filled in place);
// error set when the writer refused a value.
struct InquiryText {
  std::string text, error;
};
InquiryText write_inquiry_group(InquiryGroup& group, std::uint64_t isa13, std::uint64_t st02,
                                const StatusInquiryOptions& options);

}  // namespace clearhouse::ack
