#pragma once
// Ids (receiver, payer, claim) become parts of file names: anything but letters, digits, '-'
// and '_' turns into '_', so a name is portable and cannot climb out of its directory.

#include <string>
#include <string_view>

namespace clearhouse::util {

inline std::string file_safe(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  for (char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    out.push_back(ok ? c : '_');
  }
  return out;
}

}  // namespace clearhouse::util
