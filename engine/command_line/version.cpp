#include "engine/command_line/version.hpp"

namespace clearhouse::command_line {

// CLEARHOUSE_VERSION is defined for this file alone by engine/CMakeLists.txt.
std::string_view version() { return CLEARHOUSE_VERSION; }

}  // namespace clearhouse::command_line
