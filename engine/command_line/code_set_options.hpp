#pragma once
// --code-set KIND=FILE (repeatable), read the same way by every command that checks codes
// (submit, validate, intake): the kinds and the file format are engine/codes' (code_lists.hpp).

#include <span>
#include <string>

#include "engine/codes/code_lists.hpp"
#include "engine/command_line/args.hpp"

namespace clearhouse::command_line {

inline constexpr OptionSpec kCodeSetOption{
    .name = "code-set", .repeatable = true, .value_name = "KIND=FILE",
    .description = "a code list, one code per line; KIND: icd10cm, icd9cm, cpt, hcpcs, modifier, pos, carc, rarc, "
                   "stc_category, stc_status or entity"};
inline constexpr OptionSpec kStrictCodeSetsOption{
    .name = "strict-code-sets", .takes_value = false,
    .description = "a code missing from a --code-set list is an error, not a warning"};

// Loads every --code-set. `checked`: the kinds the command has codes of; a list of another kind
// is said on stderr to be unused. A deprecated kind name (icd10, modifiers, procedure) loads,
// with a warning on stderr. Throws UsageError for a malformed option, an unknown kind or a bad
// file.
codes::CodeLists load_code_sets_for(const Args& args, const char* command, std::span<const codes::CodeKind> checked);

}  // namespace clearhouse::command_line
