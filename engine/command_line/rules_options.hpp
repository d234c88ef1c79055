#pragma once
// Options shared by the commands that run the rules or read the worklist:
//   --schemas DIR   the schemas directory (else $CLEARHOUSE_SCHEMAS, else the source tree's)
//   --as-of DATE    "today" for aging and deadlines (YYYY-MM-DD; else $CLEARHOUSE_TODAY, else
//                   the UTC date): the injectable clock that makes runs reproducible
//   --by NAME       who is acting (else $CLEARHOUSE_USER, else $USER)

#include <string>

#include "engine/command_line/args.hpp"
#include "engine/model/date.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::command_line {

// The option specs to add to a command's table.
inline constexpr OptionSpec kSchemasOption{
    .name = "schemas", .value_name = "DIR",
    .description = "the schemas directory: rules.json, codes/ (else $CLEARHOUSE_SCHEMAS, else the source tree's)"};
inline constexpr OptionSpec kAsOfOption{
    .name = "as-of", .value_name = "YYYY-MM-DD",
    .description = "today, for ages and deadlines (else $CLEARHOUSE_TODAY, else the UTC date)"};
inline constexpr OptionSpec kByOption{
    .name = "by", .value_name = "NAME", .description = "who is acting (else $CLEARHOUSE_USER, else $USER)"};

// Loads and validates the configuration; prints every problem and throws std::runtime_error
// (exit 1) when it does not load. Warnings go to stderr.
rules::RulesConfig load_rules_for(const Args& args, const char* command);
// Throws UsageError for a malformed --as-of or $CLEARHOUSE_TODAY.
model::Date today_for(const Args& args);
std::string actor_for(const Args& args);

}  // namespace clearhouse::command_line
