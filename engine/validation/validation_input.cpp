#include "engine/validation/validation_input.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "engine/command_line/code_set_options.hpp"
#include "engine/util/schemas_directory.hpp"
#include "parsers/x12/input_source.hpp"

namespace clearhouse::validation {

std::shared_ptr<const x12::spec::SpecCatalog> default_catalog() {
  static const auto catalog = x12::spec::SpecCatalog::load(util::schemas_directory() + "/x12");
  return catalog;
}

ValidationInput prepare_validation(const command_line::Args& args, const char* command) {
  ValidationInput in;
  in.catalog = default_catalog();
  if (!in.catalog->ok()) throw std::runtime_error("cannot load the implementation-guide specs: " + in.catalog->error());
  // The validator checks every kind (HI diagnoses and procedures, SV1/SVD/SVC, POS, CAS, LQ).
  if (!args.values("code-set").empty())
    in.code_sets = std::make_shared<const codes::CodeLists>(command_line::load_code_sets_for(args, command, codes::kCodeKinds));
  in.strict_code_sets = args.flag("strict-code-sets");
  return in;
}

std::optional<x12::spec::ValidationReport> validate_file(const std::string& path, const ValidationInput& input,
                                                         const x12::spec::ValidationOptions* options) {
  std::string error;
  auto source = x12::FileSource::open(path, error);
  if (!source) {
    fmt::print(stderr, "clearhouse: cannot read {}: {}\n", path, error);
    return std::nullopt;
  }
  x12::spec::ValidationOptions defaults;
  const x12::spec::ValidationOptions& o = options != nullptr ? *options : defaults;
  x12::spec::ValidationOptions with_sets = o;
  with_sets.code_sets = input.code_sets.get();
  with_sets.strict_code_sets = input.strict_code_sets;
  return x12::spec::validate_x12(*source, *input.catalog, with_sets);
}

}  // namespace clearhouse::validation
