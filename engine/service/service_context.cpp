#include "engine/service/service_context.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "engine/util/schemas_directory.hpp"
#include "engine/util/timestamp.hpp"

namespace clearhouse::service {
namespace {

rules::RulesConfig load_rules(const std::string& schemas_dir) {
  const std::string dir = util::schemas_directory(schemas_dir);
  auto load = rules::load_rules_config(dir);
  if (!load.config) {
    std::string problems;
    for (const auto& e : load.errors) problems += "\n  " + e;
    throw std::runtime_error(fmt::format("the rules configuration in {} does not load:{}", dir, problems));
  }
  return std::move(*load.config);
}

}  // namespace

ServiceContext::ServiceContext(ServiceSettings settings)
    : settings_(std::move(settings)), rules_(load_rules(settings_.schemas_dir)), ledgers_(settings_.ledger_url, 8, settings_.sqlite_cache_kb) {}

model::Date ServiceContext::today() const {
  if (settings_.as_of) return *settings_.as_of;
  const auto days = std::chrono::floor<std::chrono::days>(settings_.now());
  return model::Date::from_days_since_epoch(static_cast<std::int32_t>(days.time_since_epoch().count()));
}

std::string ServiceContext::now_timestamp() const { return util::utc_timestamp(settings_.now()); }

}  // namespace clearhouse::service
