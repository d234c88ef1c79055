#include "engine/model/adjustment.hpp"

namespace clearhouse::model {

AdjustmentGroup adjustment_group_from_code(std::string_view code) {
  if (code == "CO") return AdjustmentGroup::contractual;
  if (code == "PR") return AdjustmentGroup::patient;
  if (code == "OA") return AdjustmentGroup::other;
  if (code == "PI") return AdjustmentGroup::payer_initiated;
  if (code == "CR") return AdjustmentGroup::correction;
  return AdjustmentGroup::unknown;
}

std::string_view to_code(AdjustmentGroup group) {
  switch (group) {
    case AdjustmentGroup::contractual: return "CO";
    case AdjustmentGroup::patient: return "PR";
    case AdjustmentGroup::other: return "OA";
    case AdjustmentGroup::payer_initiated: return "PI";
    case AdjustmentGroup::correction: return "CR";
    case AdjustmentGroup::unknown: break;
  }
  return "";
}

}  // namespace clearhouse::model
