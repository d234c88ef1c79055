#pragma once
// An 837P claim carries at most 50 service lines. An encounter with more is split, by this
// rule:
//   - lines are taken in input order, 50 per claim;
//   - the first claim keeps the encounter's claim id; the k-th (k >= 2) gets "<claim id>-<k>"
//     (an encounter whose split ids would pass 20 characters is rejected instead);
//   - every claim carries all of the encounter's diagnoses (so the pointers stay valid), its
//     parties, dates and references; lines are renumbered from 1 and each claim's total is the
//     sum of its own lines; line control numbers are kept as given.
// The submit report lists each split (encounter claim id -> the claim ids it became).

#include <optional>
#include <string>
#include <vector>

#include "engine/model/claim.hpp"

namespace clearhouse::edits {

// The claim ids a claim with this many lines is split into (one id when no split is needed).
std::vector<std::string> split_claim_ids(const std::string& claim_id, std::size_t line_count);
// Splits a claim (lines already numbered and edited) by the rule above.
std::vector<model::Claim> split_claim(model::Claim claim);

}  // namespace clearhouse::edits
