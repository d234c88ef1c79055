#pragma once
// The implementation-guide specs of this source tree, loaded once for the whole test binary.

#include <memory>

#include "parsers/x12/spec/spec_catalog.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {

inline std::shared_ptr<const x12::spec::SpecCatalog> spec_catalog() {
  static const auto catalog = x12::spec::SpecCatalog::load((source_dir() / "schemas" / "x12").string());
  return catalog;
}

}  // namespace clearhouse::testing
