#pragma once
// Loads the transaction-set specs (schemas/x12/*.json) once and hands out shared, immutable
// specs by transaction set and version. Errors are values: a catalog that failed to load
// says why.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/x12/spec/transaction_spec.hpp"

namespace clearhouse::x12::spec {

class SpecCatalog {
 public:
  // Loads every spec in dir (x12_spec.schema.json and code_tables.json are not specs).
  // On failure the catalog is empty and error() says which file and why.
  static std::shared_ptr<const SpecCatalog> load(const std::string& dir);

  const std::string& error() const { return error_; }
  bool ok() const { return error_.empty(); }
  const std::string& directory() const { return dir_; }

  // The spec for an ST01 (and GS08/ST03 version when known); nullptr when unsupported.
  const TransactionSpec* find(std::string_view transaction_set, std::string_view version = {}) const;
  const TransactionSpec* find_by_id(std::string_view id) const;
  // The spec a functional group carries (GS01 and GS08), nullptr when none; whether any spec
  // belongs to the functional group GS01 at all (a 277CA and a 277 response are both HN).
  const TransactionSpec* find_for_group(std::string_view functional_id, std::string_view version) const;
  bool supports_group(std::string_view functional_id) const;
  const EnvelopeSpec& envelope() const { return envelope_; }
  const std::vector<std::unique_ptr<TransactionSpec>>& transactions() const { return specs_; }

 private:
  std::string dir_;
  std::string error_;
  std::vector<std::unique_ptr<TransactionSpec>> specs_;
  EnvelopeSpec envelope_;
  std::vector<std::unique_ptr<CodeTable>> tables_;
};


}  // namespace clearhouse::x12::spec
