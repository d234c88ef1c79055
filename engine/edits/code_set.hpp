#pragma once
// Optional code lists (`--code-set icd10cm=FILE`, cpt=, hcpcs=, modifier=): with a list, a code
// of the right format that is not on it is a rejection; without one, codes are checked by
// format only (and the run says so in its warnings).
//
// File format: one code per line, the code being the line's first blank-separated token (so the
// CMS ICD-10-CM "order" and code-description files work as they are); ICD-10-CM codes may carry
// their dot; blank lines and lines starting with '#' are ignored.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace clearhouse::edits {

enum class CodeSetKind { icd10cm, cpt, hcpcs, modifier };

class CodeSet {
 public:
  void add(std::string_view code) { codes_.emplace(code); }
  bool contains(std::string_view code) const { return codes_.count(std::string(code)) != 0; }
  std::size_t size() const { return codes_.size(); }

 private:
  std::unordered_set<std::string> codes_;
};

struct CodeSets {
  std::optional<CodeSet> icd10cm, cpt, hcpcs, modifier;
  std::optional<CodeSet>& of(CodeSetKind kind);
  const std::optional<CodeSet>& of(CodeSetKind kind) const;
  // One warning per kind without a list, for the run's report.
  std::vector<std::string> missing_warnings() const;
};

std::optional<CodeSetKind> code_set_kind(std::string_view name);
std::string_view code_set_name(CodeSetKind kind);

// Loads a list; nullopt with error set when the file cannot be read or holds no code.
std::optional<CodeSet> load_code_set(CodeSetKind kind, const std::string& path, std::string& error);
// Parses "KIND=FILE" and loads it into sets; false with error set otherwise.
bool load_code_set_option(std::string_view option, CodeSets& sets, std::string& error);

}  // namespace clearhouse::edits
