// command_line::Args, the one parser every command uses: the forms it accepts.
#include <gtest/gtest.h>

#include "engine/command_line/args.hpp"

namespace clearhouse::command_line {
namespace {

constexpr OptionSpec kSpecs[] = {
    {.name = "format", .short_name = 'f', .value_name = "json|csv", .description = "the format"},
    {.name = "db", .value_name = "URL", .description = "the ledger"},
    {.name = "code-set", .repeatable = true, .value_name = "KIND=FILE", .description = "a list"},
    {.name = "test", .takes_value = false, .description = "test data"},
};

TEST(Args, LongShortAdjacentAndSeparateValues) {
  const Args a({"in.835", "--format", "csv", "--db=sqlite:x.db"}, kSpecs);
  EXPECT_EQ(a.positionals(), std::vector<std::string>{"in.835"});
  EXPECT_EQ(a.value("format"), "csv");
  EXPECT_EQ(a.value("db"), "sqlite:x.db");
  EXPECT_FALSE(a.flag("test"));
  EXPECT_FALSE(a.help());
  EXPECT_EQ(Args({"-f", "json"}, kSpecs).value("format"), "json");
  EXPECT_EQ(Args({"-fjson"}, kSpecs).value("format"), "json");
}

TEST(Args, FlagsRepeatablesAndDefaults) {
  const Args a({"--code-set", "cpt=a", "--test", "--code-set=pos=b"}, kSpecs);
  EXPECT_TRUE(a.flag("test"));
  EXPECT_EQ(a.values("code-set"), (std::vector<std::string>{"cpt=a", "pos=b"}));
  EXPECT_EQ(a.value_or("db", "sqlite:clearhouse.db"), "sqlite:clearhouse.db");
  EXPECT_TRUE(a.values("db").empty());
}

TEST(Args, DashIsStdinAndDoubleDashEndsTheOptions) {
  const Args a({"-", "--", "--format", "-x"}, kSpecs);
  EXPECT_EQ(a.positionals(), (std::vector<std::string>{"-", "--format", "-x"}));
  EXPECT_FALSE(a.value("format"));
  // A value may start with a dash when it is no option of the table.
  EXPECT_EQ(Args({"--db", "-"}, kSpecs).value("db"), "-");
}

TEST(Args, HelpIsRecordedWithThePositionalsBeforeIt) {
  const Args a({"resolve", "--help"}, kSpecs);
  EXPECT_TRUE(a.help());
  EXPECT_EQ(a.positionals(), std::vector<std::string>{"resolve"});
  EXPECT_TRUE(Args({"-h"}, kSpecs).help());
}

TEST(Args, ChoicesAndPositionalCounts) {
  const Args a({"one", "--format", "csv"}, kSpecs);
  EXPECT_EQ(a.choice("format", {"json", "csv"}, "json"), "csv");
  EXPECT_EQ(Args({}, kSpecs).choice("format", {"json", "csv"}, "json"), "json");
  EXPECT_NO_THROW(a.expect_positionals(1, 1, "FILE"));
}

TEST(Args, TheHelpTextListsEveryOptionWithItsValueAndDescription) {
  const std::string text = describe_options(kSpecs);
  EXPECT_NE(text.find("-f [ --format ] json|csv"), std::string::npos) << text;
  EXPECT_NE(text.find("--db URL"), std::string::npos) << text;
  EXPECT_NE(text.find("a list (repeatable)"), std::string::npos) << text;
  EXPECT_NE(text.find("--test "), std::string::npos) << text;
  EXPECT_NE(text.find("-h [ --help ]"), std::string::npos) << text;
}

}  // namespace
}  // namespace clearhouse::command_line
