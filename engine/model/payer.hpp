#pragma once
// The destination payer of a claim (2010BB).

#include <optional>
#include <string>

#include "engine/model/party.hpp"

namespace clearhouse::model {

struct Payer {
  std::string name;
  std::string id;                      // NM109 with PI (payer identification)
  std::string claim_filing_indicator;  // SBR09: CI commercial, MB Medicare B, MC Medicaid, BL, HM, 12...
  std::optional<Address> address;      // N3/N4, optional
  friend bool operator==(const Payer&, const Payer&) = default;
};

}  // namespace clearhouse::model
