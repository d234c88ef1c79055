#pragma once
// The version of clearhouse: CMake's project(VERSION), compiled into version.cpp only.

#include <string_view>

namespace clearhouse::command_line {

std::string_view version();

}  // namespace clearhouse::command_line
