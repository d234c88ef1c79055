#pragma once
// Where tests find things: the source tree, the built binary, the shared corpus (skipping
// with a message when it is absent), and scratch directories.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace clearhouse::testing {

std::filesystem::path source_dir();
std::filesystem::path build_dir();
std::filesystem::path clearhouse_binary();
// ../shared/corpus beside the checkout, or $CLEARHOUSE_CORPUS; nullopt when absent.
std::optional<std::filesystem::path> corpus_dir();
// ../shared/tools beside the checkout (corpus_check.py, gen_x12.py); nullopt when absent.
std::optional<std::filesystem::path> shared_tools_dir();
// Every data file of the corpus (not MANIFEST.md or licenses/), sorted.
std::vector<std::filesystem::path> corpus_files();
// A fresh empty directory under the build tree (build/test-scratch/<name>-<pid>), left for
// inspection; unique per process because ctest runs test cases in parallel.
std::filesystem::path scratch_dir(const std::string& name);

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs a shell command line, capturing stdout and stderr.
CommandResult run_command(const std::string& command_line);
// Runs the clearhouse binary with the given arguments (shell-quoted here).
CommandResult run_clearhouse(const std::vector<std::string>& args, const std::string& stdin_file = {});
std::string shell_quote(const std::string& s);

}  // namespace clearhouse::testing

// Skips the current test when the shared corpus is not beside the checkout.
#define CLEARHOUSE_REQUIRE_CORPUS()                                                        \
  do {                                                                                     \
    if (!::clearhouse::testing::corpus_dir())                                              \
      GTEST_SKIP() << "../shared/corpus not found (set CLEARHOUSE_CORPUS); skipping";      \
  } while (0)

#define CLEARHOUSE_REQUIRE_SHARED_TOOLS()                                                  \
  do {                                                                                     \
    if (!::clearhouse::testing::shared_tools_dir())                                        \
      GTEST_SKIP() << "../shared/tools not found; skipping";                               \
  } while (0)
