#pragma once
// The one command-line parser every subcommand uses (Boost.Program_options underneath):
// positionals, `--name value`, `--name=value`, short aliases, flags and repeatable options;
// `--` ends the options, `-` is a positional (stdin). Unknown options, missing values, values
// given to flags and non-repeatable options given twice are usage errors naming the option.
// `--help`/`-h` is every command's: it is recorded, not an error (dispatch prints the help).

#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clearhouse::command_line {

// Thrown for a usage error (exit 2). Only the CLI edge throws it.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One option of a command's table: the parser reads the table, `--help` prints it and a test
// checks docs/commands/<command>.md mentions every option in it.
struct OptionSpec {
  std::string_view name = {};     // "format" for --format
  char short_name = 0;            // 'o' for -o
  bool takes_value = true;
  bool repeatable = false;
  std::string_view value_name = {};   // "URL" in `--db URL` (default "VALUE")
  std::string_view description = {};  // one sentence for --help
};

class Args {
 public:
  // Parses argv (without the program and subcommand names). Throws UsageError.
  Args(const std::vector<std::string>& argv, std::span<const OptionSpec> specs);

  // --help or -h was given.
  bool help() const { return help_; }
  const std::vector<std::string>& positionals() const { return positionals_; }
  std::optional<std::string> value(std::string_view name) const;
  std::string value_or(std::string_view name, std::string fallback) const;
  std::vector<std::string> values(std::string_view name) const;
  bool flag(std::string_view name) const { return values_.count(std::string(name)) != 0; }
  // Checks the count of positionals: "missing WHAT" below min, "unexpected argument 'x'" above
  // max (UsageError).
  void expect_positionals(std::size_t min, std::size_t max, std::string_view what) const;
  // The value of name, which must be one of choices; throws UsageError otherwise.
  std::string choice(std::string_view name, const std::vector<std::string>& choices, std::string fallback) const;

 private:
  bool help_ = false;
  std::vector<std::string> positionals_;
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
};

// The options part of `--help`: each option with its value name and description, wrapped to
// 80 columns (Boost.Program_options' layout), `--help` itself last.
std::string describe_options(std::span<const OptionSpec> specs);

}  // namespace clearhouse::command_line
