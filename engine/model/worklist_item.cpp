#include "engine/model/worklist_item.hpp"

namespace clearhouse::model {

std::string_view to_string(WorklistStatus status) {
  switch (status) {
    case WorklistStatus::open: return "open";
    case WorklistStatus::in_progress: return "in_progress";
    case WorklistStatus::resolved: return "resolved";
    case WorklistStatus::written_off: return "written_off";
  }
  return "open";
}

std::optional<WorklistStatus> worklist_status_from_string(std::string_view text) {
  for (auto s : {WorklistStatus::open, WorklistStatus::in_progress, WorklistStatus::resolved, WorklistStatus::written_off})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

}  // namespace clearhouse::model
