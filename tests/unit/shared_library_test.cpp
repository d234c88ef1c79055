// platform::SharedLibrary, and that clearhouse starts without the libraries it opens on first
// use (libpq, Pango/cairo): they were 5 of a command's 7 ms of start-up.
#include "platform/shared_library.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>

#include "tests/support/test_paths.hpp"

namespace clearhouse::platform {
namespace {

TEST(SharedLibrary, FindsAFunctionOfALibraryItOpens) {
  const SharedLibrary libc("libc.so.6");
  auto* length = libc.function<decltype(std::strlen)>("strlen");
  ASSERT_NE(length, nullptr);
  EXPECT_EQ(length("claim"), 5u);
}

TEST(SharedLibrary, AMissingLibraryIsAnErrorNamingIt) {
  try {
    SharedLibrary missing("libclearhouse-no-such-library.so.9");
    FAIL() << "opened a library that does not exist";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("libclearhouse-no-such-library.so.9"), std::string::npos) << e.what();
  }
}

TEST(SharedLibrary, AMissingFunctionIsAnErrorNamingIt) {
  const SharedLibrary libc("libc.so.6");
  try {
    libc.function<void()>("clearhouse_no_such_function");
    FAIL() << "found a function that does not exist";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("clearhouse_no_such_function"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("libc.so.6"), std::string::npos) << e.what();
  }
}

// The loader's own account of what a command loads (glibc's LD_DEBUG=files, on stderr).
TEST(SharedLibrary, ClearhouseStartsWithoutThePostgresAndPdfLibraries) {
  const auto run = testing::run_command("LD_DEBUG=files " + testing::shell_quote(testing::clearhouse_binary().string()) +
                                        " --version");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_NE(run.err.find("libc.so.6"), std::string::npos) << "LD_DEBUG gave no account of the libraries loaded";
  for (const char* library : {"libpq.so", "libpango", "libcairo", "libgobject", "libglib"})
    EXPECT_EQ(run.err.find(library), std::string::npos) << library << " is loaded at start-up";
}

}  // namespace
}  // namespace clearhouse::platform
