#pragma once
// --db URL, the ledger every command that reads or writes it opens (engine/ledger/ledger_url.hpp
// reads the URL; the default is ledger::default_ledger_url()).

#include "engine/command_line/args.hpp"

namespace clearhouse::command_line {

inline constexpr OptionSpec kDbOption{
    .name = "db", .value_name = "URL",
    .description = "the ledger: sqlite:FILE or postgresql://... (default sqlite:clearhouse.db, or $CLEARHOUSE_DB)"};

}  // namespace clearhouse::command_line
