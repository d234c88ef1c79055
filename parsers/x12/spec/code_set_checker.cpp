#include "parsers/x12/spec/code_set_checker.hpp"

#include "engine/codes/code_formats.hpp"
#include "engine/codes/npi.hpp"

namespace clearhouse::x12::spec {
namespace {

using codes::CodeKind;

// The code kind of a health-care code composite (HI) by its qualifier; nullopt for others.
std::optional<CodeKind> hi_kind(std::string_view qualifier) {
  if (qualifier == "ABK" || qualifier == "ABF" || qualifier == "ABJ" || qualifier == "ABN") return CodeKind::icd10cm;
  if (qualifier == "BK" || qualifier == "BF" || qualifier == "BJ" || qualifier == "BN") return CodeKind::icd9cm;
  return std::nullopt;
}
bool hi_procedure(std::string_view qualifier) { return qualifier == "BP" || qualifier == "BO"; }

}  // namespace

void CodeSetChecker::report_unlisted(const SegmentContext& ctx, FindingSink& sink, CodeKind kind, std::string_view code,
                                     int element, int component) const {
  if (lists_ == nullptr) return;
  const codes::CodeList* list = lists_->find(kind);
  if (list == nullptr || list->contains(code)) return;
  // Codes are not personal data except diagnoses: those are never echoed.
  sink.element_finding(ctx.ref(), element_ref(ctx, element, component), "7", model::SnipLevel::code_set,
                       codes::is_diagnosis(kind) ? std::string_view{} : code,
                       std::string(codes::code_kind_label(kind)) + " code not in the " +
                           std::string(codes::code_kind_name(kind)) + " code set",
                       strict_ ? model::FindingSeverity::error : model::FindingSeverity::warning);
}

void CodeSetChecker::check(const SegmentContext& ctx, FindingSink& sink, CodeKind kind, std::string_view code,
                           int element, int component) const {
  if (code.empty()) return;
  if (!codes::matches_format(kind, code)) {
    sink.element_finding(ctx.ref(), element_ref(ctx, element, component), "7", model::SnipLevel::code_set,
                         codes::is_diagnosis(kind) ? std::string_view{} : code,
                         "not a valid " + std::string(codes::code_kind_label(kind)) + " code: expected " +
                             std::string(codes::expected_format(kind)));
    return;
  }
  report_unlisted(ctx, sink, kind, code, element, component);
}

void CodeSetChecker::check_procedure(const SegmentContext& ctx, FindingSink& sink, std::string_view code, int element,
                                     int component) const {
  if (code.empty()) return;
  const auto kind = codes::procedure_code_kind(code);
  if (!kind) {
    sink.element_finding(ctx.ref(), element_ref(ctx, element, component), "7", model::SnipLevel::code_set, code,
                         "not a valid procedure code: expected " + std::string(codes::expected_procedure_format()));
    return;
  }
  report_unlisted(ctx, sink, *kind, code, element, component);
}

void CodeSetChecker::check_npi(const SegmentContext& ctx, FindingSink& sink, std::string_view npi, int element) const {
  if (npi.empty()) return;  // a missing identifier is the element validator's (usage, syntax rules)
  if (codes::is_valid_npi(npi)) return;
  // An NPI identifies a provider, not a patient: echoed so the sender can find it.
  sink.element_finding(ctx.ref(), element_ref(ctx, element), "7", model::SnipLevel::code_set, npi,
                       "not a valid NPI: " + codes::npi_problem(npi));
}

void CodeSetChecker::check_segment(const SegmentContext& ctx, FindingSink& sink) const {
  const Segment& s = ctx.segment;
  // Identifiers the specs qualify as NPIs (NM108/N103 XX, REF01 HPI).
  for (const auto& slot : ctx.spec->npi_slots)
    if (same_code(s[slot.qualifier], slot.code)) check_npi(ctx, sink, s[slot.identifier], slot.identifier);
  if (ctx.is(segment_key("HI"))) {
    for (std::size_t i = 1; i <= s.size(); ++i) {
      const std::string_view qualifier = s.component(i, 1);
      if (const auto kind = hi_kind(qualifier)) check(ctx, sink, *kind, s.component(i, 2), static_cast<int>(i), 2);
      else if (hi_procedure(qualifier)) check_procedure(ctx, sink, s.component(i, 2), static_cast<int>(i), 2);
    }
    return;
  }
  // Procedure composites: SV101, SVD03, SVC01/SVC06 with qualifier HC.
  if (const int composite = procedure_composite(ctx.key); composite != 0) {
    for (int c : {composite, ctx.is(segment_key("SVC")) ? 6 : 0}) {
      if (c == 0) continue;
      // The composite read once, part by part: qualifier, code, modifiers 1-4 (components 1 to
      // 6). No array of parts: zeroing one took a `rep stos`, slower than all the checks here.
      int k = 0;
      for (std::string_view part : Split(s[static_cast<std::size_t>(c)], s.delimiters().component)) {
        ++k;
        if (k == 1 && part != "HC") break;
        if (k == 2) check_procedure(ctx, sink, part, c, 2);
        if (k >= 3 && !part.empty()) check(ctx, sink, CodeKind::modifier, part, c, k);
        if (k == 6) break;
      }
    }
  }
  // Elements the specs tie to a code set (place of service, CARC, RARC); most are empty.
  for (const auto& slot : ctx.spec->code_set_slots) {
    const std::string_view code = slot.component == 0 ? s[slot.element] : s.component(slot.element, slot.component);
    if (!code.empty()) check(ctx, sink, slot.kind, code, slot.element, slot.component);
  }
}

}  // namespace clearhouse::x12::spec
