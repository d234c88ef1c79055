#pragma once
// What every acknowledgment interchange needs besides its content: who it goes to, when,
// which control numbers (allocated by the caller from the ledger) and which delimiters.

#include <cstdint>
#include <string>

#include "engine/model/acknowledgment.hpp"
#include "engine/model/delimiters.hpp"
#include "generators/x12/envelope_writer.hpp"

namespace clearhouse::x12 {

struct AckControlNumbers {
  std::uint64_t interchange = 1;        // ISA13
  std::uint64_t first_group = 1;        // GS06 of the first group; the next ones count up
  std::uint64_t first_transaction = 1;  // ST02 of the first 999; the next ones count up
};

struct AckWriteOptions {
  model::Delimiters delimiters;
  std::string line_break = "\n";
  std::string date8 = "20000101";  // CCYYMMDD of the acknowledgment
  std::string time4 = "0000";      // HHMM
  char usage = 'P';                // ISA15
};

// The ISA of an acknowledgment interchange (999 or TA1): from us to the one we acknowledge.
InterchangeEnvelope ack_interchange(const model::AckParties& parties, const AckControlNumbers& numbers,
                                    const AckWriteOptions& options);

}  // namespace clearhouse::x12
