// The command-line conventions every command shares, checked on the built binary for each
// command's option table: `--help`/`-h`/`help CMD` print the usage with every option and exit 0,
// `--version` prints the CMake project version, and argument errors exit 2 naming the option.
#include <gtest/gtest.h>

#include <cctype>
#include <regex>
#include <set>
#include <sstream>

#include "engine/command_line/version.hpp"
#include "tests/support/all_commands.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

using testing::all_commands;
using testing::long_flag;
using testing::run_clearhouse;

bool mentions(const std::string& text, const std::string& flag) {
  // "--submitter" must not count as found inside "--submitter-id".
  for (auto at = text.find(flag); at != std::string::npos; at = text.find(flag, at + 1)) {
    const auto next = at + flag.size();
    if (next == text.size() || !(std::isalnum(static_cast<unsigned char>(text[next])) || text[next] == '-')) return true;
  }
  return false;
}

TEST(CliHelp, EveryCommandPrintsItsUsageWithEveryOption) {
  for (const auto& c : all_commands()) {
    const std::string name(c.name);
    const auto help = run_clearhouse({name, "--help"});
    EXPECT_EQ(help.exit_code, 0) << name << ": " << help.err;
    EXPECT_TRUE(help.err.empty()) << name << ": " << help.err;
    ASSERT_FALSE(help.out.empty()) << name;
    EXPECT_EQ(help.out.rfind("usage: clearhouse " + name, 0), 0u) << help.out;
    EXPECT_NE(help.out.find(std::string(c.summary)), std::string::npos) << help.out;
    EXPECT_NE(help.out.find("docs/commands/" + name + ".md"), std::string::npos) << help.out;
    for (const auto& o : c.options) {
      EXPECT_TRUE(mentions(help.out, long_flag(o))) << name << " --help lacks " << long_flag(o) << "\n" << help.out;
      if (o.short_name != 0) {
        EXPECT_TRUE(mentions(help.out, std::string("-") + o.short_name)) << name;
      }
      EXPECT_FALSE(o.description.empty()) << name << " " << long_flag(o) << " has no description";
      EXPECT_NE(help.out.find(std::string(o.description.substr(0, 20))), std::string::npos)
          << name << " " << long_flag(o) << "\n" << help.out;
    }
    for (const auto& a : c.actions) EXPECT_NE(help.out.find(std::string(a.synopsis)), std::string::npos) << help.out;
    // -h and `clearhouse help CMD` say the same thing.
    const auto short_help = run_clearhouse({name, "-h"});
    EXPECT_EQ(short_help.exit_code, 0) << name;
    EXPECT_EQ(short_help.out, help.out) << name;
    const auto help_command = run_clearhouse({"help", name});
    EXPECT_EQ(help_command.exit_code, 0) << name;
    EXPECT_EQ(help_command.out, help.out) << name;
  }
}

TEST(CliHelp, HelpWinsOverMissingArguments) {
  // A command that needs FILE and --out still explains itself when asked.
  const auto r = run_clearhouse({"submit", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(run_clearhouse({"parse", "-h", "some-file"}).exit_code, 0);
}

TEST(CliHelp, EveryActionPrintsItsUsage) {
  int actions = 0;
  for (const auto& c : all_commands()) {
    for (const auto& a : c.actions) {
      ++actions;
      const std::string name(c.name), action(a.name);
      const auto help = run_clearhouse({name, action, "--help"});
      EXPECT_EQ(help.exit_code, 0) << name << " " << action << ": " << help.err;
      EXPECT_EQ(help.out.rfind("usage: clearhouse " + name + " " + std::string(a.synopsis), 0), 0u) << help.out;
      EXPECT_NE(help.out.find(std::string(a.summary)), std::string::npos) << help.out;
      EXPECT_NE(help.out.find("docs/commands/" + name + ".md"), std::string::npos) << help.out;
      ASSERT_FALSE(a.options.empty()) << name << " " << action;
      for (const auto option : a.options) {
        const auto* spec = [&]() -> const command_line::OptionSpec* {
          for (const auto& o : c.options)
            if (o.name == option) return &o;
          return nullptr;
        }();
        ASSERT_NE(spec, nullptr) << name << " " << action << " documents --" << option << ", not in the table";
        EXPECT_TRUE(mentions(help.out, long_flag(*spec))) << name << " " << action << " lacks --" << option;
      }
      EXPECT_EQ(run_clearhouse({"help", name, action}).out, help.out);
      EXPECT_EQ(run_clearhouse({name, action, "-h"}).out, help.out);
    }
  }
  EXPECT_EQ(actions, 5) << "worklist: resolve, assign, note, show, refresh";
  const auto bad = run_clearhouse({"help", "worklist", "frobnicate"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("frobnicate"), std::string::npos) << bad.err;
}

TEST(CliHelp, TheCommandListNamesExactlyTheRegisteredCommands) {
  std::set<std::string> expected;
  for (const auto& c : all_commands()) expected.insert(std::string(c.name));
  for (const std::vector<std::string>& argv : {std::vector<std::string>{"--help"}, {"-h"}, {"help"}}) {
    const auto r = run_clearhouse(argv);
    EXPECT_EQ(r.exit_code, 0) << argv[0];
    std::set<std::string> listed;
    const std::regex line(R"(^  ([a-z][a-z-]*) +\S)");  // names may have hyphens (status-inquiry)
    std::istringstream in(r.out);
    for (std::string l; std::getline(in, l);)
      if (std::smatch m; std::regex_search(l, m, line)) listed.insert(m[1]);
    EXPECT_EQ(listed, expected) << r.out;
  }
  const auto none = run_clearhouse({});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("usage: clearhouse <command>"), std::string::npos) << none.err;
  const auto unknown = run_clearhouse({"help", "frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown command 'frobnicate'"), std::string::npos) << unknown.err;
}

TEST(CliVersion, PrintsTheProjectVersionFromCMake) {
  const auto r = run_clearhouse({"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  // The version CMakeLists.txt declares is the one the binary prints.
  const std::string cmake = testing::read_file(testing::source_dir() / "CMakeLists.txt");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(cmake, m, std::regex(R"(project\(clearhouse VERSION ([0-9][0-9.]*))")));
  EXPECT_EQ(r.out, "clearhouse " + m[1].str() + "\n");
  EXPECT_EQ(std::string(command_line::version()), m[1].str());
}

TEST(CliErrors, AnUnknownOptionExits2NamingIt) {
  for (const auto& c : all_commands()) {
    const std::string name(c.name);
    const auto r = run_clearhouse({name, "--no-such-option"});
    EXPECT_EQ(r.exit_code, 2) << name;
    EXPECT_TRUE(r.out.empty()) << name << ": " << r.out;
    EXPECT_NE(r.err.find("clearhouse " + name + ": unknown option --no-such-option"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("usage: clearhouse " + name), std::string::npos) << r.err;
    const auto s = run_clearhouse({name, "-Z"});
    EXPECT_EQ(s.exit_code, 2) << name;
    EXPECT_NE(s.err.find("unknown option -Z"), std::string::npos) << s.err;
  }
  // An abbreviation is not the option it abbreviates.
  const auto guess = run_clearhouse({"parse", "x.835", "--form", "summary"});
  EXPECT_EQ(guess.exit_code, 2);
  EXPECT_NE(guess.err.find("unknown option --form"), std::string::npos) << guess.err;
}

TEST(CliErrors, ValuesMissingGivenToFlagsOrTwiceExit2NamingTheOption) {
  for (const auto& c : all_commands()) {
    const std::string name(c.name);
    for (const auto& o : c.options) {
      const std::string flag = long_flag(o);
      if (o.takes_value) {
        const auto missing = run_clearhouse({name, flag});
        EXPECT_EQ(missing.exit_code, 2) << name << " " << flag;
        EXPECT_NE(missing.err.find(flag + " needs a value"), std::string::npos) << name << ": " << missing.err;
        if (!o.repeatable) {
          const auto twice = run_clearhouse({name, flag, "a", flag + "=b"});
          EXPECT_EQ(twice.exit_code, 2) << name << " " << flag;
          EXPECT_NE(twice.err.find(flag + " given twice"), std::string::npos) << name << ": " << twice.err;
        }
      } else {
        const auto valued = run_clearhouse({name, flag + "=yes"});
        EXPECT_EQ(valued.exit_code, 2) << name << " " << flag;
        EXPECT_NE(valued.err.find(flag + " takes no value"), std::string::npos) << name << ": " << valued.err;
        const auto twice = run_clearhouse({name, flag, flag});
        EXPECT_EQ(twice.exit_code, 2) << name << " " << flag;
        EXPECT_NE(twice.err.find(flag + " given twice"), std::string::npos) << name << ": " << twice.err;
      }
    }
  }
  // A short alias is reported by its long name.
  const auto short_missing = run_clearhouse({"parse", "x.835", "-f"});
  EXPECT_EQ(short_missing.exit_code, 2);
  EXPECT_NE(short_missing.err.find("--format needs a value"), std::string::npos) << short_missing.err;
}

}  // namespace
}  // namespace clearhouse
