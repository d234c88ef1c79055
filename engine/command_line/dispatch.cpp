#include <fmt/format.h>

#include <cstdio>
#include <exception>

#include "engine/command_line/args.hpp"
#include "engine/command_line/command.hpp"

namespace clearhouse::command_line {
namespace {

void print_usage(std::span<const Command> commands, std::FILE* out) {
  fmt::print(out, "usage: clearhouse <command> [options]\n\ncommands:\n");
  for (const auto& c : commands) fmt::print(out, "  {:<10} {}\n", c.name, c.summary);
  fmt::print(out, "\n--db URL selects the ledger (default sqlite:clearhouse.db, or CLEARHOUSE_DB).\n");
}

}  // namespace

int dispatch(std::span<const Command> commands, int argc, char** argv) {
  if (argc < 2) {
    print_usage(commands, stderr);
    return kExitUsage;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(commands, stdout);
    return kExitOk;
  }
  for (const auto& c : commands) {
    if (c.name != name) continue;
    std::vector<std::string> args(argv + 2, argv + argc);
    try {
      return c.run(args);
    } catch (const UsageError& e) {
      fmt::print(stderr, "clearhouse {}: {}\n", name, e.what());
      return kExitUsage;
    } catch (const std::exception& e) {
      // The edge: anything unexpected is reported, never a crash.
      fmt::print(stderr, "clearhouse {}: error: {}\n", name, e.what());
      return kExitRejected;
    }
  }
  fmt::print(stderr, "clearhouse: unknown command '{}'\n\n", name);
  print_usage(commands, stderr);
  return kExitUsage;
}

}  // namespace clearhouse::command_line
