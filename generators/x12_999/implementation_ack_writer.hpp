#pragma once
// Writes 999 implementation acknowledgments (005010X231A1): one interchange back to the
// sender with one functional group (GS*FA) and one 999 per acknowledged functional group:
// AK1, AK2..IK5 per transaction set with IK3 (+ CTX business unit) and IK4 notes, AK9.

#include <optional>
#include <string>
#include <vector>

#include "engine/model/acknowledgment.hpp"
#include "generators/x12/x12_writer.hpp"
#include "generators/x12_999/ack_envelope.hpp"

namespace clearhouse::x12 {

// The text of the acknowledgment interchange; error is set (and the text incomplete) when a
// value could not be written (a delimiter inside data).
std::string write_999(const model::AckParties& parties, const std::vector<model::FunctionalGroupAck>& groups,
                      const AckControlNumbers& numbers, const AckWriteOptions& options,
                      std::optional<WriteError>* error = nullptr);

// 999 IK303 carries at most 4 characters: "2010AA" is written as "2010" (as the guide's
// examples and payers do).
std::string ik3_loop_id(const std::string& loop_id);

}  // namespace clearhouse::x12
