#include "generators/x12_999/ack_envelope.hpp"

namespace clearhouse::x12 {

InterchangeEnvelope ack_interchange(const model::AckParties& parties, const AckControlNumbers& numbers,
                                    const AckWriteOptions& options) {
  InterchangeEnvelope isa;
  isa.sender_qualifier = parties.sender_qualifier;
  isa.sender_id = parties.sender_id;
  isa.receiver_qualifier = parties.receiver_qualifier;
  isa.receiver_id = parties.receiver_id;
  isa.date = options.date8.substr(2, 6);
  isa.time = options.time4;
  isa.control_number = std::to_string(numbers.interchange);
  isa.usage = std::string(1, options.usage);
  return isa;
}

}  // namespace clearhouse::x12
