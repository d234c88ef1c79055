#pragma once
// The subcommands of the one `clearhouse` binary: each is a name, a one-line summary and an
// entry point. The CLI (engine/cli) and the service (engine/service: `serve`) each list theirs;
// main.cpp puts the two lists together and dispatches. Exit codes: 0 clean, 1 input rejected
// (and reported), 2 usage error.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace clearhouse::command_line {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitUsage = 2;

using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  std::string_view name;
  std::string_view summary;
  CommandFn run;
};

// Runs argv[1] as one of `commands`; prints usage and returns 2 for unknown ones. Usage errors
// (UsageError) exit 2, anything else thrown is reported and exits 1: this is the edge.
int dispatch(std::span<const Command> commands, int argc, char** argv);

}  // namespace clearhouse::command_line
