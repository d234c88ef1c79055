#pragma once
// What the routes work with: the "engine" of (request, engine) -> response. Settings, the
// ledger connections, the metrics, and the locks that keep whole-run operations apart.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "engine/model/date.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/service/ledger_pool.hpp"
#include "engine/service/metrics.hpp"

namespace clearhouse::service {

struct ServiceSettings {
  std::string ledger_url = "sqlite:clearhouse.db";
  std::filesystem::path batch_dir = "batches";  // POST /v1/claims writes 837 files here; GET /v1/batches reads them
  std::filesystem::path spool_dir;              // uploads land here while a request runs (default: a temp dir)
  std::filesystem::path web_dir;                // serve the page from here instead of the compiled-in copy
  std::uint64_t body_limit = 256ull << 20;      // X12 and JSON Lines uploads
  std::uint64_t json_body_limit = 1ull << 20;   // JSON request bodies (resolve, assign)
  std::uint64_t small_body_limit = 64ull << 10;  // bodies of routes that take none
  std::int64_t max_in_flight = 128;             // admitted requests at once; 503 beyond
  std::int64_t sqlite_cache_kb = 8192;          // page cache per SQLite connection (bounded memory)
  bool production = true;                       // ISA15 of the 837s the service writes
  std::string schemas_dir;                      // rules.json and codes/ (empty: $CLEARHOUSE_SCHEMAS or the source tree's)
  std::optional<model::Date> as_of;             // "today" for worklist ages and deadlines (default: the UTC date)
  // The service's clock (worklist ages, submit dates); tests pin it.
  std::function<std::chrono::system_clock::time_point()> now = [] { return std::chrono::system_clock::now(); };
};

class ServiceContext {
 public:
  // Loads the rules configuration (rules.json, codes/); throws std::runtime_error listing every
  // problem when it does not load. Read once: restart the service to apply an edit.
  explicit ServiceContext(ServiceSettings settings);

  const ServiceSettings& settings() const { return settings_; }
  const rules::RulesConfig& rules() const { return rules_; }
  // Today for aging: settings.as_of, else the UTC date of settings.now().
  model::Date today() const;
  // Now as the ledger stores it ("2024-06-01T09:30:00Z").
  std::string now_timestamp() const;
  LedgerPool& ledgers() { return ledgers_; }
  Metrics& metrics() { return metrics_; }
  // A submit run owns the batch directory while it runs (it finishes interrupted runs there
  // and renames files into it): one at a time.
  std::mutex& submit_mutex() { return submit_mutex_; }

 private:
  ServiceSettings settings_;
  rules::RulesConfig rules_;
  LedgerPool ledgers_;
  Metrics metrics_;
  std::mutex submit_mutex_;
};

}  // namespace clearhouse::service
