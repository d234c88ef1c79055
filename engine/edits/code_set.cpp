#include "engine/edits/code_set.hpp"

#include <fmt/format.h>

#include <fstream>

#include "engine/edits/code_formats.hpp"

namespace clearhouse::edits {

std::optional<CodeSet>& CodeSets::of(CodeSetKind kind) {
  switch (kind) {
    case CodeSetKind::icd10cm: return icd10cm;
    case CodeSetKind::cpt: return cpt;
    case CodeSetKind::hcpcs: return hcpcs;
    case CodeSetKind::modifier: return modifier;
  }
  return icd10cm;
}

const std::optional<CodeSet>& CodeSets::of(CodeSetKind kind) const {
  return const_cast<CodeSets*>(this)->of(kind);
}

std::vector<std::string> CodeSets::missing_warnings() const {
  std::vector<std::string> out;
  for (auto kind : {CodeSetKind::icd10cm, CodeSetKind::cpt, CodeSetKind::hcpcs, CodeSetKind::modifier})
    if (!of(kind))
      out.push_back(fmt::format("no {} code set given (--code-set {}=FILE): those codes were checked by format only",
                                code_set_name(kind), code_set_name(kind)));
  return out;
}

std::optional<CodeSetKind> code_set_kind(std::string_view name) {
  if (name == "icd10cm" || name == "icd10") return CodeSetKind::icd10cm;
  if (name == "cpt") return CodeSetKind::cpt;
  if (name == "hcpcs") return CodeSetKind::hcpcs;
  if (name == "modifier" || name == "modifiers") return CodeSetKind::modifier;
  return std::nullopt;
}

std::string_view code_set_name(CodeSetKind kind) {
  switch (kind) {
    case CodeSetKind::icd10cm: return "icd10cm";
    case CodeSetKind::cpt: return "cpt";
    case CodeSetKind::hcpcs: return "hcpcs";
    case CodeSetKind::modifier: return "modifier";
  }
  return "";
}

std::optional<CodeSet> load_code_set(CodeSetKind kind, const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = fmt::format("cannot read code set file {}", path);
    return std::nullopt;
  }
  CodeSet set;
  std::string line;
  while (std::getline(in, line)) {
    std::string_view v(line);
    const auto start = v.find_first_not_of(" \t\r");
    if (start == std::string_view::npos || v[start] == '#') continue;
    v.remove_prefix(start);
    v = v.substr(0, v.find_first_of(" \t\r,"));
    set.add(kind == CodeSetKind::icd10cm ? normalize_icd10cm(v) : to_upper(v));
  }
  if (set.size() == 0) {
    error = fmt::format("code set file {} holds no code", path);
    return std::nullopt;
  }
  return set;
}

bool load_code_set_option(std::string_view option, CodeSets& sets, std::string& error) {
  const auto eq = option.find('=');
  const auto kind = eq == std::string_view::npos ? std::nullopt : code_set_kind(option.substr(0, eq));
  if (!kind) {
    error = fmt::format("--code-set expects KIND=FILE with KIND icd10cm, cpt, hcpcs or modifier, got '{}'", option);
    return false;
  }
  auto set = load_code_set(*kind, std::string(option.substr(eq + 1)), error);
  if (!set) return false;
  sets.of(*kind) = std::move(*set);
  return true;
}

}  // namespace clearhouse::edits
