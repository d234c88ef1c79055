#pragma once
// Reads 277s -- claim acknowledgments (277CA, 005010X214) and claim status responses (277,
// 005010X212) -- one transaction set at a time into model::ClaimStatusReport values, on top of
// the envelope reader. Memory is one transaction set's worth: the report handed in is refilled
// in place and its claims, statuses and lines keep their storage from set to set.
//
// The loop structure comes from the spec of the set's guide (SpecCatalog, by ST03 or GS08):
// HL03 says which level an HL opens and how deep it is (information source, receiver,
// provider, then the patient levels whose 2200 loops are the claims), and the loop ids in
// findings are the spec's. Within a level TRN opens its status loop (2200x) and SVC a service
// line (2220x).
//
// Nothing stops the stream but the end of input or a fatal lexer error. An STC that cannot be
// read (no category or status code, an amount that is not one), an HL level the guide does
// not have, an HL02 that does not name the open level above, a set with no claims: each is a
// Finding on the report with its position (segment ordinal, byte offset, segment id, loop,
// element, component), and reading goes on. A date that cannot be read is a warning (the
// status still stands). A set that ends without its SE is delivered with complete == false so
// the caller reports it and never posts it. Envelope errors inside a set become findings on
// it; errors outside any set are in take_file_findings().
//
// Transaction sets other than 277 are skipped (counted); a 277 of a guide we have no spec for
// (4010 X093, X228, ...) is skipped with a file finding.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/claim_status_report.hpp"
#include "engine/model/finding.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/transaction_set_stream.hpp"
#include "parsers/x12/spec/spec_catalog.hpp"
#include "parsers/x12_835/content_hash.hpp"

namespace clearhouse::x12_277 {

class ClaimStatusReader {
 public:
  ClaimStatusReader(x12::EnvelopeReader& envelope, x12::Diagnostics& diagnostics, const x12::spec::SpecCatalog& catalog);
  ClaimStatusReader(const ClaimStatusReader&) = delete;
  ClaimStatusReader& operator=(const ClaimStatusReader&) = delete;

  // Fills out with the next 277 transaction set; false at the end of the input.
  bool next(model::ClaimStatusReport& out);

  // Findings outside any 277 transaction set (ISA, GS, IEA, stray segments, sets of a guide
  // we cannot read). The caller takes them; they are not repeated.
  std::vector<model::Finding> take_file_findings() { return sets_.take_file_findings(); }
  std::uint64_t skipped_transactions() const { return sets_.skipped(); }
  std::uint64_t reports_read() const { return sets_.read(); }

 private:
  // What the spec says about one HL depth: the loop ids findings name.
  struct LevelLoops {
    std::string level, name, status, line;  // "2000C", "2100C", "2200C", "" (or "2220D")
  };
  struct Layout {
    const x12::spec::TransactionSpec* spec = nullptr;
    std::vector<LevelLoops> depths;  // [depth - 1]
  };
  // Where in the current level the reader is.
  enum class Part : std::uint8_t { none, level, name, status, line };
  static constexpr int kMaxDepth = 8;
  // The HL of each open depth: its HL01 (to check HL02 against) and what it filled.
  struct OpenLevel {
    std::string id;
    bool open = false;
  };

  const Layout* layout_for(const x12::spec::TransactionSpec& spec);
  bool take(model::ClaimStatusReport& out);
  void start(model::ClaimStatusReport& out, const x12::spec::TransactionSpec& spec);
  void finish(model::ClaimStatusReport& out, bool complete);
  void on_segment(model::ClaimStatusReport& out, const x12::Segment& s);

  void on_hl(model::ClaimStatusReport& out, const x12::Segment& s);
  void open_level(model::ClaimStatusReport& out, int depth, const x12::Segment* s);
  void on_nm1(model::ClaimStatusReport& out, const x12::Segment& s);
  void on_per(model::ClaimStatusReport& out, const x12::Segment& s);
  void on_trn(model::ClaimStatusReport& out, const x12::Segment& s);
  void on_stc(model::ClaimStatusReport& out, const x12::Segment& s);
  void on_ref(model::ClaimStatusReport& out, const x12::Segment& s);
  void on_dtp(model::ClaimStatusReport& out, const x12::Segment& s);
  void on_qty_amt(model::ClaimStatusReport& out, const x12::Segment& s, bool amount);
  void on_svc(model::ClaimStatusReport& out, const x12::Segment& s);

  // The status loop (2200B/2200C) of the open receiver or provider; nullptr elsewhere.
  model::StatusLevel* status_level(model::ClaimStatusReport& out);
  model::ReportedClaim* claim(model::ClaimStatusReport& out);
  model::ReportedLine* line(model::ClaimStatusReport& out);
  // Reads a C043 composite; false (and a finding) when its category or status is missing.
  bool read_status_code(model::ClaimStatusReport& out, const x12::Segment& s, int element, model::StatusCode& into);
  std::optional<model::Money> amount(model::ClaimStatusReport& out, const x12::Segment& s, int element, bool required);
  model::Date date(model::ClaimStatusReport& out, const x12::Segment& s, int element);
  // DTP02/DTP03: D8 or RD8 into from/to; a warning when it cannot be read.
  void period(model::ClaimStatusReport& out, const x12::Segment& s, model::Date& from, model::Date& to);
  void code(model::ClaimStatusReport& out, const x12::Segment& s, int element, int component, model::Code& into,
            std::string_view value);
  void problem(model::ClaimStatusReport& out, const x12::Segment& s, std::string rule, int element, int component,
               std::string message, model::FindingSeverity severity = model::FindingSeverity::error);
  std::string_view loop_id() const;

  x12::TransactionSetStream sets_;
  const x12::spec::SpecCatalog& catalog_;
  std::vector<Layout> layouts_;      // one per spec met, built once
  const Layout* layout_ = nullptr;   // of the set being read

  // Position in the set being read.
  int depth_ = 0;                    // depth of the innermost open HL level (0: none)
  Part part_ = Part::none;
  bool skipping_ = false;            // inside an HL level the guide does not have
  std::array<OpenLevel, kMaxDepth + 1> open_{};
  // The patient levels' names (depth 4 and 5), copied into each of their claims.
  model::Party subscriber_, patient_;
  bool has_patient_ = false;
  x12_835::ContentHash hash_;  // of the set being read: ST..SE, posting's idempotency key
};

}  // namespace clearhouse::x12_277
