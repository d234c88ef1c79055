#pragma once
// Code lists (`--code-set KIND=FILE`, the same kinds for every command): with a list, a code of
// the right format that is not on it is reported (submit rejects it; validate warns, or rejects
// with --strict-code-sets); without one, codes are checked by format only.
//
// File format, one for every kind: one code per line, the code being the line's first token (up
// to a blank, ',' or '|', so CMS code-and-description files and CSV or pipe exports work as they
// are); blank lines and lines starting with '#' are skipped; codes are upper-cased and ICD codes
// may carry their dot ("E11.9" is E119). Every code must have its kind's format.

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/codes/code_kind.hpp"

namespace clearhouse::codes {

// The codes of one list; looked up by string_view without allocating.
class CodeList {
 public:
  void add(std::string code) { codes_.insert(std::move(code)); }
  bool contains(std::string_view code) const { return codes_.find(code) != codes_.end(); }
  std::size_t size() const { return codes_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> codes_;
};

// The lists given for a run, one slot per kind.
class CodeLists {
 public:
  std::optional<CodeList>& of(CodeKind kind) { return lists_[static_cast<std::size_t>(kind)]; }
  const std::optional<CodeList>& of(CodeKind kind) const { return lists_[static_cast<std::size_t>(kind)]; }
  // The list of kind; nullptr when none was given.
  const CodeList* find(CodeKind kind) const {
    const auto& list = of(kind);
    return list ? &*list : nullptr;
  }
  // One warning per kind of `kinds` without a list, for a run's report.
  std::vector<std::string> missing_warnings(std::span<const CodeKind> kinds) const;

 private:
  std::array<std::optional<CodeList>, kCodeKinds.size()> lists_;
};

// Reads a code list file whose codes may be of any of `kinds` (two for the deprecated
// "procedure": CPT and HCPCS). nullopt with a precise error ("cpt.txt:12: '9921' is not a valid
// CPT procedure code (5 digits, or 4 digits and A, F, T, U or M) ...") when the file cannot be
// read, holds a line that is not such a code, or holds no code.
std::optional<CodeList> load_code_list(std::span<const CodeKind> kinds, const std::string& path, std::string& error);

// --code-set KIND=FILE: loads FILE into lists (into both CPT and HCPCS for "procedure"). False
// with error set for a malformed option, an unknown kind or a bad file. A deprecated kind name
// loads and sets `deprecation` to the sentence to print.
bool add_code_list_option(std::string_view option, CodeLists& lists, std::string& error, std::string& deprecation);

}  // namespace clearhouse::codes
