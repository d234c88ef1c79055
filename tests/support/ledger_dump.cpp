#include "tests/support/ledger_dump.hpp"

#include <fmt/format.h>

#include <vector>

#include "engine/ledger/ledger.hpp"

namespace clearhouse::testing {

std::string ledger_dump(const std::string& url) {
  auto ledger = ledger::open_ledger(url);
  auto& c = ledger->connection();
  std::string out;
  std::vector<std::string> tables;
  auto q = c.prepare("SELECT name, sql FROM sqlite_master ORDER BY type, name");
  while (q->step()) {
    out += q->column_text(0) + ": " + q->column_text(1) + "\n";
    tables.push_back(q->column_text(0));
  }
  q->reset();
  for (const auto& table : tables) {
    auto kind = c.prepare("SELECT type FROM sqlite_master WHERE name = ?");
    kind->bind(1, table);
    const bool is_table = kind->step() && kind->column_text(0) == "table";
    kind->reset();
    if (!is_table) continue;
    std::string columns;
    auto info = c.prepare(fmt::format("PRAGMA table_info(\"{}\")", table));
    while (info->step()) columns += (columns.empty() ? "" : " || '|' || ") + fmt::format("quote(\"{}\")", info->column_text(1));
    info->reset();
    auto rows = c.prepare(fmt::format("SELECT {} FROM \"{}\" ORDER BY rowid", columns, table));
    out += "== " + table + "\n";
    while (rows->step()) out += rows->column_text(0) + "\n";
    rows->reset();
  }
  return out;
}

}  // namespace clearhouse::testing
