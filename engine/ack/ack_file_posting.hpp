#pragma once
// One acknowledgment file (999s and/or TA1s) posted to the ledger: read, then marked (see
// ack_posting.hpp). `clearhouse ack FILE` calls it, and so can `clearhouse post` when the file
// it is given is an acknowledgment rather than an 835 (is_acknowledgment_file tells).

#include <string>

#include "engine/ack/ack_posting.hpp"
#include "engine/ledger/ledger.hpp"

namespace clearhouse::ack {

struct AckFilePosting {
  AckPostingReport report;
  std::uint64_t interchanges = 0, group_acks = 0, interchange_acks = 0;
  std::vector<std::string> file_errors;  // envelope errors of the acknowledgment file (first few)
  bool opened = true;
};

// True when the file's first transaction set is a 999, or it has a TA1 and no transaction set.
bool is_acknowledgment_file(const std::string& path);

AckFilePosting post_acknowledgment_file(const std::string& path, ledger::Ledger& ledger, const std::string& received_at);

}  // namespace clearhouse::ack
