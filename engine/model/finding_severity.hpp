#pragma once
// How bad a finding is: the one scale every finding uses, for the remittance and posting
// findings (model::Finding) and the implementation-guide findings (model::ValidationFinding).

#include <cstdint>
#include <string_view>

namespace clearhouse::model {

enum class FindingSeverity : std::uint8_t {
  error,    // the input was rejected or needs work (the command exits 1; a 999 IK5 R)
  warning,  // processed, but worth a look (a 999 accepts the set with errors: IK5 E)
};

// "error" or "warning".
constexpr std::string_view to_string(FindingSeverity severity) {
  return severity == FindingSeverity::error ? "error" : "warning";
}

}  // namespace clearhouse::model
