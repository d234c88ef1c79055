#pragma once
// Opens and closes ISA/GS/ST envelopes on an X12Writer; the trailers' counts and control
// numbers come from what was written, never from the caller.

#include <cstdint>
#include <string>

#include "generators/x12/x12_writer.hpp"

namespace clearhouse::x12 {

struct InterchangeEnvelope {
  std::string authorization_qualifier = "00", authorization = "";
  std::string security_qualifier = "00", security = "";
  std::string sender_qualifier = "ZZ", sender_id;
  std::string receiver_qualifier = "ZZ", receiver_id;
  std::string date;            // YYMMDD
  std::string time;            // HHMM
  std::string version = "00501";
  std::string control_number;  // up to 9 digits; written zero-padded
  std::string ack_requested = "0";
  std::string usage = "P";     // P production, T test
};

struct GroupEnvelope {
  std::string functional_id;   // HC (837), HP (835), FA (999)
  std::string sender, receiver;
  std::string date;            // CCYYMMDD
  std::string time;            // HHMM
  std::string control_number;
  std::string version;         // e.g. 005010X222A1
};

class EnvelopeWriter {
 public:
  explicit EnvelopeWriter(X12Writer& writer) : w_(writer) {}

  void open_interchange(const InterchangeEnvelope& isa);
  void open_group(const GroupEnvelope& gs);
  void open_transaction(std::string_view type, std::string_view control_number, std::string_view implementation = {});
  void close_transaction();  // SE01 = segments written since ST
  void close_group();        // GE01 = transaction sets in the group
  void close_interchange();  // IEA01 = groups in the interchange

  std::uint64_t transactions_in_group() const { return transactions_; }

 private:
  X12Writer& w_;
  std::string isa13_, gs06_, st02_;
  std::uint64_t groups_ = 0, transactions_ = 0;
};

}  // namespace clearhouse::x12
