#include "engine/ack/ack_numbers.hpp"

namespace clearhouse::ack {

x12::AckControlNumbers allocate_ack_numbers(ledger::Ledger& ledger, const model::AckParties& parties,
                                            std::size_t transactions) {
  x12::AckControlNumbers n;
  n.interchange = ledger.allocate(parties.sender_id, parties.receiver_id, ledger::ControlNumberKind::interchange, 1);
  n.first_group = n.interchange;
  n.first_transaction = transactions == 0 ? 1
                                          : ledger.allocate(parties.sender_id, parties.receiver_id,
                                                            ledger::ControlNumberKind::transaction, transactions);
  return n;
}

}  // namespace clearhouse::ack
