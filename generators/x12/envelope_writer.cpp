#include "generators/x12/envelope_writer.hpp"

#include <fmt/format.h>

namespace clearhouse::x12 {

void EnvelopeWriter::open_interchange(const InterchangeEnvelope& isa) {
  const Delimiters& d = w_.delimiters();
  w_.begin("ISA");
  // Every ISA field has a fixed width: a value that does not fit would shift every delimiter
  // after it, so it is refused (the writer's error names the field), never cut.
  auto fixed = [&](int element, std::string_view what, std::string_view value, std::size_t width, char pad = ' ') {
    if (value.size() > width)
      w_.fail({"ISA", element, 0, fmt::format("{} '{}' is {} characters; at most {} fit", what, value, value.size(), width)});
    std::string text(value.substr(0, width));
    if (pad == '0') text.insert(0, width - text.size(), '0');  // control numbers: zero-padded on the left
    else text.append(width - text.size(), pad);
    w_.element(text);
    return text;
  };
  fixed(1, "authorization qualifier", isa.authorization_qualifier, 2);
  fixed(2, "authorization", isa.authorization, 10);
  fixed(3, "security qualifier", isa.security_qualifier, 2);
  fixed(4, "security information", isa.security, 10);
  fixed(5, "sender qualifier", isa.sender_qualifier, 2);
  fixed(6, "sender id", isa.sender_id, 15);
  fixed(7, "receiver qualifier", isa.receiver_qualifier, 2);
  fixed(8, "receiver id", isa.receiver_id, 15);
  fixed(9, "date", isa.date, 6);
  fixed(10, "time", isa.time, 4);
  // ISA11 and ISA16 are separators themselves: written as they are, not checked against them.
  const char repetition = d.has_repetition() ? d.repetition : 'U';
  w_.raw_element(std::string_view(&repetition, 1));
  fixed(12, "version", isa.version, 5);
  isa13_ = fixed(13, "control number", isa.control_number, 9, '0');
  fixed(14, "acknowledgment request", isa.ack_requested, 1);
  fixed(15, "usage", isa.usage, 1);
  w_.raw_element(std::string_view(&d.component, 1));
  w_.end(/*keep_trailing_empty=*/true);
  groups_ = 0;
}

void EnvelopeWriter::open_group(const GroupEnvelope& gs) {
  w_.begin("GS")
      .element(gs.functional_id)
      .element(gs.sender)
      .element(gs.receiver)
      .element(gs.date)
      .element(gs.time)
      .element(gs.control_number)
      .element("X")
      .element(gs.version);
  w_.end();
  gs06_ = gs.control_number;
  transactions_ = 0;
  ++groups_;
}

void EnvelopeWriter::open_transaction(std::string_view type, std::string_view control_number,
                                      std::string_view implementation) {
  w_.mark();
  w_.begin("ST").element(type).element(control_number);
  if (!implementation.empty()) w_.element(implementation);
  w_.end();
  st02_ = std::string(control_number);
  ++transactions_;
}

void EnvelopeWriter::close_transaction() {
  const std::uint64_t count = w_.segments_since_mark() + 1;  // SE counts itself
  w_.begin("SE").element(static_cast<std::int64_t>(count)).element(st02_);
  w_.end();
}

void EnvelopeWriter::close_group() {
  w_.begin("GE").element(static_cast<std::int64_t>(transactions_)).element(gs06_);
  w_.end();
}

void EnvelopeWriter::close_interchange() {
  w_.begin("IEA").element(static_cast<std::int64_t>(groups_)).element(isa13_);
  w_.end();
}

}  // namespace clearhouse::x12
