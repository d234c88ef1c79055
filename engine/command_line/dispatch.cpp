#include <fmt/format.h>

#include <cstdio>
#include <exception>

#include "engine/command_line/args.hpp"
#include "engine/command_line/command.hpp"
#include "engine/command_line/version.hpp"

namespace clearhouse::command_line {
namespace {

void print_usage(std::span<const Command> commands, std::FILE* out) {
  fmt::print(out, "usage: clearhouse <command> [options]\n\ncommands:\n");
  for (const auto& c : commands) fmt::print(out, "  {:<10} {}\n", c.name, c.summary);
  fmt::print(out,
             "\n'clearhouse <command> --help' (or 'clearhouse help <command>') describes one; docs/commands/<command>.md "
             "has the rest.\n--db URL selects the ledger (default sqlite:clearhouse.db, or CLEARHOUSE_DB). "
             "'clearhouse --version' prints the version.\n");
}

// "usage: clearhouse NAME LINE" for the first line of the synopsis, aligned below it for the rest;
// a line starting with a space continues the one before it.
void append_synopsis(std::string& out, std::string_view command, std::string_view synopsis, bool& first) {
  while (!synopsis.empty()) {
    const auto end = synopsis.find('\n');
    const auto line = synopsis.substr(0, end);
    if (!first && line.starts_with(' '))
      out += fmt::format("       {:{}}{}\n", "", command.size() + 12, line.substr(line.find_first_not_of(' ')));
    else
      out += fmt::format("{}clearhouse {}{}{}\n", first ? "usage: " : "       ", command, line.empty() ? "" : " ", line);
    first = false;
    synopsis = end == std::string_view::npos ? std::string_view() : synopsis.substr(end + 1);
  }
}

const Action* find_action(const Command& command, std::string_view name) {
  for (const auto& a : command.actions)
    if (a.name == name) return &a;
  return nullptr;
}

std::string usage_lines(const Command& command) {
  std::string out;
  bool first = true;
  append_synopsis(out, command.name, command.synopsis, first);
  for (const auto& a : command.actions) append_synopsis(out, command.name, a.synopsis, first);
  return out;
}

const Command* find_command(std::span<const Command> commands, std::string_view name) {
  for (const auto& c : commands)
    if (c.name == name) return &c;
  return nullptr;
}

int unknown_command(std::span<const Command> commands, std::string_view name) {
  fmt::print(stderr, "clearhouse: unknown command '{}'\n\n", name);
  print_usage(commands, stderr);
  return kExitUsage;
}

// `clearhouse help [COMMAND [ACTION]]`.
int run_help(std::span<const Command> commands, int argc, char** argv) {
  if (argc < 3) {
    print_usage(commands, stdout);
    return kExitOk;
  }
  const Command* command = find_command(commands, argv[2]);
  if (command == nullptr) return unknown_command(commands, argv[2]);
  const std::string_view action = argc > 3 ? argv[3] : "";
  if (!action.empty() && find_action(*command, action) == nullptr) {
    fmt::print(stderr, "clearhouse help: {} has no action '{}'\n", command->name, action);
    return kExitUsage;
  }
  fmt::print("{}", command_help(*command, action));
  return kExitOk;
}

}  // namespace

std::vector<const OptionSpec*> documented_options(const Command& command, const Action* action) {
  std::vector<const OptionSpec*> out;
  for (const auto& spec : command.options) {
    bool listed = action == nullptr;
    if (action != nullptr)
      for (const auto name : action->options) listed = listed || name == spec.name;
    if (listed) out.push_back(&spec);
  }
  return out;
}

std::string command_help(const Command& command, std::string_view action_name) {
  const Action* action = action_name.empty() ? nullptr : find_action(command, action_name);
  std::string out;
  bool first = true;
  if (action != nullptr) {
    append_synopsis(out, command.name, action->synopsis, first);
    out += fmt::format("\n{}\n\n", action->summary);
  } else {
    out += usage_lines(command);
    out += fmt::format("\n{}\n\n", command.summary);
    if (!command.actions.empty()) {
      out += "actions:\n";
      for (const auto& a : command.actions) out += fmt::format("  {:<10} {}\n", a.name, a.summary);
      out += "\n";
    }
  }
  std::vector<OptionSpec> options;
  for (const auto* spec : documented_options(command, action)) options.push_back(*spec);
  out += describe_options(options);
  if (action == nullptr && !command.notes.empty()) out += fmt::format("\n{}\n", command.notes);
  out += fmt::format("\nSee docs/commands/{}.md", command.name);
  if (action == nullptr && !command.actions.empty())
    out += fmt::format("; 'clearhouse {} ACTION --help' describes one action", command.name);
  out += ".\n";
  return out;
}

int dispatch(std::span<const Command> commands, int argc, char** argv) {
  if (argc < 2) {
    print_usage(commands, stderr);
    return kExitUsage;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h") {
    print_usage(commands, stdout);
    return kExitOk;
  }
  if (name == "help") return run_help(commands, argc, argv);
  if (name == "--version") {
    fmt::print("clearhouse {}\n", version());
    return kExitOk;
  }
  const Command* command = find_command(commands, name);
  if (command == nullptr) return unknown_command(commands, name);
  try {
    const Args args(std::vector<std::string>(argv + 2, argv + argc), command->options);
    if (args.help()) {
      const auto& p = args.positionals();
      fmt::print("{}", command_help(*command, p.empty() ? std::string_view() : std::string_view(p.front())));
      return kExitOk;
    }
    return command->run(args);
  } catch (const UsageError& e) {
    fmt::print(stderr, "clearhouse {}: {}\n{}('clearhouse {} --help' lists the options)\n", name, e.what(),
               usage_lines(*command), name);
    return kExitUsage;
  } catch (const std::exception& e) {
    // The edge: anything unexpected is reported, never a crash.
    fmt::print(stderr, "clearhouse {}: error: {}\n", name, e.what());
    return kExitRejected;
  }
}

}  // namespace clearhouse::command_line
