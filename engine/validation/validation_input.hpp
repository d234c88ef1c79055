#pragma once
// What validate and intake share: the spec catalog (loaded once), the code lists of
// --code-set KIND=FILE (engine/command_line/code_set_options.hpp) and --strict-code-sets, and
// running the validator over a file or stdin.

#include <memory>
#include <optional>
#include <string>

#include "engine/command_line/args.hpp"
#include "parsers/x12/spec/file_validator.hpp"
#include "parsers/x12/spec/spec_catalog.hpp"

namespace clearhouse::validation {

struct ValidationInput {
  std::shared_ptr<const x12::spec::SpecCatalog> catalog;
  std::shared_ptr<const codes::CodeLists> code_sets;  // null when none given
  bool strict_code_sets = false;                       // a code not on its list is an error
};

// The specs of this build (schemas/x12 in the source tree, or $CLEARHOUSE_SCHEMAS/x12).
std::shared_ptr<const x12::spec::SpecCatalog> default_catalog();

// Loads the catalog and --code-set files; throws UsageError for a bad --code-set. command:
// "validate" or "intake", for warnings.
ValidationInput prepare_validation(const command_line::Args& args, const char* command);

// Validates path ("-" = stdin); nullopt (after printing why) when it cannot be read.
std::optional<x12::spec::ValidationReport> validate_file(const std::string& path, const ValidationInput& input,
                                                         const x12::spec::ValidationOptions* options = nullptr);

}  // namespace clearhouse::validation
