#pragma once
// `clearhouse serve`: the service's own subcommand (main.cpp lists it beside the CLI's).

#include "engine/command_line/command.hpp"

namespace clearhouse::service {

int run_serve(const std::vector<std::string>& args);
inline constexpr command_line::Command kServeCommand{
    "serve", "HTTP API and the worklist page (127.0.0.1:8080 by default)", run_serve};

}  // namespace clearhouse::service
