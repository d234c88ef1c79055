#pragma once
// What a trading partner's acknowledgments (999, TA1) change in the ledger: the front-door
// status of the claims a batch carried (claims.ack_status and ack_received_at, migration 4).
// engine/ack decides which batch and transaction set an acknowledgment answers and what status
// it gives; these find the batch and mark its claims. Writes expect the caller's transaction.

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {

// The control number of ours that an acknowledgment echoes.
enum class BatchControlNumber {
  interchange,  // ISA13 (TA101)
  group,        // GS06 (AK102)
};

// The latest batch we (sender_id) sent to this partner (receiver_id) under that control number.
std::optional<std::int64_t> find_sent_batch(sql::Connection& connection, std::string_view sender_id,
                                            std::string_view receiver_id, BatchControlNumber which,
                                            std::int64_t control_number);

// Gives every claim of the batch the status; returns how many claims the batch carries.
std::uint64_t mark_batch_acknowledged(sql::Connection& connection, std::int64_t batch_row, std::string_view status,
                                      std::string_view received_at);

// Gives the claims of one transaction set (ST02) of the batch the status; returns how many there
// were (0: the batch has no such set, and nothing is written).
std::uint64_t mark_transaction_set_acknowledged(sql::Connection& connection, std::int64_t batch_row,
                                                std::string_view st02, std::string_view status,
                                                std::string_view received_at);

}  // namespace clearhouse::ledger
