#pragma once
// The worklist's rows are the ledger's (engine/ledger/worklist_store.hpp: SQL lives in the
// ledger); the names stay here for the code that still says worklist::.

#include "engine/ledger/worklist_store.hpp"

namespace clearhouse::worklist {

using ledger::ItemFilter;
using ledger::join_codes;
using ledger::split_codes;
using ledger::WorklistStore;

}  // namespace clearhouse::worklist
