#pragma once
// Reads 835 remittances (005010X221A1) one transaction set at a time into typed
// model::Remittance values, on top of the envelope reader. Memory is one transaction's worth:
// the Remittance handed in is refilled in place, and its storage is reused.
//
// Nothing stops the stream but the end of input or a fatal lexer error. A value that does not
// have its type's syntax (text in an amount, a bad date) or a required element that is missing
// becomes a Finding on the remittance, with its position, and reading goes on. A transaction
// set that ends without its SE is delivered with complete == false so the caller can report
// it and not post it; the sets before and after it are unaffected. Envelope errors inside a
// set (SE01, SE02) become findings on it; errors outside any set are in file_findings().
//
// Transaction sets other than 835 are skipped (counted in skipped_transactions()).

#include <cstdint>
#include <cstring>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/remittance.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/transaction_set_stream.hpp"
#include "parsers/x12_835/content_hash.hpp"
#include "parsers/x12_835/fast_values.hpp"

namespace clearhouse::x12_835 {

class RemittanceReader {
 public:
  RemittanceReader(x12::EnvelopeReader& envelope, x12::Diagnostics& diagnostics);
  RemittanceReader(const RemittanceReader&) = delete;
  RemittanceReader& operator=(const RemittanceReader&) = delete;

  // Fills out with the next 835 transaction set; false at the end of the input.
  bool next(model::Remittance& out);

  // The same reading driven by the caller, who moves the envelope reader (reading an input in
  // parts on several threads: parsers/x12/parallel_reading.hpp): push() for each segment the
  // envelope reader stands on, push_end() at the end of the input. done(out) is called for each
  // 835 set as next() would have returned it; out is refilled after done returns.
  template <typename Done>
  void push(model::Remittance& out, Done&& done) {
    sets_.step([&] { return take(out); }, [&](const x12::Segment& s) { on_segment(out, s); },
               [&](bool complete) {
                 finish(out, complete);
                 done(out);
               });
  }
  template <typename Done>
  void push_end(model::Remittance& out, Done&& done) {
    sets_.end([&](bool complete) {
      finish(out, complete);
      done(out);
    });
  }

  // Errors found outside any 835 transaction set (ISA, GS, IEA, stray segments), as findings.
  // The caller takes them; they are not repeated.
  std::vector<model::Finding> take_file_findings() { return sets_.take_file_findings(); }
  std::uint64_t skipped_transactions() const { return sets_.skipped(); }
  std::uint64_t remittances_read() const { return sets_.read(); }

 private:
  enum class Loop : std::uint8_t { header, payer, payee, header_group, claim, line, summary };

  bool take(model::Remittance& out);  // at an ST: reads its set into out when it is an 835
  void start(model::Remittance& out);
  void finish(model::Remittance& out, bool complete);
  void on_segment(model::Remittance& out, const x12::Segment& s);
  [[gnu::always_inline]] inline void dispatch(model::Remittance& out, const x12::Segment& s);
  // Copies a value into the model. A reused claim usually gets a value of the same length as
  // its predecessor's (ids and codes have fixed formats): that is an in-place overwrite;
  // anything else takes the general path. Most optional elements are empty.
  [[gnu::always_inline]] static void assign(std::string& to, std::string_view from) {
    if (from.size() == to.size()) {
      copy_short(to.data(), from.data(), from.size());
      return;
    }
    assign_resized(to, from);
  }
  static void assign_resized(std::string& to, std::string_view from);
  // memcpy for the short lengths of X12 values, without a library call for up to 16 bytes.
  [[gnu::always_inline]] static void copy_short(char* to, const char* from, std::size_t n) {
    if (n >= 8) {
      if (n > 16) {
        std::memcpy(to, from, n);
        return;
      }
      std::memcpy(to, from, 8);
      std::memcpy(to + n - 8, from + n - 8, 8);
    } else if (n >= 4) {
      std::memcpy(to, from, 4);
      std::memcpy(to + n - 4, from + n - 4, 4);
    } else if (n > 0) {
      to[0] = from[0];
      to[n / 2] = from[n / 2];
      to[n - 1] = from[n - 1];
    }
  }
  [[gnu::always_inline]] void assign(model::Code& to, std::string_view from) {
    if (!to.assign(from)) [[unlikely]] code_too_long_ = true;  // reported once per segment by on_segment
  }
  void read_procedure(const x12::Segment& s, int element, model::ServiceProcedure& into);
  void recycle(model::Remittance& out);
  void close_line(model::Remittance& out);
  void close_claim(model::Remittance& out);
  void trim_claims(model::Remittance& out);

  void on_bpr(model::Remittance& out, const x12::Segment& s);
  void on_trn(model::Remittance& out, const x12::Segment& s);
  void on_ref(model::Remittance& out, const x12::Segment& s);
  void on_dtm(model::Remittance& out, const x12::Segment& s);
  void on_n1(model::Remittance& out, const x12::Segment& s);
  void on_lx(model::Remittance& out, const x12::Segment& s);
  void on_ts3(model::Remittance& out, const x12::Segment& s, bool supplemental);
  void on_clp(model::Remittance& out, const x12::Segment& s);
  void on_cas(model::Remittance& out, const x12::Segment& s);
  void on_nm1(model::Remittance& out, const x12::Segment& s);
  void on_mia_moa(model::Remittance& out, const x12::Segment& s, bool inpatient);
  void on_amt(model::Remittance& out, const x12::Segment& s);
  void on_qty(model::Remittance& out, const x12::Segment& s);
  void on_svc(model::Remittance& out, const x12::Segment& s);
  void on_lq(model::Remittance& out, const x12::Segment& s);
  void on_plb(model::Remittance& out, const x12::Segment& s);
  void on_per(model::Remittance& out, const x12::Segment& s);

  // Typed element access: nullopt (and a finding) when malformed; nullopt without a finding
  // when empty and optional. The common case is inline; reporting is out of line.
  [[gnu::always_inline]] std::optional<model::Money> amount(model::Remittance& out, const x12::Segment& s,
                                                            int element, bool required) {
    const std::string_view text = s[static_cast<std::size_t>(element)];
    std::int64_t cents;
    if (plain_amount(text, cents)) [[likely]] return model::Money::from_cents(cents);
    return amount_slow(out, s, text, element, required);
  }
  // The slow path: the grammar's verdict on an unusual amount, or a finding and nullopt.
  std::optional<model::Money> amount_slow(model::Remittance& out, const x12::Segment& s, std::string_view text,
                                          int element, bool required);
  std::optional<model::Money> amount_problem(model::Remittance& out, const x12::Segment& s, std::string_view text,
                                             int element, bool required, int component);
  void unreadable_balance_amount(model::Remittance& out, const x12::Segment& s, int element);
  std::optional<model::Decimal> decimal(model::Remittance& out, const x12::Segment& s, int element) {
    const std::string_view text = s[static_cast<std::size_t>(element)];
    if (text.empty()) return std::nullopt;
    return decimal_slow(out, s, text, element);
  }
  std::optional<model::Decimal> decimal_slow(model::Remittance& out, const x12::Segment& s, std::string_view text,
                                             int element);
  model::Date date(model::Remittance& out, const x12::Segment& s, int element, bool required) {
    const std::string_view text = s[static_cast<std::size_t>(element)];
    if (auto d = model::Date::parse_ccyymmdd(text)) [[likely]] return *d;
    return date_problem(out, s, text, element, required);
  }
  model::Date date_problem(model::Remittance& out, const x12::Segment& s, std::string_view text, int element,
                           bool required);
  bool require(model::Remittance& out, const x12::Segment& s, int element, const char* what);
  void problem(model::Remittance& out, const x12::Segment& s, std::string rule, int element, int component,
               std::string message, model::FindingSeverity severity = model::FindingSeverity::error);
  model::ClaimPayment* claim(model::Remittance& out);
  model::LinePayment* line(model::Remittance& out);
  const char* loop_name() const;

  x12::TransactionSetStream sets_;
  ContentHash hash_;
  Loop loop_ = Loop::header;
  std::vector<model::ClaimPayment> claim_pool_;  // claims (and their lines) whose storage is reused
  std::size_t claim_count_ = 0;  // claims of the current set filled so far in out.claims
  bool claim_open_ = false;      // lines may still be added to claim claim_count_ - 1
  bool line_open_ = false;       // the last line of that claim may still grow
  // Elements used so far in the vectors that are refilled in place (see slot()).
  std::size_t claim_parties_ = 0, claim_references_ = 0, line_references_ = 0, line_remarks_ = 0;
  bool code_too_long_ = false;   // a Code element of the current segment overflowed
};

}  // namespace clearhouse::x12_835
