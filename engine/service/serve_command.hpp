#pragma once
// `clearhouse serve`: the service's own subcommand (main.cpp lists it beside the CLI's).

#include "engine/command_line/command.hpp"

namespace clearhouse::service {

extern const command_line::Command kServeCommand;

}  // namespace clearhouse::service
