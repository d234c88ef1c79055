#include "engine/command_line/rules_options.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>

#include "engine/util/schemas_directory.hpp"

namespace clearhouse::command_line {

rules::RulesConfig load_rules_for(const Args& args, const char* command) {
  const std::string dir = util::schemas_directory(args.value_or("schemas", ""));
  auto load = rules::load_rules_config(dir);
  for (const auto& w : load.warnings) fmt::print(stderr, "clearhouse {}: warning: {}\n", command, w);
  if (!load.config) {
    for (const auto& e : load.errors) fmt::print(stderr, "clearhouse {}: {}\n", command, e);
    throw std::runtime_error(fmt::format("the rules configuration in {} does not load ({} problem(s))", dir,
                                         load.errors.size()));
  }
  return std::move(*load.config);
}

model::Date today_for(const Args& args) {
  std::string text = args.value_or("as-of", "");
  const char* source = "--as-of";
  if (text.empty()) {
    if (const char* env = std::getenv("CLEARHOUSE_TODAY"); env != nullptr && *env != '\0') {
      text = env;
      source = "CLEARHOUSE_TODAY";
    }
  }
  if (!text.empty()) {
    const auto d = model::Date::parse_iso(text);
    if (!d) throw UsageError(fmt::format("{} must be a date YYYY-MM-DD, not '{}'", source, text));
    return *d;
  }
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return model::Date::from_days_since_epoch(static_cast<std::int32_t>(days.time_since_epoch().count()));
}

std::string actor_for(const Args& args) {
  if (auto by = args.value("by"); by && !by->empty()) return *by;
  for (const char* name : {"CLEARHOUSE_USER", "USER"})
    if (const char* env = std::getenv(name); env != nullptr && *env != '\0') return env;
  return "cli";
}

}  // namespace clearhouse::command_line
