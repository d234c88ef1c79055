#include "generators/x12_999/interchange_ack_writer.hpp"

#include <fmt/format.h>

#include "generators/x12/envelope_writer.hpp"

namespace clearhouse::x12 {

std::string write_ta1(const model::AckParties& parties, const model::InterchangeAck& ack,
                      const AckControlNumbers& numbers, const AckWriteOptions& options) {
  X12Writer w(options.delimiters, options.line_break);
  EnvelopeWriter env(w);
  InterchangeEnvelope isa;
  isa.sender_qualifier = parties.sender_qualifier;
  isa.sender_id = parties.sender_id;
  isa.receiver_qualifier = parties.receiver_qualifier;
  isa.receiver_id = parties.receiver_id;
  isa.date = options.date8.substr(2, 6);
  isa.time = options.time4;
  isa.control_number = std::to_string(numbers.interchange);
  isa.usage = std::string(1, options.usage);
  env.open_interchange(isa);
  // TA101 is the acknowledged ISA13 (9 digits); TA102/TA103 its ISA09/ISA10.
  std::string control = ack.control_number;
  if (control.size() < 9) control.insert(0, 9 - control.size(), '0');
  w.begin("TA1")
      .element(control)
      .element(ack.date)
      .element(ack.time)
      .element(std::string_view(&ack.code, 1))
      .element(ack.note_code);
  w.end();
  env.close_interchange();
  return w.take();
}

}  // namespace clearhouse::x12
