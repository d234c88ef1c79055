#include "tests/support/test_paths.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace clearhouse::testing {
namespace fs = std::filesystem;

fs::path source_dir() { return CLEARHOUSE_SOURCE_DIR; }
fs::path build_dir() { return CLEARHOUSE_BUILD_DIR; }
fs::path clearhouse_binary() { return CLEARHOUSE_BINARY; }

std::optional<fs::path> corpus_dir() {
  if (const char* env = std::getenv("CLEARHOUSE_CORPUS"); env != nullptr && *env != '\0') {
    if (fs::is_directory(env)) return fs::path(env);
    return std::nullopt;
  }
  const fs::path beside = source_dir().parent_path() / "shared" / "corpus";
  if (fs::is_directory(beside)) return beside;
  return std::nullopt;
}

std::optional<fs::path> shared_tools_dir() {
  const fs::path beside = source_dir().parent_path() / "shared" / "tools";
  if (fs::exists(beside / "corpus_check.py")) return beside;
  if (auto corpus = corpus_dir(); corpus && fs::exists(corpus->parent_path() / "tools" / "corpus_check.py"))
    return corpus->parent_path() / "tools";
  return std::nullopt;
}

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> out;
  auto root = corpus_dir();
  if (!root) return out;
  for (const auto& entry : fs::recursive_directory_iterator(*root)) {
    if (!entry.is_regular_file()) continue;
    const auto rel = fs::relative(entry.path(), *root).string();
    if (rel.rfind("licenses", 0) == 0 || entry.path().filename() == "MANIFEST.md") continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

fs::path scratch_dir(const std::string& name) {
  // ctest runs each test case as its own process, several at once: the pid keeps them apart.
  const fs::path dir = build_dir() / "test-scratch" / (name + "-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir);
  return dir;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  out += "'";
  return out;
}

CommandResult run_command(const std::string& command_line) {
  static int counter = 0;
  const fs::path err_file = build_dir() / "test-scratch" / ("stderr-" + std::to_string(::getpid()) + "-" +
                                                              std::to_string(counter++) + ".txt");
  fs::create_directories(err_file.parent_path());
  CommandResult r;
  const std::string full = command_line + " 2>" + shell_quote(err_file.string());
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 65536> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  r.err = read_file(err_file);
  std::error_code ec;
  fs::remove(err_file, ec);
  return r;
}

CommandResult run_clearhouse(const std::vector<std::string>& args, const std::string& stdin_file) {
  std::string cmd = shell_quote(clearhouse_binary().string());
  for (const auto& a : args) cmd += " " + shell_quote(a);
  if (!stdin_file.empty()) cmd += " <" + shell_quote(stdin_file);
  return run_command(cmd);
}

}  // namespace clearhouse::testing
