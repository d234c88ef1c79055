#pragma once
// The subcommands of the one `clearhouse` binary: each is a name, a one-line purpose, a
// synopsis, its option table and an entry point. The CLI (engine/cli) and the service
// (engine/service: `serve`) each list theirs; main.cpp puts the two lists together and
// dispatches. Exit codes: 0 clean, 1 input rejected (and reported), 2 usage error.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/command_line/args.hpp"

namespace clearhouse::command_line {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitUsage = 2;

// Runs a command on its parsed arguments (dispatch parses them with the command's table).
using CommandFn = int (*)(const Args& args);

// A sub-command of a command (`worklist resolve`): parsed with the command's table, documented
// with the options of that table it uses.
struct Action {
  std::string_view name;
  std::string_view summary;                  // one line for --help
  std::string_view synopsis;                 // what follows `clearhouse COMMAND`
  std::span<const std::string_view> options;  // names in the command's table
};

struct Command {
  std::string_view name;
  std::string_view summary;           // one line of purpose (the command list and --help)
  std::string_view synopsis;          // what follows `clearhouse NAME`; lines joined by '\n'
  std::span<const OptionSpec> options;  // the one table: parsed by Args, printed by --help
  CommandFn run;
  std::span<const Action> actions = {};
  std::string_view notes = {};        // a few lines --help prints after the options
};

// Runs argv[1] as one of `commands`. `--help`/`help` lists them, `--version` prints the
// version, `CMD --help` (or `help CMD [ACTION]`) prints one command's usage; all exit 0 on
// stdout. Unknown commands and usage errors (UsageError) exit 2, anything else thrown is
// reported and exits 1: this is the edge.
int dispatch(std::span<const Command> commands, int argc, char** argv);

// `--help` of one command (or of one of its actions when `action` names one).
std::string command_help(const Command& command, std::string_view action = {});

// The options of `command`'s table an action (or the whole command, when `action` is null)
// documents.
std::vector<const OptionSpec*> documented_options(const Command& command, const Action* action);

}  // namespace clearhouse::command_line
