#include "engine/model/validation_finding.hpp"

namespace clearhouse::model {

std::string location_of(const ValidationFinding& f) {
  std::string out;
  if (!f.transaction_control.empty()) {
    out += "ST " + f.transaction_control;
  } else if (!f.group_control.empty()) {
    out += "GS " + f.group_control;
  } else if (!f.interchange_control.empty()) {
    out += "ISA " + f.interchange_control;
  }
  if (f.position != 0 || f.file_segment != 0) {
    if (!out.empty()) out += " / ";
    out += "segment " + std::to_string(f.position != 0 ? f.position : f.file_segment);
  }
  if (!f.segment_id.empty()) {
    if (!out.empty()) out += " / ";
    if (!f.loop_id.empty()) out += f.loop_id + " ";
    out += f.segment_id;
    if (f.element > 0) {
      if (f.element < 10) out += '0';
      out += std::to_string(f.element);
      if (f.component > 0) out += "-" + std::string(f.component < 10 ? "0" : "") + std::to_string(f.component);
    }
  }
  return out;
}

}  // namespace clearhouse::model
