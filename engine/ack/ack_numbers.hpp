#pragma once
// Control numbers for acknowledgments, from the ledger: the acknowledgment interchange is a
// transmission of its own from us to the original sender, numbered like any other (unique per
// sender/receiver, never reused).

#include <cstddef>

#include "engine/ledger/ledger.hpp"
#include "engine/model/acknowledgment.hpp"
#include "generators/x12_999/ack_envelope.hpp"

namespace clearhouse::ack {

// ISA13 (also GS06: one group per acknowledgment interchange) and transactions ST02s.
x12::AckControlNumbers allocate_ack_numbers(ledger::Ledger& ledger, const model::AckParties& parties,
                                            std::size_t transactions);

}  // namespace clearhouse::ack
