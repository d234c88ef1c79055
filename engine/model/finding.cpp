#include "engine/model/finding.hpp"

namespace clearhouse::model {

std::string_view to_string(FindingSeverity severity) {
  return severity == FindingSeverity::error ? "error" : "warning";
}

}  // namespace clearhouse::model
