#pragma once
// Every subcommand of the binary, joined as engine/main.cpp joins them (the CLI's and the
// service's `serve`); tests/e2e/cli_help_test.cpp checks `clearhouse --help` lists exactly these.

#include <string>
#include <vector>

#include "engine/cli/command.hpp"
#include "engine/service/serve_command.hpp"

namespace clearhouse::testing {

inline std::vector<command_line::Command> all_commands() {
  std::vector<command_line::Command> commands = cli::commands();
  commands.push_back(service::kServeCommand);
  return commands;
}

// "--format" for the option `format` of a table.
inline std::string long_flag(const command_line::OptionSpec& o) { return "--" + std::string(o.name); }

}  // namespace clearhouse::testing
