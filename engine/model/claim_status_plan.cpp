#include "engine/model/claim_status_plan.hpp"

namespace clearhouse::model {

std::string_view to_string(StatusLevelKind level) {
  switch (level) {
    case StatusLevelKind::claim: return "claim";
    case StatusLevelKind::provider: return "provider";
    case StatusLevelKind::batch: return "batch";
  }
  return "claim";
}

}  // namespace clearhouse::model
