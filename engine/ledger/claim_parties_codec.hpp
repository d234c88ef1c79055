#pragma once
// Who a claim was for (ClaimParties) as the ledger keeps it: one text column,
// claim_parties.parties (migration 10), its seventeen fields in a fixed order joined by the unit
// separator (character 31), which X12 text never contains, then (since migration 12) the
// guarantor's and the billing provider's mailing addresses, five fields each. Seventeen columns per claim were a
// sixth of submit's time. Only this file packs and unpacks it; migration 10 packs the rows it
// moves in the same order.

#include <string>
#include <string_view>

#include "engine/ledger/records.hpp"

namespace clearhouse::ledger {

inline constexpr char kPartySeparator = '\x1f';

// Appends the packed fields to out. Throws LedgerError when a field holds the separator.
void pack_claim_parties(const ClaimParties& parties, std::string& out);
// The fields back; a text with fewer fields leaves the rest empty.
ClaimParties unpack_claim_parties(std::string_view packed);

}  // namespace clearhouse::ledger
