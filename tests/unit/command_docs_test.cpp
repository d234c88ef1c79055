// Each command's page under docs/commands/ mentions every option of the command's table (the
// table --help prints and the parser reads), and every action: the docs cannot drift from the
// options. The tables themselves are checked for what would make --help or parsing ambiguous.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <set>

#include "tests/support/all_commands.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

using testing::all_commands;
using testing::long_flag;

// "--submitter" must not count as found inside "--submitter-id".
bool mentions(const std::string& text, const std::string& flag) {
  for (auto at = text.find(flag); at != std::string::npos; at = text.find(flag, at + 1)) {
    const auto next = at + flag.size();
    if (next == text.size() || !(std::isalnum(static_cast<unsigned char>(text[next])) || text[next] == '-')) return true;
  }
  return false;
}

TEST(CommandDocs, EveryCommandHasAPageMentioningEveryOption) {
  for (const auto& c : all_commands()) {
    const auto page = testing::source_dir() / "docs" / "commands" / (std::string(c.name) + ".md");
    ASSERT_TRUE(std::filesystem::exists(page)) << page;
    const std::string text = testing::read_file(page);
    for (const auto& o : c.options) {
      EXPECT_TRUE(mentions(text, long_flag(o))) << page.filename() << " does not mention " << long_flag(o);
      if (o.short_name != 0) {
        EXPECT_TRUE(mentions(text, std::string("-") + o.short_name)) << page.filename() << " lacks -" << o.short_name;
      }
    }
    for (const auto& a : c.actions)
      EXPECT_NE(text.find(std::string(c.name) + " " + std::string(a.name)), std::string::npos)
          << page.filename() << " does not describe the action " << a.name;
  }
}

TEST(CommandDocs, OptionTablesAreUnambiguous) {
  for (const auto& c : all_commands()) {
    std::set<std::string_view> names;
    std::set<char> shorts;
    for (const auto& o : c.options) {
      EXPECT_TRUE(names.insert(o.name).second) << c.name << ": --" << o.name << " twice";
      EXPECT_NE(o.name, "help") << c.name << ": --help is every command's own";
      if (o.short_name != 0) {
        EXPECT_TRUE(shorts.insert(o.short_name).second) << c.name << ": -" << o.short_name << " twice";
        EXPECT_NE(o.short_name, 'h') << c.name << ": -h is --help";
      }
      EXPECT_FALSE(o.description.empty()) << c.name << ": --" << o.name;
      if (o.takes_value) {
        EXPECT_FALSE(o.value_name.empty()) << c.name << ": --" << o.name << " needs a value name";
      }
    }
    for (const auto& a : c.actions)
      for (const auto option : a.options)
        EXPECT_TRUE(names.count(option)) << c.name << " " << a.name << ": --" << option << " is not in the table";
  }
}

}  // namespace
}  // namespace clearhouse
