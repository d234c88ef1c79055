#pragma once
// A claim kept as we wrote it: a one-claim 837P interchange by the shared writer
// (generators/x12_837p), read back by the shared reader (parsers/x12_837p). Submit keeps it for
// every claim that names other coverage (claim_renderings, migration 9), and `clearhouse
// secondary` builds the next payer's claim from it: the 837P is the one serialization of a claim.
// The envelope's control numbers are 1 and its date the claim's first service date: the
// rendering is never sent, only read back.

#include <optional>
#include <string>
#include <string_view>

#include "engine/model/claim.hpp"

namespace clearhouse::submit {

std::string render_claim(const model::Claim& claim);

// The claim of a rendering; nullopt (with what went wrong in `error`) when it does not read back.
std::optional<model::Claim> read_rendered_claim(std::string_view rendering, std::string& error);

}  // namespace clearhouse::submit
