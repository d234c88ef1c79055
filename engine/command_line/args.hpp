#pragma once
// A small command-line parser shared by every subcommand: positionals, `--name value`,
// `--name=value`, short aliases, flags and repeatable options; unknown options are usage errors.

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clearhouse::command_line {

// Thrown for a usage error (exit 2). Only the CLI edge throws it.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::string name;        // "format" for --format
  char short_name = 0;     // 'o' for -o
  bool takes_value = true;
  bool repeatable = false;
};

class Args {
 public:
  // Parses argv (without the program and subcommand names). Throws UsageError.
  Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs);

  const std::vector<std::string>& positionals() const { return positionals_; }
  std::optional<std::string> value(std::string_view name) const;
  std::string value_or(std::string_view name, std::string fallback) const;
  std::vector<std::string> values(std::string_view name) const;
  bool flag(std::string_view name) const { return values_.count(std::string(name)) != 0; }
  // Checks the count of positionals; throws UsageError with `usage` otherwise.
  void expect_positionals(std::size_t min, std::size_t max, const std::string& usage) const;
  // The value of name, which must be one of choices; throws UsageError otherwise.
  std::string choice(std::string_view name, const std::vector<std::string>& choices, std::string fallback) const;

 private:
  std::vector<std::string> positionals_;
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
};

}  // namespace clearhouse::command_line
