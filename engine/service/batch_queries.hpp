#pragma once
// The service's reads of recorded 837 batches (the ledger's batches table): by id for
// GET /v1/batches/{id}, by file name to give POST /v1/claims its batch ids.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/records.hpp"

namespace clearhouse::service {

std::optional<ledger::BatchRecord> find_batch(ledger::Ledger& ledger, std::int64_t id);
std::optional<ledger::BatchRecord> find_batch_by_file(ledger::Ledger& ledger, std::string_view file_name);

}  // namespace clearhouse::service
