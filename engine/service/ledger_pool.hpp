#pragma once
// Ledger connections for the service's worker threads. A Connection is not thread-safe, so
// each request borrows one for its duration; connections are opened on demand (SQLite: a file
// handle; PostgreSQL: a session) and kept for the next request. A connection whose request
// threw is dropped rather than returned (it may be mid-transaction).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"

namespace clearhouse::service {

class LedgerPool {
 public:
  // sqlite_cache_kb bounds each SQLite connection's page caches (main and temp): the service
  // keeps several connections open, so their sum stays bounded whatever the ledger's size.
  explicit LedgerPool(std::string url, std::size_t keep = 8, std::int64_t sqlite_cache_kb = 8192)
      : url_(std::move(url)), keep_(keep), sqlite_cache_kb_(sqlite_cache_kb) {}

  class Lease {
   public:
    Lease(LedgerPool& pool, std::unique_ptr<ledger::Ledger> ledger) : pool_(&pool), ledger_(std::move(ledger)) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), ledger_(std::move(o.ledger_)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    ledger::Ledger& operator*() { return *ledger_; }
    ledger::Ledger* operator->() { return ledger_.get(); }

   private:
    LedgerPool* pool_;
    std::unique_ptr<ledger::Ledger> ledger_;
    int exceptions_at_start_ = std::uncaught_exceptions();
  };

  // Throws ledger::LedgerError when a new connection cannot be opened.
  Lease acquire();
  const std::string& url() const { return url_; }

 private:
  void give_back(std::unique_ptr<ledger::Ledger> ledger);

  std::string url_;
  std::size_t keep_;
  std::int64_t sqlite_cache_kb_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<ledger::Ledger>> idle_;
};

}  // namespace clearhouse::service
