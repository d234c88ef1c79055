#include "engine/util/schemas_directory.hpp"

#include <cstdlib>
#include <filesystem>

// The only translation unit that knows where the source tree is (engine/CMakeLists.txt).
#ifndef CLEARHOUSE_SOURCE_DIR
#define CLEARHOUSE_SOURCE_DIR "."
#endif

namespace clearhouse::util {

std::string schemas_directory(std::string_view explicit_dir) {
  if (!explicit_dir.empty()) return std::string(explicit_dir);
  if (const char* env = std::getenv("CLEARHOUSE_SCHEMAS"); env != nullptr && *env != '\0') return env;
  return (std::filesystem::path(CLEARHOUSE_SOURCE_DIR) / "schemas").string();
}

}  // namespace clearhouse::util
