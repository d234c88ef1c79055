#include "engine/validation/validation_input.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "engine/util/schemas_directory.hpp"
#include "parsers/x12/input_source.hpp"

namespace clearhouse::validation {

std::shared_ptr<const x12::spec::SpecCatalog> default_catalog() {
  static const auto catalog = x12::spec::SpecCatalog::load(util::schemas_directory() + "/x12");
  return catalog;
}

ValidationInput prepare_validation(const command_line::Args& args, const char* usage) {
  ValidationInput in;
  in.catalog = default_catalog();
  if (!in.catalog->ok()) throw std::runtime_error("cannot load the implementation-guide specs: " + in.catalog->error());
  const auto sets = args.values("code-set");
  if (!sets.empty() || args.flag("strict-code-sets")) {
    in.code_sets = std::make_shared<x12::spec::CodeSetLists>();
    in.code_sets->strict = args.flag("strict-code-sets");
    for (const auto& spec : sets) {
      const auto eq = spec.find('=');
      if (eq == std::string::npos) throw command_line::UsageError(fmt::format("--code-set wants NAME=FILE, got '{}'\n{}", spec, usage));
      std::string error;
      if (!in.code_sets->load(spec.substr(0, eq), spec.substr(eq + 1), error)) throw command_line::UsageError(error);
    }
  }
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
  return x12::spec::validate_x12(*source, *input.catalog, with_sets);
}

}  // namespace clearhouse::validation
