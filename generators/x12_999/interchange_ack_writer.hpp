#pragma once
// Writes a TA1 interchange acknowledgment: an interchange (ISA/IEA, no functional group)
// that carries TA1 = the acknowledged ISA13, its date and time, A/E/R and the TA105 note code.

#include <string>

#include "engine/model/acknowledgment.hpp"
#include "generators/x12_999/ack_envelope.hpp"

namespace clearhouse::x12 {

std::string write_ta1(const model::AckParties& parties, const model::InterchangeAck& ack,
                      const AckControlNumbers& numbers, const AckWriteOptions& options);

}  // namespace clearhouse::x12
