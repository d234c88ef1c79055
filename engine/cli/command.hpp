#pragma once
// The CLI's subcommands. Each lives in its own file and is listed in commands.cpp; `serve`
// belongs to the service (engine/service/serve_command.hpp) and main.cpp joins the two lists.

#include <string>
#include <vector>

#include "engine/command_line/args.hpp"
#include "engine/command_line/command.hpp"

namespace clearhouse::cli {

// The command-line vocabulary every command file uses.
using command_line::Args;
using command_line::Command;
using command_line::kExitOk;
using command_line::kExitRejected;
using command_line::kExitUsage;
using command_line::OptionSpec;
using command_line::UsageError;

const std::vector<Command>& commands();

// One command per file: each defines its entry point here.
int run_parse(const std::vector<std::string>& args);
int run_worklist(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_validate(const std::vector<std::string>& args);
int run_ack(const std::vector<std::string>& args);
int run_intake(const std::vector<std::string>& args);
int run_submit(const std::vector<std::string>& args);
int run_post(const std::vector<std::string>& args);
int run_status_inquiry(const std::vector<std::string>& args);

}  // namespace clearhouse::cli
