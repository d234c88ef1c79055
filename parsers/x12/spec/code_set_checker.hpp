#pragma once
// SNIP 5 external code sets. By format always: ICD-10-CM / ICD-9-CM diagnoses (HI), CPT and
// HCPCS procedures (SV1, SVD, SVC, HI BP/BO), modifiers, place of service, claim adjustment
// reason codes (CARC) and remark codes (RARC). By list when a code-set file is given: an
// unknown code is a warning (accepted with errors) unless strict lists are asked for.

#include <map>
#include <string>
#include <unordered_set>

#include "parsers/x12/spec/segment_context.hpp"

namespace clearhouse::x12::spec {

// Code lists loaded from files: name (icd10cm, icd9cm, procedure, modifier, pos, carc, rarc)
// -> codes. Immutable once built, shared between validators.
struct CodeSetLists {
  std::map<std::string, std::unordered_set<std::string>> lists;
  bool strict = false;  // unknown codes are errors instead of warnings

  // Reads one code per line (the first field before whitespace, ',' or '|'; '#' comments;
  // dots removed so that "E11.9" and "E119" are the same code). Returns false with error set.
  bool load(const std::string& name, const std::string& path, std::string& error);
  const std::unordered_set<std::string>* find(const std::string& name) const;
};

// The code set names accepted by --code-set.
bool is_known_code_set(const std::string& name);

class CodeSetChecker {
 public:
  explicit CodeSetChecker(const CodeSetLists* lists = nullptr) : lists_(lists) {}
  void on_segment(const SegmentContext& ctx, FindingSink& sink) const;

 private:
  // Checks one code of a set: format first (error), then list membership (warning).
  void check(const SegmentContext& ctx, FindingSink& sink, std::string_view set, std::string_view code,
             int element, int component) const;
  const CodeSetLists* lists_;
};

}  // namespace clearhouse::x12::spec
