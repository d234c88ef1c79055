#include "engine/ledger/session_settings.hpp"

#include <fmt/format.h>

namespace clearhouse::ledger {

void limit_page_cache(sql::Connection& c, std::int64_t kib) {
  if (c.dialect() != sql::Dialect::sqlite || kib <= 0) return;
  c.execute(fmt::format("PRAGMA cache_size=-{0}; PRAGMA temp.cache_size=-{0};", kib));
}

RelaxedDurability::RelaxedDurability(sql::Connection& c) : connection_(c) {
  if (c.dialect() == sql::Dialect::sqlite) c.execute("PRAGMA synchronous=NORMAL");
}

RelaxedDurability::~RelaxedDurability() {
  if (connection_.dialect() != sql::Dialect::sqlite) return;
  try {
    connection_.execute("PRAGMA synchronous=FULL");
  } catch (...) {
    // Destructors do not throw; a connection that cannot take a pragma fails its next statement.
  }
}

}  // namespace clearhouse::ledger
