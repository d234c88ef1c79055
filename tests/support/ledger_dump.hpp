#pragma once
// Every row of every table of a SQLite ledger (schema included), each value quoted as SQLite
// quotes it, rows in rowid order: two ledgers that hold the same are the same text.

#include <string>

namespace clearhouse::testing {

std::string ledger_dump(const std::string& url);

}  // namespace clearhouse::testing
