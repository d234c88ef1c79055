#pragma once
// The kinds of external code clearhouse checks, with the one set of names every command's
// `--code-set KIND=FILE` uses (submit, validate, intake).

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace clearhouse::codes {

enum class CodeKind : std::uint8_t {
  icd10cm,   // ICD-10-CM diagnosis
  icd9cm,    // ICD-9-CM diagnosis (old claims)
  cpt,       // CPT procedure (HCPCS Level I)
  hcpcs,     // HCPCS Level II procedure
  modifier,  // procedure modifier
  pos,       // place of service
  carc,      // claim adjustment reason code
  rarc,      // remittance advice remark code
  // What a 277/277CA STC says (the code sources 507, 508 and data element 98):
  claim_status_category,  // STC01-01, "A7": the claim status category
  claim_status,           // STC01-02, "33": the claim status
  entity,                 // STC01-03, "PR": the entity the status is about
};

inline constexpr std::array<CodeKind, 11> kCodeKinds = {
    CodeKind::icd10cm, CodeKind::icd9cm, CodeKind::cpt,  CodeKind::hcpcs,
    CodeKind::modifier, CodeKind::pos,   CodeKind::carc, CodeKind::rarc,
    CodeKind::claim_status_category, CodeKind::claim_status, CodeKind::entity};

std::string_view code_kind_name(CodeKind kind);   // "icd10cm": the --code-set name
std::string_view code_kind_label(CodeKind kind);  // "ICD-10-CM diagnosis": what a biller reads
// Diagnoses are health information: never echoed in messages or acknowledgments.
inline bool is_diagnosis(CodeKind kind) { return kind == CodeKind::icd10cm || kind == CodeKind::icd9cm; }

// What a --code-set name selects: one kind, or, for the deprecated "procedure", the CPT and the
// HCPCS kinds (one list consulted for both). `replacement` is set for a deprecated name.
struct CodeKindSelection {
  std::vector<CodeKind> kinds;
  std::string_view replacement;  // what to write instead: "icd10cm=FILE" for "icd10"
};
std::optional<CodeKindSelection> select_code_kinds(std::string_view name);
// "icd10cm, icd9cm, cpt, hcpcs, modifier, pos, carc, rarc, stc_category, stc_status or entity": for usage texts and errors.
std::string_view code_kind_names();

}  // namespace clearhouse::codes
