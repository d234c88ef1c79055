#include "engine/ledger/ledger_url.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace clearhouse::ledger {

LedgerUrl parse_ledger_url(std::string_view url) {
  if (url.starts_with("sqlite:")) {
    std::string_view path = url.substr(7);
    if (path.starts_with("//")) path.remove_prefix(2);  // sqlite://PATH as a courtesy
    if (path.empty()) throw LedgerUrlError(fmt::format("ledger URL '{}' names no file (use sqlite:PATH)", url));
    return {sql::Dialect::sqlite, std::string(path)};
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return {sql::Dialect::postgresql, std::string(url)};
  throw LedgerUrlError(
      fmt::format("unknown ledger URL '{}' (expected sqlite:PATH or postgresql://...)", url));
}

std::string default_ledger_url() {
  if (const char* env = std::getenv("CLEARHOUSE_DB"); env != nullptr && *env != '\0') return env;
  return std::string(kDefaultLedgerUrl);
}

}  // namespace clearhouse::ledger
