#pragma once
// Reads acknowledgments a trading partner sends back: 999 implementation acknowledgments
// (005010X231A1) and TA1 interchange acknowledgments, into the plain values of
// engine/model/acknowledgment.hpp (the same ones clearhouse's own 999/TA1 writers write).
// Envelope problems of the acknowledgment file itself are reported in its diagnostics; a
// segment the reader does not expect is skipped, never fatal.

#include <string>
#include <vector>

#include "engine/model/acknowledgment.hpp"
#include "parsers/x12/error.hpp"
#include "parsers/x12/input_source.hpp"

namespace clearhouse::x12_999 {

// One interchange of the acknowledgment file: who sent it, its TA1s and its 999 groups.
struct ReceivedInterchange {
  std::string sender_id, receiver_id;  // ISA06/ISA08 (trimmed): the partner and us
  std::string control_number;          // ISA13 of the acknowledgment itself
  std::vector<model::InterchangeAck> interchange_acks;  // TA1s
  std::vector<model::FunctionalGroupAck> group_acks;    // one per 999 transaction set (AK1..AK9)
};

struct AckFile {
  std::vector<ReceivedInterchange> interchanges;
  std::uint64_t ignored_sets = 0;  // transaction sets other than 999
};

// Reads every interchange of input; diagnostics collects envelope errors of the file.
AckFile read_acknowledgments(x12::InputSource& input, x12::Diagnostics& diagnostics);

}  // namespace clearhouse::x12_999
