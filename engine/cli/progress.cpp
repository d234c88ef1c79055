#include "engine/cli/progress.hpp"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

namespace clearhouse::cli {

Progress::Progress(std::string label, std::uint64_t total_bytes)
    : label_(std::move(label)), total_(total_bytes), enabled_(::isatty(STDERR_FILENO) == 1),
      started_(std::chrono::steady_clock::now()), last_(started_) {}

Progress::~Progress() { finish(); }

void Progress::update(std::uint64_t bytes_done, std::uint64_t items_done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  const double mb = static_cast<double>(bytes_done) / 1e6;
  if (total_ > 0) {
    fmt::print(stderr, "\r{}: {:.0f}/{:.0f} MB ({:.0f}%), {} items   ", label_, mb, static_cast<double>(total_) / 1e6,
               100.0 * static_cast<double>(bytes_done) / static_cast<double>(total_), items_done);
  } else {
    fmt::print(stderr, "\r{}: {:.0f} MB, {} items   ", label_, mb, items_done);
  }
  shown_ = true;
}

void Progress::finish() {
  if (shown_) fmt::print(stderr, "\r\033[K");
  shown_ = false;
}

std::uint64_t file_size_or_zero(const std::string& path) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  return static_cast<std::uint64_t>(st.st_size);
}

}  // namespace clearhouse::cli

namespace clearhouse::cli {

void report_parts(std::string_view command, std::uint64_t taken, std::uint64_t in_order, std::int64_t streamed_from) {
  if (std::getenv("CLEARHOUSE_PARTS_STATS") == nullptr) return;
  std::fprintf(stderr, "clearhouse %.*s: parts taken %llu, read in order %llu, one stream from byte %lld\n",
               static_cast<int>(command.size()), command.data(), static_cast<unsigned long long>(taken),
               static_cast<unsigned long long>(in_order), static_cast<long long>(streamed_from));
}

}  // namespace clearhouse::cli
