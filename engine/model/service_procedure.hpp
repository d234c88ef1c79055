#pragma once
// The composite procedure identifier of an 835 service line (SVC01, or SVC06 when the payer
// adjudicated a different code than the one billed): qualifier, code, up to four modifiers.

#include <string>
#include <vector>

#include "engine/model/code.hpp"

namespace clearhouse::model {

struct ServiceProcedure {
  Code qualifier;                      // HC (CPT/HCPCS), AD (dental), ER, IV, N4, NU, WK, ...
  std::string code;                    // "99213"
  std::vector<Code> modifiers;         // at most four, in order
  std::string description;             // component 7, rarely sent

  bool empty() const { return qualifier.empty() && code.empty(); }
  // "HC:99213:25" as people read it (component separator ':').
  std::string to_string() const {
    std::string out = qualifier.str();
    out.append(":").append(code);
    for (const auto& m : modifiers) out.append(":").append(m.view());
    return out;
  }
  friend bool operator==(const ServiceProcedure&, const ServiceProcedure&) = default;
};

}  // namespace clearhouse::model
