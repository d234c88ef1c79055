#pragma once
// The subcommands of the one `clearhouse` binary. Each lives in its own file and is listed in
// commands.cpp; main.cpp only dispatches. Exit codes: 0 clean, 1 input rejected (and reported),
// 2 usage error.

#include <string>
#include <string_view>
#include <vector>

namespace clearhouse::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitUsage = 2;

using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  std::string_view name;
  std::string_view summary;
  CommandFn run;
};

const std::vector<Command>& commands();
// Runs argv[1] as a subcommand; prints usage and returns 2 for unknown ones.
int dispatch(int argc, char** argv);

// One command per file: each defines its entry point here.
int run_parse(const std::vector<std::string>& args);
int run_worklist(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_validate(const std::vector<std::string>& args);
int run_ack(const std::vector<std::string>& args);
int run_intake(const std::vector<std::string>& args);
int run_submit(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);
int run_post(const std::vector<std::string>& args);

}  // namespace clearhouse::cli
