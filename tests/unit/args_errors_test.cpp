// command_line::Args' usage errors: each names the option (or argument) at fault.
#include <gtest/gtest.h>

#include "engine/command_line/args.hpp"

namespace clearhouse::command_line {
namespace {

constexpr OptionSpec kSpecs[] = {
    {.name = "format", .short_name = 'f', .value_name = "json|csv", .description = "the format"},
    {.name = "db", .value_name = "URL", .description = "the ledger"},
    {.name = "test", .takes_value = false, .description = "test data"},
};

std::string error_of(const std::vector<std::string>& argv) {
  try {
    Args a(argv, kSpecs);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ArgsErrors, EachErrorNamesTheOption) {
  EXPECT_EQ(error_of({"--bogus"}), "unknown option --bogus");
  EXPECT_EQ(error_of({"--bogus=1"}), "unknown option --bogus");
  EXPECT_EQ(error_of({"-x"}), "unknown option -x");
  EXPECT_EQ(error_of({"--form", "csv"}), "unknown option --form");  // no guessing
  EXPECT_EQ(error_of({"--arguments", "x"}), "unknown option --arguments");
  EXPECT_EQ(error_of({"--format"}), "--format needs a value");
  EXPECT_EQ(error_of({"-f"}), "--format needs a value");
  EXPECT_EQ(error_of({"--format", "--db", "x"}), "--format needs a value");
  EXPECT_EQ(error_of({"--format="}), "--format needs a value");
  EXPECT_EQ(error_of({"--test=1"}), "--test takes no value");
  EXPECT_EQ(error_of({"--format", "a", "-f", "b"}), "--format given twice");
  EXPECT_EQ(error_of({"--test", "--test"}), "--test given twice");
}

TEST(ArgsErrors, PositionalCountsAndChoices) {
  const Args a({"a", "b"}, kSpecs);
  try {
    a.expect_positionals(1, 1, "FILE");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unexpected argument 'b'");
  }
  try {
    Args({}, kSpecs).expect_positionals(1, 1, "FILE");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "missing FILE");
  }
  try {
    Args({"--format", "xml"}, kSpecs).choice("format", {"json", "csv"}, "json");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "--format must be one of json|csv (got 'xml')");
  }
}

}  // namespace
}  // namespace clearhouse::command_line
