#pragma once
// SNIP 5 external code sets and identifiers, by the rules of engine/codes (the same ones the
// claim edits apply). By format always: ICD-10-CM / ICD-9-CM diagnoses (HI), CPT and HCPCS
// procedures (SV1, SVD, SVC, HI BP/BO), modifiers, place of service, claim adjustment reason
// codes (CARC), remark codes (RARC), and every NPI (an identifier whose qualifier is XX or HPI:
// NM109, N104, REF02; see SegmentSpec::npi_slots). By list when a code list is given: an unknown
// code is a warning (accepted with errors) unless strict lists are asked for.

#include "engine/codes/code_lists.hpp"
#include "parsers/x12/spec/segment_context.hpp"

namespace clearhouse::x12::spec {

class CodeSetChecker {
 public:
  // lists: nullptr when none were given; strict: a code not on its list is an error.
  explicit CodeSetChecker(const codes::CodeLists* lists = nullptr, bool strict = false) : lists_(lists), strict_(strict) {}
  // Inline: most segments hold no code of a code set (DTM, AMT, REF, N3...) and leave here.
  void on_segment(const SegmentContext& ctx, FindingSink& sink) const {
    if (ctx.spec == nullptr) return;
    if (ctx.spec->npi_slots.empty() && ctx.spec->code_set_slots.empty() && !holds_codes(ctx.key)) return;
    check_segment(ctx, sink);
  }

 private:
  // The procedure composite of a service line: SV101, SVD03, SVC01 (and SVC06); 0 for others.
  static int procedure_composite(std::uint32_t key) {
    switch (key) {
      case segment_key("SV1"):
      case segment_key("SVC"): return 1;
      case segment_key("SVD"): return 3;
      default: return 0;
    }
  }
  // Segments whose codes sit in composites by qualifier: HI and the procedure composites.
  static bool holds_codes(std::uint32_t key) { return key == segment_key("HI") || procedure_composite(key) != 0; }
  void check_segment(const SegmentContext& ctx, FindingSink& sink) const;
  // Checks one code of a kind: format first (error), then list membership (warning).
  void check(const SegmentContext& ctx, FindingSink& sink, codes::CodeKind kind, std::string_view code, int element,
             int component) const;
  // A procedure code: CPT or HCPCS Level II by format, then the list of its kind.
  void check_procedure(const SegmentContext& ctx, FindingSink& sink, std::string_view code, int element,
                       int component) const;
  void report_unlisted(const SegmentContext& ctx, FindingSink& sink, codes::CodeKind kind, std::string_view code,
                       int element, int component) const;
  void check_npi(const SegmentContext& ctx, FindingSink& sink, std::string_view npi, int element) const;

  const codes::CodeLists* lists_;
  bool strict_;
};

}  // namespace clearhouse::x12::spec
