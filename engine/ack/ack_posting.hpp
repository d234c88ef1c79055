#pragma once
// Posting a partner's acknowledgments (999 and TA1, read by parsers/x12_999) to the ledger:
// the claims of each acknowledged transaction set get its status — 'accepted' (IK501 A),
// 'accepted_with_errors' (E) or 'rejected' (R); a rejected functional group (AK9 R without
// set responses) or a rejected interchange (TA104 R) rejects every claim it carried.
// Batches are found by the acknowledgment's sender (the receiver we sent the 837 to) and the
// control numbers it echoes: AK102 = our GS06, AK202 = our ST02, TA101 = our ISA13.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "parsers/x12_999/ack_reader.hpp"

namespace clearhouse::ack {

struct AckPostingReport {
  std::uint64_t sets_accepted = 0, sets_accepted_with_errors = 0, sets_rejected = 0;
  std::uint64_t interchanges_rejected = 0;
  std::uint64_t claims_marked = 0;
  // Acknowledgments that match nothing the ledger recorded (wrong partner, unknown numbers).
  std::vector<std::string> unmatched;
};

// Marks the claims in one ledger transaction; received_at is an ISO timestamp.
AckPostingReport post_acknowledgments(const x12_999::AckFile& acks, ledger::Ledger& ledger,
                                      const std::string& received_at);

}  // namespace clearhouse::ack
