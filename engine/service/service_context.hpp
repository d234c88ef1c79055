#pragma once
// What the routes work with: the "engine" of (request, engine) -> response. Settings, the
// ledger connections, the metrics, and the locks that keep whole-run operations apart.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>

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
  bool production = true;                       // ISA15 of the 837s the service writes
  // The service's clock (worklist ages, submit dates); tests pin it.
  std::function<std::chrono::system_clock::time_point()> now = [] { return std::chrono::system_clock::now(); };
};

class ServiceContext {
 public:
  explicit ServiceContext(ServiceSettings settings)
      : settings_(std::move(settings)), ledgers_(settings_.ledger_url) {}

  const ServiceSettings& settings() const { return settings_; }
  LedgerPool& ledgers() { return ledgers_; }
  Metrics& metrics() { return metrics_; }
  // A submit run owns the batch directory while it runs (it finishes interrupted runs there
  // and renames files into it): one at a time.
  std::mutex& submit_mutex() { return submit_mutex_; }

 private:
  ServiceSettings settings_;
  LedgerPool ledgers_;
  Metrics metrics_;
  std::mutex submit_mutex_;
};

}  // namespace clearhouse::service
