#include "engine/ledger/postgres/libpq.hpp"

#include <stdexcept>
#include <type_traits>

#include "engine/ledger/sql/connection.hpp"
#include "platform/shared_library.hpp"

namespace clearhouse::ledger::postgres {
namespace {

Libpq load() {
  try {
    static const platform::SharedLibrary library("libpq.so.5");
    Libpq pq;
#define CLEARHOUSE_LIBPQ_LOOKUP(name) pq.name = library.function<std::remove_pointer_t<decltype(pq.name)>>(#name);
    CLEARHOUSE_LIBPQ_FUNCTIONS(CLEARHOUSE_LIBPQ_LOOKUP)
#undef CLEARHOUSE_LIBPQ_LOOKUP
    return pq;
  } catch (const std::runtime_error& e) {
    throw LedgerError(std::string("postgresql: the PostgreSQL client library is needed for a postgresql:// ledger "
                                  "(Debian: apt-get install libpq5): ") + e.what());
  }
}

}  // namespace

const Libpq& libpq() {
  static const Libpq pq = load();
  return pq;
}

}  // namespace clearhouse::ledger::postgres
