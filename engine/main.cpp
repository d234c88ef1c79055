// clearhouse: X12 837P/835 claim processing engine. One binary: the CLI's subcommands
// (engine/cli) and the service's `serve` (engine/service), dispatched by engine/command_line.
#include <vector>

#include "engine/cli/command.hpp"
#include "engine/service/serve_command.hpp"

int main(int argc, char** argv) {
  using namespace clearhouse;
  std::vector<command_line::Command> commands = cli::commands();
  commands.push_back(service::kServeCommand);
  return command_line::dispatch(commands, argc, argv);
}
