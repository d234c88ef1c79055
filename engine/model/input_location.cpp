#include "engine/model/input_location.hpp"

namespace clearhouse::model {

std::string InputLocation::to_string() const {
  // Built with append(): g++ 12 warns falsely (-Wrestrict) on chains of operator+.
  std::string out;
  auto separate = [&] {
    if (!out.empty()) out.append(" / ");
  };
  if (!transaction.empty()) {
    out.append("ST ").append(transaction);
  }
  if (segment != 0) {
    separate();
    out.append("segment ").append(std::to_string(segment));
  } else if (offset != 0 || out.empty()) {
    separate();
    out.append("byte ").append(std::to_string(offset));
  }
  if (!segment_id.empty()) {
    separate();
    if (!loop.empty()) out.append(loop).append(" ");
    out.append(segment_id);
    if (element > 0) {
      if (element < 10) out.push_back('0');
      out.append(std::to_string(element));
    }
    if (component > 0) out.append("-").append(std::to_string(component));
  }
  return out;
}

}  // namespace clearhouse::model
