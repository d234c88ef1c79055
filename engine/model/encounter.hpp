#pragma once
// One coded encounter as a practice-management system sends it (one line of the submit input),
// typed but not yet edited. The claim edits turn it into one claim — or several, when it has
// more service lines than one claim may carry — or into rejections.

#include <cstdint>
#include <optional>

#include "engine/model/claim.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::model {

struct Encounter {
  std::uint64_t source_line = 0;        // 1-based line of the input file
  Claim claim;                          // everything as given; total_charge is the lines' sum
  std::optional<Money> declared_total;  // "total_charge" as sent; must equal the lines' sum
  bool has_submitter = false;           // the encounter named its own submitter / receiver
  bool has_receiver = false;
};

}  // namespace clearhouse::model
