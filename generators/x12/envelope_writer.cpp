#include "generators/x12/envelope_writer.hpp"

#include <fmt/format.h>

namespace clearhouse::x12 {
namespace {

// Pads (or, for values that do not fit, marks as an error) a fixed-width ISA field.
std::string fixed(std::string_view value, std::size_t width, char pad = ' ', bool left_pad = false) {
  std::string out(value.substr(0, width));
  if (out.size() < width) {
    if (left_pad) out.insert(0, width - out.size(), pad);
    else out.append(width - out.size(), pad);
  }
  return out;
}

}  // namespace

std::string format_isa(const InterchangeEnvelope& isa, const Delimiters& d) {
  const char e = d.element;
  std::string out = "ISA";
  auto add = [&](std::string_view v) {
    out.push_back(e);
    out.append(v);
  };
  add(fixed(isa.authorization_qualifier, 2));
  add(fixed(isa.authorization, 10));
  add(fixed(isa.security_qualifier, 2));
  add(fixed(isa.security, 10));
  add(fixed(isa.sender_qualifier, 2));
  add(fixed(isa.sender_id, 15));
  add(fixed(isa.receiver_qualifier, 2));
  add(fixed(isa.receiver_id, 15));
  add(fixed(isa.date, 6));
  add(fixed(isa.time, 4));
  add(std::string(1, d.has_repetition() ? d.repetition : 'U'));
  add(fixed(isa.version, 5));
  add(fixed(isa.control_number, 9, '0', true));
  add(fixed(isa.ack_requested, 1));
  add(fixed(isa.usage, 1));
  add(std::string(1, d.component));
  return out;
}

void EnvelopeWriter::open_interchange(const InterchangeEnvelope& isa) {
  const Delimiters& d = w_.delimiters();
  // Fields that do not fit their fixed width would shift every delimiter: refuse them.
  if (isa.sender_id.size() > 15) w_.fail({"ISA", 6, 0, "sender id longer than 15 characters"});
  if (isa.receiver_id.size() > 15) w_.fail({"ISA", 8, 0, "receiver id longer than 15 characters"});
  if (isa.control_number.size() > 9) w_.fail({"ISA", 13, 0, "control number longer than 9 digits"});
  const std::string text = format_isa(isa, d);
  w_.begin("ISA");
  // The ISA's fields are fixed width: write it verbatim, one raw element per field.
  std::string_view rest(text);
  rest.remove_prefix(4);
  std::size_t pos;
  while ((pos = rest.find(d.element)) != std::string_view::npos) {
    w_.raw_element(rest.substr(0, pos));
    rest.remove_prefix(pos + 1);
  }
  w_.raw_element(rest);
  w_.end(true);
  isa13_ = fixed(isa.control_number, 9, '0', true);
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
