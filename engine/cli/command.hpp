#pragma once
// The CLI's subcommands. Each lives in its own file, which defines its Command (purpose,
// synopsis, option table, entry point), and is listed in commands.cpp; `serve` belongs to the
// service (engine/service/serve_command.hpp) and main.cpp joins the two lists.

#include <string>
#include <vector>

#include "engine/command_line/args.hpp"
#include "engine/command_line/command.hpp"

namespace clearhouse::cli {

// The command-line vocabulary every command file uses.
using command_line::Args;
using command_line::Action;
using command_line::Command;
using command_line::kExitOk;
using command_line::kExitRejected;
using command_line::kExitUsage;
using command_line::OptionSpec;
using command_line::UsageError;

const std::vector<Command>& commands();

// One command per file: each defines its Command here.
extern const Command kParseCommand;
extern const Command kWorklistCommand;
extern const Command kReportCommand;
extern const Command kValidateCommand;
extern const Command kAckCommand;
extern const Command kIntakeCommand;
extern const Command kSubmitCommand;
extern const Command kPostCommand;
extern const Command kStatusInquiryCommand;
extern const Command kSecondaryCommand;
extern const Command kPatientPaymentsCommand;
extern const Command kStatementsCommand;

}  // namespace clearhouse::cli
