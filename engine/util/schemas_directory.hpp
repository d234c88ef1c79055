#pragma once
// Where the schemas directory is (rules.json, codes/, x12/, encounter.schema.json): the one
// place that decides it. `explicit_dir` (--schemas) when given, else $CLEARHOUSE_SCHEMAS, else
// the source tree's schemas/ that this build came from.

#include <string>
#include <string_view>

namespace clearhouse::util {

std::string schemas_directory(std::string_view explicit_dir = {});

}  // namespace clearhouse::util
