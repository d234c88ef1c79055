#include "engine/service/ledger_pool.hpp"

#include "engine/ledger/session_settings.hpp"

namespace clearhouse::service {

LedgerPool::Lease::~Lease() {
  if (pool_ == nullptr || !ledger_) return;
  // Unwinding from a failure: the connection may hold a half-done transaction; drop it.
  if (std::uncaught_exceptions() > exceptions_at_start_ || ledger_->connection().in_transaction()) return;
  pool_->give_back(std::move(ledger_));
}

LedgerPool::Lease LedgerPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto l = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(l));
    }
  }
  auto ledger = ledger::open_ledger(url_);
  ledger::limit_page_cache(ledger->connection(), sqlite_cache_kb_);
  return Lease(*this, std::move(ledger));
}

void LedgerPool::give_back(std::unique_ptr<ledger::Ledger> ledger) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < keep_) idle_.push_back(std::move(ledger));
}

}  // namespace clearhouse::service
