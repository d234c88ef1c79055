#include "engine/command_line/jobs_option.hpp"

#include <charconv>
#include <string>

namespace clearhouse::command_line {

unsigned jobs_option(const Args& args, unsigned default_jobs) {
  const auto value = args.value("jobs");
  if (!value) return default_jobs < 1 ? 1 : default_jobs;
  unsigned n = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
  if (ec != std::errc{} || end != value->data() + value->size() || n < 1 || n > 1024)
    throw UsageError("--jobs must be a number from 1 to 1024, not '" + *value + "'");
  return n;
}

}  // namespace clearhouse::command_line
