#include "parsers/x12_835/remittance_reader.hpp"

#include <fmt/format.h>

#include <cstring>
#include <utility>

#include "parsers/x12_835/fast_values.hpp"

namespace clearhouse::x12_835 {
namespace {

using model::Finding;
using model::FindingSeverity;

// Segment ids and qualifiers as integers, for switches without memcmp.
constexpr std::uint32_t key(std::string_view v) { return x12::segment_key(v); }

// Resetting a reused claim or line keeps every buffer. Strings its own segment always
// overwrites (CLP01, SVC01 parts) are left for the handler, so a value of the same length as
// its predecessor's is a plain copy. Vectors of trivially destructible values are cleared
// (free); vectors of values holding strings (parties, references, remarks) are refilled in
// place through slot() and trimmed when the claim or line closes.
void reset(model::LinePayment& l) {
  l.billed = l.paid = model::Money{};
  l.revenue_code.clear();
  l.units.reset();
  l.original_procedure.reset();
  l.original_units.reset();
  l.service_date = l.period_start = l.period_end = model::Date{};
  l.adjustments.clear();
  l.line_control_number.clear();
  l.allowed.reset();
  l.amounts.clear();
  l.quantities.clear();
  l.segment = 0;
  l.unread = {};
}

void reset(model::ClaimPayment& c) {
  c.patient_responsibility = model::Money{};
  c.drg_weight.reset();
  c.discharge_fraction.reset();
  c.adjustments.clear();
  c.inpatient.reset();
  c.outpatient.reset();
  c.dates.clear();
  c.contacts.clear();
  c.amounts.clear();
  c.quantities.clear();
  c.lines.clear();  // its lines stay behind the end as spares (see RecyclingVector)
  c.header_group = 0;
  c.segment = c.offset = 0;
  c.unread = {};
}

// The next element of a vector refilled in place: an old one when there is one.
template <typename T>
T& slot(std::vector<T>& v, std::size_t& used) {
  if (used == v.size()) v.emplace_back();
  return v[used++];
}

template <typename T>
T& append(std::vector<T>& v) {
  v.emplace_back();
  return v.back();
}

}  // namespace

RemittanceReader::RemittanceReader(x12::EnvelopeReader& envelope, x12::Diagnostics& diagnostics)
    : sets_(envelope, diagnostics) {}

void RemittanceReader::assign_resized(std::string& to, std::string_view from) {
  to.clear();
  if (!from.empty()) to.append(from.data(), from.size());
}

void RemittanceReader::read_procedure(const x12::Segment& s, int element, model::ServiceProcedure& into) {
  // Composite: qualifier : code : modifier x4 : description (: product id, ignored).
  std::string_view parts[7];
  std::size_t count = 0;
  const std::string_view value = s[static_cast<std::size_t>(element)];
  const char separator = s.delimiters().component;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= value.size() && count < 7; ++i) {
    if (i == value.size() || value[i] == separator) {
      parts[count++] = value.substr(begin, i - begin);
      begin = i + 1;
    }
  }
  assign(into.qualifier, parts[0]);
  assign(into.code, parts[1]);
  into.modifiers.clear();
  for (std::size_t k = 2; k < 6; ++k)
    if (!parts[k].empty()) assign(into.modifiers.emplace_back(), parts[k]);
  assign(into.description, parts[6]);
}

// Claims and lines stay where they are and are refilled in place (see on_clp/on_svc); only
// the claims a set does not reuse are parked in the pool by trim_claims(). Everything else is small.
void RemittanceReader::recycle(model::Remittance& out) {
  claim_count_ = 0;
  claim_open_ = line_open_ = false;
  out.header_groups.clear();
  out.provider_adjustments.clear();
  out.findings.clear();
  out.references.clear();
  out.dates.clear();
  out.payment = {};
  out.trace = {};
  out.currency.clear();
  out.receiver_id.clear();
  out.production_date = {};
  out.payer = {};
  out.payee = {};
  out.complete = false;
  out.unread = {};
  out.segment = out.offset = out.segment_count = out.byte_length = out.content_hash = 0;
}

// Elements of the current line's refilled vectors past what this line used are dropped.
void RemittanceReader::close_line(model::Remittance& out) {
  if (!line_open_) return;
  line_open_ = false;
  auto& l = out.claims[claim_count_ - 1].lines.back();
  if (l.references.size() != line_references_) l.references.resize(line_references_);
  if (l.remarks.size() != line_remarks_) l.remarks.resize(line_remarks_);
}

void RemittanceReader::close_claim(model::Remittance& out) {
  if (!claim_open_) return;
  close_line(out);
  claim_open_ = false;
  auto& c = out.claims[claim_count_ - 1];
  if (c.parties.size() != claim_parties_) c.parties.resize(claim_parties_);
  if (c.references.size() != claim_references_) c.references.resize(claim_references_);
}

// Claims past the ones this set used go to the pool, so out.claims holds exactly this set's.
void RemittanceReader::trim_claims(model::Remittance& out) {
  close_claim(out);
  while (out.claims.size() > claim_count_) {
    claim_pool_.push_back(std::move(out.claims.back()));
    out.claims.pop_back();
  }
}

bool RemittanceReader::next(model::Remittance& out) {
  recycle(out);
  return sets_.read_set([&] { return take(out); }, [&](const x12::Segment& s) { on_segment(out, s); },
                        [&](bool complete) { finish(out, complete); });
}

bool RemittanceReader::take(model::Remittance& out) {
  if (sets_.envelope().transaction().type != "835") return false;
  recycle(out);  // a no-op after next()'s; push() has none of its own
  start(out);
  return true;
}

void RemittanceReader::start(model::Remittance& out) {
  loop_ = Loop::header;
  hash_.reset();
  sets_.begin(out);
}

void RemittanceReader::finish(model::Remittance& out, bool complete) {
  trim_claims(out);
  sets_.close(out, complete);
  out.content_hash = hash_.value();
  if (!complete) {
    Finding f = x12::transaction_finding(
        "read.incomplete_transaction", out.control_number, out.segment, out.offset,
        fmt::format("transaction set {} ends without its SE ({} claims in it are not posted)", out.control_number,
                    out.claims.size()),
        "ask the payer to resend the remittance");
    f.payer_id = out.payer_id();
    f.trace_number = out.trace.reference;
    f.amount = out.payment.total;
    out.findings.push_back(std::move(f));
  }
  // Findings made while the payer and trace were not yet known get them now.
  for (auto& f : out.findings) {
    if (f.payer_id.empty()) f.payer_id = out.payer_id();
    if (f.trace_number.empty()) f.trace_number = out.trace.reference;
  }
}

const char* RemittanceReader::loop_name() const {
  switch (loop_) {
    case Loop::header: return "header";
    case Loop::payer: return "1000A";
    case Loop::payee: return "1000B";
    case Loop::header_group: return "2000";
    case Loop::claim: return "2100";
    case Loop::line: return "2110";
    case Loop::summary: return "summary";
  }
  return "";
}

void RemittanceReader::problem(model::Remittance& out, const x12::Segment& s, std::string rule, int element,
                               int component, std::string message, FindingSeverity severity) {
  Finding f = x12::segment_finding(std::move(rule), s, out.control_number, loop_name(), element, component,
                                   std::move(message), "ask the payer to correct and resend the remittance", severity);
  if (auto* c = claim(out)) {
    f.claim_id = c->patient_control_number;
    if (loop_ == Loop::line) f.line_number = static_cast<int>(c->lines.size());
  }
  out.findings.push_back(std::move(f));
}

bool RemittanceReader::require(model::Remittance& out, const x12::Segment& s, int element, const char* what) {
  if (!s[static_cast<std::size_t>(element)].empty()) return true;
  problem(out, s, "read.missing_element", element, 0,
          fmt::format("{}{:02d} ({}) is required but empty", s.id(), element, what));
  return false;
}

std::optional<model::Money> RemittanceReader::amount_slow(model::Remittance& out, const x12::Segment& s,
                                                          std::string_view text, int element, bool required) {
  if (!text.empty()) {
    if (auto m = x12::grammar::parse_amount(text)) return m;
  }
  return amount_problem(out, s, text, element, required, 0);
}

std::optional<model::Money> RemittanceReader::amount_problem(model::Remittance& out, const x12::Segment& s,
                                                             std::string_view text, int element, bool required,
                                                             int component) {
  if (text.empty()) {
    if (required)
      problem(out, s, "read.missing_element", element, component,
              fmt::format("{}{:02d} (amount) is required but empty", s.id(), element));
    return std::nullopt;
  }
  problem(out, s, "read.invalid_value", element, component,
          fmt::format("{}{:02d} is not an amount: expected a decimal number with at most two decimals, found '{}'",
                      s.id(), element, x12::printable_excerpt(text, 16)));
  unreadable_balance_amount(out, s, element);
  return std::nullopt;
}

// An amount 835 balancing adds up that could not be read is kept as unread, so that balancing
// leaves out exactly the checks it takes part in (model::RemittanceBalancer).
void RemittanceReader::unreadable_balance_amount(model::Remittance& out, const x12::Segment& s, int element) {
  switch (key(s.id())) {
    case key("BPR"):
      if (element == 2) out.unread.payment = true;
      return;
    case key("PLB"):
      if (element >= 4 && element % 2 == 0) out.unread.adjustment = true;
      return;
    case key("CLP"):
      if (auto* c = claim(out)) {
        if (element == 3) c->unread.charge = true;
        if (element == 4) c->unread.payment = true;
      }
      return;
    case key("SVC"):
      if (auto* l = line(out)) {
        if (element == 2) l->unread.charge = true;
        if (element == 3) l->unread.payment = true;
      }
      return;
    case key("CAS"):
      if (element % 3 != 0) return;
      if (auto* l = line(out)) l->unread.adjustment = true;
      else if (auto* c = claim(out)) c->unread.adjustment = true;
      return;
    default:
      return;
  }
}


std::optional<model::Decimal> RemittanceReader::decimal_slow(model::Remittance& out, const x12::Segment& s,
                                                             std::string_view text, int element) {
  if (auto d = x12::grammar::parse_decimal(text)) return d;
  problem(out, s, "read.invalid_value", element, 0,
          fmt::format("{}{:02d} is not a number: found '{}'", s.id(), element, x12::printable_excerpt(text, 16)));
  return std::nullopt;
}

model::Date RemittanceReader::date_problem(model::Remittance& out, const x12::Segment& s, std::string_view text,
                                          int element, bool required) {
  if (text.empty()) {
    if (required)
      problem(out, s, "read.missing_element", element, 0,
              fmt::format("{}{:02d} (date) is required but empty", s.id(), element));
    return {};
  }
  problem(out, s, "read.invalid_value", element, 0,
          fmt::format("{}{:02d} is not a CCYYMMDD date: found '{}'", s.id(), element,
                      x12::printable_excerpt(text, 16)));
  return {};
}

model::ClaimPayment* RemittanceReader::claim(model::Remittance& out) {
  return (loop_ == Loop::claim || loop_ == Loop::line) ? &out.claims[claim_count_ - 1] : nullptr;
}

model::LinePayment* RemittanceReader::line(model::Remittance& out) {
  return loop_ == Loop::line ? &out.claims[claim_count_ - 1].lines.back() : nullptr;
}

void RemittanceReader::on_segment(model::Remittance& out, const x12::Segment& s) {
  hash_.add_segment(s.raw());
  dispatch(out, s);
  if (code_too_long_) [[unlikely]] {
    code_too_long_ = false;
    problem(out, s, "read.invalid_value", 0, 0,
            fmt::format("a code in this {} segment is longer than {} characters (its start is kept)", s.id(),
                        model::Code::kCapacity));
  }
}

inline void RemittanceReader::dispatch(model::Remittance& out, const x12::Segment& s) {
  const std::string_view id = s.id();
  switch (key(id)) {
    case key("CAS"): on_cas(out, s); return;
    case key("DTM"): on_dtm(out, s); return;
    case key("REF"): on_ref(out, s); return;
    case key("AMT"): on_amt(out, s); return;
    case key("SVC"): on_svc(out, s); return;
    case key("NM1"): on_nm1(out, s); return;
    case key("CLP"): on_clp(out, s); return;
    case key("LQ"): on_lq(out, s); return;
    case key("QTY"): on_qty(out, s); return;
    case key("MOA"): on_mia_moa(out, s, false); return;
    case key("MIA"): on_mia_moa(out, s, true); return;
    case key("PER"): on_per(out, s); return;
    case key("LX"): on_lx(out, s); return;
    case key("TS3"): on_ts3(out, s, false); return;
    case key("TS2"): on_ts3(out, s, true); return;
    case key("PLB"): on_plb(out, s); return;
    case key("BPR"): on_bpr(out, s); return;
    case key("TRN"): on_trn(out, s); return;
    case key("CUR"): assign(out.currency, s[2]); return;
    case key("N1"): on_n1(out, s); return;
    case key("N3"):
    case key("N4"): {
      model::RemittanceParty* party = loop_ == Loop::payer ? &out.payer : loop_ == Loop::payee ? &out.payee : nullptr;
      if (party == nullptr) return;
      if (key(id) == key("N3")) {
        assign(party->address.line1, s[1]);
        assign(party->address.line2, s[2]);
      } else {
        assign(party->address.city, s[1]);
        assign(party->address.state, s[2]);
        assign(party->address.postal_code, s[3]);
        assign(party->address.country, s[4]);
      }
      return;
    }
    default:
      return;  // NTE, RDM and anything unknown carry nothing posting needs
  }
}

void RemittanceReader::on_bpr(model::Remittance& out, const x12::Segment& s) {
  auto& p = out.payment;
  p.segment = s.ordinal();
  require(out, s, 1, "transaction handling code");
  assign(p.handling_code, s[1]);
  if (auto m = amount(out, s, 2, true)) p.total = *m;
  assign(p.credit_debit, s[3]);
  assign(p.method, s[4]);
  assign(p.format, s[5]);
  assign(p.sender_dfi_qualifier, s[6]);
  assign(p.sender_dfi_id, s[7]);
  assign(p.sender_account_qualifier, s[8]);
  assign(p.sender_account, s[9]);
  assign(p.originating_company_id, s[10]);
  assign(p.originating_company_code, s[11]);
  assign(p.receiver_dfi_qualifier, s[12]);
  assign(p.receiver_dfi_id, s[13]);
  assign(p.receiver_account_qualifier, s[14]);
  assign(p.receiver_account, s[15]);
  p.payment_date = date(out, s, 16, false);
}

void RemittanceReader::on_trn(model::Remittance& out, const x12::Segment& s) {
  require(out, s, 2, "check or EFT trace number");
  assign(out.trace.type, s[1]);
  assign(out.trace.reference, s[2]);
  assign(out.trace.originator, s[3]);
  assign(out.trace.originator_reference, s[4]);
}

void RemittanceReader::on_ref(model::Remittance& out, const x12::Segment& s) {
  if (loop_ == Loop::line && key(s[1]) == key("6R")) {  // the line's own id: kept where matching reads it
    assign(line(out)->line_control_number, s[2]);
    return;
  }
  model::QualifiedText* slot_to = nullptr;
  switch (loop_) {
    case Loop::header: slot_to = &append(out.references); break;
    case Loop::payer: slot_to = &append(out.payer.references); break;
    case Loop::payee: slot_to = &append(out.payee.references); break;
    case Loop::claim: slot_to = &slot(claim(out)->references, claim_references_); break;
    case Loop::line: slot_to = &slot(line(out)->references, line_references_); break;
    case Loop::header_group:
    case Loop::summary: return;
  }
  auto& r = *slot_to;
  assign(r.qualifier, s[1]);
  assign(r.value, s[2]);
  if (loop_ == Loop::header && key(s[1]) == key("EV")) assign(out.receiver_id, s[2]);
}

void RemittanceReader::on_dtm(model::Remittance& out, const x12::Segment& s) {
  const std::string_view qualifier = s[1];
  const model::Date d = date(out, s, 2, true);
  if (auto* l = line(out)) {
    switch (key(qualifier)) {
      case key("472"): l->service_date = d; break;
      case key("150"): l->period_start = d; break;
      case key("151"): l->period_end = d; break;
      default: break;
    }
    return;
  }
  std::vector<model::QualifiedDate>* into = nullptr;
  if (auto* c = claim(out)) into = &c->dates;
  else if (loop_ == Loop::header) into = &out.dates;
  if (into == nullptr) return;
  auto& q = append(*into);
  assign(q.qualifier, qualifier);
  q.date = d;
  if (loop_ == Loop::header && key(qualifier) == key("405")) out.production_date = d;
}

void RemittanceReader::on_n1(model::Remittance& out, const x12::Segment& s) {
  model::RemittanceParty* party = nullptr;
  if (s[1] == "PR") {
    loop_ = Loop::payer;
    party = &out.payer;
  } else if (s[1] == "PE") {
    loop_ = Loop::payee;
    party = &out.payee;
  } else {
    return;
  }
  assign(party->party.entity, s[1]);
  assign(party->party.last_or_organization, s[2]);
  assign(party->party.id_qualifier, s[3]);
  assign(party->party.id, s[4]);
}

void RemittanceReader::on_per(model::Remittance& out, const x12::Segment& s) {
  std::vector<model::Contact>* into = nullptr;
  if (loop_ == Loop::payer) into = &out.payer.contacts;
  else if (loop_ == Loop::payee) into = &out.payee.contacts;
  else if (auto* c = claim(out)) into = &c->contacts;
  if (into == nullptr) return;
  auto& contact = append(*into);
  assign(contact.function, s[1]);
  assign(contact.name, s[2]);
  for (std::size_t i = 3; i + 1 <= s.size(); i += 2) {
    if (s[i].empty() && s[i + 1].empty()) continue;
    auto& number = contact.numbers.emplace_back();
    assign(number.qualifier, s[i]);
    assign(number.value, s[i + 1]);
  }
}

void RemittanceReader::on_lx(model::Remittance& out, const x12::Segment& s) {
  close_claim(out);
  loop_ = Loop::header_group;
  auto& g = append(out.header_groups);
  assign(g.number, s[1]);
}

void RemittanceReader::on_ts3(model::Remittance& out, const x12::Segment& s, bool supplemental) {
  if (out.header_groups.empty()) {
    problem(out, s, "read.segment_out_of_place", 0, 0,
            fmt::format("{} outside a header group (no LX before it)", s.id()), FindingSeverity::warning);
    return;
  }
  auto& group = out.header_groups.back();
  auto& summary = supplemental ? group.supplemental_summary.emplace() : group.summary.emplace();
  int first_amount = 1;
  if (!supplemental) {
    // TS301 provider, TS302 facility code, TS303 fiscal period, TS304 claim count, then amounts.
    assign(summary.provider_id, s[1]);
    assign(summary.facility_code, s[2]);
    summary.fiscal_period_end = date(out, s, 3, false);
    summary.claim_count = decimal(out, s, 4);
    first_amount = 5;
  }
  // Quantities (day and claim counts, weights) by element position per 005010X221A1;
  // everything else is money.
  auto is_quantity = [&](int e) {
    return supplemental ? (e == 7 || (e >= 10 && e <= 14) || e == 16) : (e == 23);
  };
  for (int e = first_amount; e <= static_cast<int>(s.size()); ++e) {
    if (s[static_cast<std::size_t>(e)].empty()) continue;
    if (is_quantity(e)) {
      if (auto q = decimal(out, s, e)) summary.quantities.push_back({fmt::format("{:02d}", e), *q});
    } else if (auto m = amount(out, s, e, false)) {
      summary.amounts.push_back({e, *m});
    }
  }
}

void RemittanceReader::on_clp(model::Remittance& out, const x12::Segment& s) {
  close_claim(out);
  loop_ = Loop::claim;
  if (claim_count_ == out.claims.size()) {
    if (!claim_pool_.empty()) {
      out.claims.push_back(std::move(claim_pool_.back()));
      claim_pool_.pop_back();
    } else {
      out.claims.emplace_back();
    }
  }
  auto& c = out.claims[claim_count_++];
  claim_open_ = true;
  claim_parties_ = claim_references_ = 0;
  reset(c);
  c.segment = s.ordinal();
  c.offset = s.offset();
  c.header_group = out.header_groups.empty() ? 0 : out.header_groups.size() - 1;
  assign(c.patient_control_number, s[1]);
  require(out, s, 1, "patient control number");
  assign(c.status_code, s[2]);
  require(out, s, 2, "claim status code");
  c.billed = amount(out, s, 3, true).value_or(model::Money{});
  c.paid = amount(out, s, 4, true).value_or(model::Money{});
  c.patient_responsibility = amount(out, s, 5, false).value_or(model::Money{});
  assign(c.filing_indicator, s[6]);
  assign(c.payer_claim_control_number, s[7]);
  assign(c.facility_code, s[8]);
  assign(c.frequency_code, s[9]);
  assign(c.drg_code, s[11]);
  c.drg_weight = decimal(out, s, 12);
  c.discharge_fraction = decimal(out, s, 13);
}

void RemittanceReader::on_cas(model::Remittance& out, const x12::Segment& s) {
  std::vector<model::Adjustment>* into = nullptr;
  if (auto* l = line(out)) into = &l->adjustments;
  else if (auto* c = claim(out)) into = &c->adjustments;
  if (into == nullptr) {
    problem(out, s, "read.segment_out_of_place", 0, 0, "CAS outside a claim (no CLP before it); not counted");
    return;
  }
  const std::string_view group_code = s[1];
  if (group_code.empty()) {
    require(out, s, 1, "claim adjustment group code");
  }
  const auto group = model::adjustment_group_from_code(group_code);
  if (group == model::AdjustmentGroup::unknown && !group_code.empty()) {
    problem(out, s, "read.invalid_value", 1, 0,
            fmt::format("CAS01 '{}' is not a claim adjustment group code (CO, PR, OA, PI)",
                        x12::printable_excerpt(group_code, 8)));
  }
  // Up to six reason/amount/quantity triples: CAS02-04, 05-07, ... 17-19.
  if (s[2].empty() && s[3].empty()) require(out, s, 2, "adjustment reason code");
  const int last = static_cast<int>(s.size());
  for (int reason_at = 2; reason_at <= 17 && reason_at <= last; reason_at += 3) {
    const std::string_view reason = s[static_cast<std::size_t>(reason_at)];
    const std::string_view amount_value = s[static_cast<std::size_t>(reason_at + 1)];
    if (reason.empty() && amount_value.empty()) continue;
    if (reason.empty()) {
      require(out, s, reason_at, "adjustment reason code");
    }
    auto m = amount(out, s, reason_at + 1, true);
    if (!m) continue;  // reported; a triple without a readable amount is not counted
    auto& a = append(*into);
    a.group = group;
    assign(a.group_code, group_code);
    assign(a.reason, reason);
    a.amount = *m;
    a.quantity = decimal(out, s, reason_at + 2);
  }
}

void RemittanceReader::on_nm1(model::Remittance& out, const x12::Segment& s) {
  auto* c = claim(out);
  if (c == nullptr) return;
  auto& p = slot(c->parties, claim_parties_);
  assign(p.entity, s[1]);
  assign(p.entity_type, s[2]);
  assign(p.last_or_organization, s[3]);
  assign(p.first, s[4]);
  assign(p.middle, s[5]);
  assign(p.suffix, s[7]);
  assign(p.id_qualifier, s[8]);
  assign(p.id, s[9]);
}

void RemittanceReader::on_mia_moa(model::Remittance& out, const x12::Segment& s, bool inpatient) {
  auto* c = claim(out);
  if (c == nullptr) return;
  auto& info = inpatient ? c->inpatient.emplace() : c->outpatient.emplace();
  // Element roles per 005010X221A1: which positions are remark codes, which are counts.
  auto is_remark = [&](int e) { return inpatient ? (e == 5 || (e >= 20 && e <= 23)) : (e >= 3 && e <= 7); };
  auto is_quantity = [&](int e) { return inpatient ? (e == 1 || e == 3 || e == 15) : (e == 1); };
  for (int e = 1; e <= static_cast<int>(s.size()); ++e) {
    const std::string_view v = s[static_cast<std::size_t>(e)];
    if (v.empty()) continue;
    if (is_remark(e)) {
      assign(info.remark_codes.emplace_back(), v);
    } else if (is_quantity(e)) {
      if (auto q = decimal(out, s, e)) info.quantities.push_back({fmt::format("{:02d}", e), *q});
    } else if (auto m = amount(out, s, e, false)) {
      info.amounts.push_back({e, *m});
    }
  }
}

void RemittanceReader::on_amt(model::Remittance& out, const x12::Segment& s) {
  std::vector<model::QualifiedAmount>* into = nullptr;
  auto* l = line(out);
  if (l != nullptr) into = &l->amounts;
  else if (auto* c = claim(out)) into = &c->amounts;
  if (into == nullptr) return;
  auto m = amount(out, s, 2, true);
  if (!m) return;
  if (l != nullptr && key(s[1]) == key("B6")) {  // the allowed amount has its own field
    l->allowed = *m;
    return;
  }
  auto& a = append(*into);
  assign(a.qualifier, s[1]);
  a.amount = *m;
}

void RemittanceReader::on_qty(model::Remittance& out, const x12::Segment& s) {
  std::vector<model::QualifiedQuantity>* into = nullptr;
  if (auto* l = line(out)) into = &l->quantities;
  else if (auto* c = claim(out)) into = &c->quantities;
  if (into == nullptr) return;
  auto q = decimal(out, s, 2);
  if (!q) return;
  auto& a = append(*into);
  assign(a.qualifier, s[1]);
  a.quantity = *q;
}

void RemittanceReader::on_svc(model::Remittance& out, const x12::Segment& s) {
  auto* c = claim(out);
  if (c == nullptr) {
    problem(out, s, "read.segment_out_of_place", 0, 0, "SVC outside a claim (no CLP before it); not counted");
    return;
  }
  close_line(out);
  loop_ = Loop::line;
  auto& l = c->lines.reuse_back();  // a spare line of this claim slot, refilled in place
  line_open_ = true;
  line_references_ = line_remarks_ = 0;
  reset(l);
  l.segment = s.ordinal();
  read_procedure(s, 1, l.procedure);
  if (l.procedure.code.empty()) {
    problem(out, s, "read.missing_element", 1, 2, "SVC01-2 (procedure code) is required but empty");
  }
  if (auto m = amount(out, s, 2, true)) l.billed = *m;
  if (auto m = amount(out, s, 3, true)) l.paid = *m;
  assign(l.revenue_code, s[4]);
  l.units = decimal(out, s, 5);
  if (!s[6].empty()) {
    read_procedure(s, 6, l.original_procedure.emplace());
  }
  l.original_units = decimal(out, s, 7);
}

void RemittanceReader::on_lq(model::Remittance& out, const x12::Segment& s) {
  auto* l = line(out);
  if (l == nullptr) return;
  auto& r = slot(l->remarks, line_remarks_);
  assign(r.qualifier, s[1]);
  assign(r.value, s[2]);
}

void RemittanceReader::on_plb(model::Remittance& out, const x12::Segment& s) {
  if (loop_ != Loop::summary) close_claim(out);
  loop_ = Loop::summary;
  require(out, s, 1, "provider identifier");
  const model::Date fiscal = date(out, s, 2, true);
  // Up to six adjustment identifier (reason:reference) + amount pairs: PLB03/04 ... PLB13/14.
  for (int at = 3; at <= 13; at += 2) {
    const std::string_view identifier = s[static_cast<std::size_t>(at)];
    const std::string_view value = s[static_cast<std::size_t>(at + 1)];
    if (identifier.empty() && value.empty()) {
      if (at == 3) require(out, s, 3, "provider adjustment identifier");
      continue;
    }
    auto m = amount(out, s, at + 1, true);
    if (!m) continue;
    auto& p = append(out.provider_adjustments);
    assign(p.provider_id, s[1]);
    p.fiscal_period_end = fiscal;
    const char sep = s.delimiters().component;
    assign(p.reason, x12::nth_part(identifier, sep, 1));
    assign(p.reference, x12::nth_part(identifier, sep, 2));
    if (p.reason.empty()) {
      problem(out, s, "read.missing_element", at, 1,
              fmt::format("PLB{:02d}-1 (adjustment reason code) is required but empty", at));
    }
    p.amount = *m;
    p.segment = s.ordinal();
  }
}

}  // namespace clearhouse::x12_835
