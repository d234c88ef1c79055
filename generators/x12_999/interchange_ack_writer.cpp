#include "generators/x12_999/interchange_ack_writer.hpp"

#include <fmt/format.h>

#include "generators/x12/envelope_writer.hpp"

namespace clearhouse::x12 {

std::string write_ta1(const model::AckParties& parties, const model::InterchangeAck& ack,
                      const AckControlNumbers& numbers, const AckWriteOptions& options) {
  X12Writer w(options.delimiters, options.line_break);
  EnvelopeWriter env(w);
  env.open_interchange(ack_interchange(parties, numbers, options));
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
