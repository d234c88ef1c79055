#include "engine/codes/code_kind.hpp"

namespace clearhouse::codes {

std::string_view code_kind_name(CodeKind kind) {
  switch (kind) {
    case CodeKind::icd10cm: return "icd10cm";
    case CodeKind::icd9cm: return "icd9cm";
    case CodeKind::cpt: return "cpt";
    case CodeKind::hcpcs: return "hcpcs";
    case CodeKind::modifier: return "modifier";
    case CodeKind::pos: return "pos";
    case CodeKind::carc: return "carc";
    case CodeKind::rarc: return "rarc";
    case CodeKind::claim_status_category: return "stc_category";
    case CodeKind::claim_status: return "stc_status";
    case CodeKind::entity: return "entity";
  }
  return "";
}

std::string_view code_kind_label(CodeKind kind) {
  switch (kind) {
    case CodeKind::icd10cm: return "ICD-10-CM diagnosis";
    case CodeKind::icd9cm: return "ICD-9-CM diagnosis";
    case CodeKind::cpt: return "CPT procedure";
    case CodeKind::hcpcs: return "HCPCS Level II procedure";
    case CodeKind::modifier: return "procedure modifier";
    case CodeKind::pos: return "place of service";
    case CodeKind::carc: return "claim adjustment reason code";
    case CodeKind::rarc: return "remark code";
    case CodeKind::claim_status_category: return "claim status category code";
    case CodeKind::claim_status: return "claim status code";
    case CodeKind::entity: return "entity identifier code";
  }
  return "code";
}

std::optional<CodeKindSelection> select_code_kinds(std::string_view name) {
  for (CodeKind kind : kCodeKinds)
    if (name == code_kind_name(kind)) return CodeKindSelection{{kind}, {}};
  // Names earlier versions accepted: submit's icd10 and modifiers, validate's procedure.
  if (name == "icd10") return CodeKindSelection{{CodeKind::icd10cm}, "icd10cm=FILE"};
  if (name == "modifiers") return CodeKindSelection{{CodeKind::modifier}, "modifier=FILE"};
  if (name == "procedure")
    return CodeKindSelection{{CodeKind::cpt, CodeKind::hcpcs},
                             "cpt=FILE and hcpcs=FILE (this one list is consulted for both CPT and HCPCS codes)"};
  return std::nullopt;
}

std::string_view code_kind_names() { return "icd10cm, icd9cm, cpt, hcpcs, modifier, pos, carc, rarc, stc_category, stc_status or entity";
}

}  // namespace clearhouse::codes
