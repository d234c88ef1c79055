#pragma once
// Progress on stderr for long work, only when stderr is a terminal; at most a few updates a
// second, one line rewritten in place, cleared at the end.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace clearhouse::cli {

class Progress {
 public:
  // total_bytes 0 means unknown (stdin).
  Progress(std::string label, std::uint64_t total_bytes);
  ~Progress();
  void update(std::uint64_t bytes_done, std::uint64_t items_done);
  void finish();

 private:
  std::string label_;
  std::uint64_t total_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point started_, last_;
};

// With $CLEARHOUSE_PARTS_STATS set, one line on stderr saying how a file read with --jobs was
// read (parts taken from workers, parts read in order, where one stream began): for tests and
// measurements; the output itself is the same either way.
void report_parts(std::string_view command, std::uint64_t taken, std::uint64_t in_order, std::int64_t streamed_from);

// Size of a regular file, 0 otherwise.
std::uint64_t file_size_or_zero(const std::string& path);

}  // namespace clearhouse::cli
