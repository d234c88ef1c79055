#pragma once
// A claim kept as we wrote it: a one-claim 837P transaction set (ST..SE), read back by the
// shared reader (parsers/x12_837p). Submit keeps it for every claim that names other coverage
// (claim_renderings, migration 9), and `clearhouse secondary` builds the next payer's claim from
// it: the 837P is the one serialization of a claim. It is the claim's own bytes from the batch
// it went out in, with the loops above it (Claim837pWriter::last_claim_transaction), so keeping
// it costs a copy, not a second writing; its ST02 and HL ids are the batch's. It is never sent,
// only read back, inside a fixed envelope. (Ledgers written before kept whole interchanges,
// which read back as they are.)

#include <optional>
#include <string>
#include <string_view>

#include "engine/model/claim.hpp"
#include "generators/x12_837p/claim_837p_writer.hpp"

namespace clearhouse::submit {

// Whether the ledger keeps `claim` whole: a claim that names other coverage (what the next
// payer's claim is built from). A writer keeps such a claim's 2300 loop (keep_claim).
bool keeps_rendering(const model::Claim& claim);

// The rendering kept for `claim`, "" for a claim not kept. `written` is the writer that just
// wrote it (keeping its loops), or null for a claim clearhouse did not write (intake), which is
// then written on its own.
std::string claim_rendering(const model::Claim& claim, const x12_837p::Claim837pWriter* written);

// The claim of a rendering; nullopt (with what went wrong in `error`) when it does not read back.
std::optional<model::Claim> read_rendered_claim(std::string_view rendering, std::string& error);

}  // namespace clearhouse::submit
