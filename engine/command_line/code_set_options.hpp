#pragma once
// --code-set KIND=FILE (repeatable), read the same way by every command that checks codes
// (submit, validate, intake): the kinds and the file format are engine/codes' (code_lists.hpp).

#include <span>
#include <string>

#include "engine/codes/code_lists.hpp"
#include "engine/command_line/args.hpp"

namespace clearhouse::command_line {

inline OptionSpec code_set_option() { return {"code-set", 0, true, true}; }

// Loads every --code-set. `checked`: the kinds the command has codes of; a list of another kind
// is said on stderr to be unused. A deprecated kind name (icd10, modifiers, procedure) loads,
// with a warning on stderr. Throws UsageError for a malformed option, an unknown kind or a bad
// file.
codes::CodeLists load_code_sets_for(const Args& args, const char* command, std::span<const codes::CodeKind> checked);

}  // namespace clearhouse::command_line
