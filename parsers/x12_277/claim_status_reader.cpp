#include "parsers/x12_277/claim_status_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "parsers/x12/grammar/value_grammar.hpp"
#include "parsers/x12_835/fast_values.hpp"

namespace clearhouse::x12_277 {
namespace {

using model::Finding;
using model::FindingSeverity;

constexpr std::uint32_t key(std::string_view v) { return x12::segment_key(v); }

// Strings keep their buffers when overwritten: a reused claim's values usually fit.
void assign(std::string& to, std::string_view from) { to.assign(from.data(), from.size()); }

void clear(model::Party& p) {
  p.entity.clear();
  p.entity_type.clear();
  p.last_or_organization.clear();
  p.first.clear();
  p.middle.clear();
  p.suffix.clear();
  p.id_qualifier.clear();
  p.id.clear();
}

void clear(model::StatusLevel& l) {
  clear(l.party);
  l.parent = 0;
  l.trace.clear();
  l.statuses.clear();
  l.references.clear();
  l.quantities.clear();
  l.amounts.clear();
  l.segment = 0;
}

void clear(model::ReportedLine& l) {
  l.procedure.qualifier.clear();
  l.procedure.code.clear();
  l.procedure.modifiers.clear();
  l.procedure.description.clear();
  l.charge = model::Money{};
  l.payment.reset();
  l.revenue_code.clear();
  l.units.reset();
  l.statuses.clear();
  l.line_control_number.clear();
  l.references.clear();
  l.service_from = l.service_to = model::Date{};
  l.segment = 0;
}

// Everything but the parties, which the caller copies in.
void clear(model::ReportedClaim& c) {
  c.trace.clear();
  c.patient_control_number.clear();
  c.payer_claim_control_number.clear();
  c.clearinghouse_trace.clear();
  c.bill_type.clear();
  c.references.clear();
  c.statuses.clear();
  c.service_from = c.service_to = model::Date{};
  c.lines.clear();
  c.dependent = false;
  c.provider = 0;
  c.segment = c.offset = 0;
}

const char* depth_name(int depth) {
  switch (depth) {
    case 1: return "information source";
    case 2: return "information receiver";
    case 3: return "provider";
    default: return "patient";
  }
}

}  // namespace

ClaimStatusReader::ClaimStatusReader(x12::EnvelopeReader& envelope, x12::Diagnostics& diagnostics,
                                     const x12::spec::SpecCatalog& catalog)
    : sets_(envelope, diagnostics), catalog_(catalog) {}

// The loop ids of each HL depth, asked of the spec once: the level loop, and among its
// children the loops NM1 and TRN open, and in the TRN loop the one SVC opens.
const ClaimStatusReader::Layout* ClaimStatusReader::layout_for(const x12::spec::TransactionSpec& spec) {
  for (const auto& l : layouts_)
    if (l.spec == &spec) return &l;
  Layout layout;
  layout.spec = &spec;
  for (const auto& level : spec.hierarchy) {
    const std::size_t at = static_cast<std::size_t>(level.depth) - 1;
    if (layout.depths.size() <= at) layout.depths.resize(at + 1);
    LevelLoops& loops = layout.depths[at];
    if (!loops.level.empty()) continue;
    loops.level = level.loop->id;
    for (const auto& child : level.loop->children) {
      if (!child.is_loop()) continue;
      const std::string& entry = child.entry().id;
      if (entry == "NM1" && loops.name.empty()) loops.name = child.loop->id;
      if (entry != "TRN" || !loops.status.empty()) continue;
      loops.status = child.loop->id;
      for (const auto& line : child.loop->children)
        if (line.is_loop() && line.entry().id == "SVC") loops.line = line.loop->id;
    }
  }
  layouts_.push_back(std::move(layout));
  return &layouts_.back();
}

bool ClaimStatusReader::next(model::ClaimStatusReport& out) {
  return sets_.read_set([&] { return take(out); },
                        [&](const x12::Segment& s) {
                          hash_.add_segment(s.raw());
                          on_segment(out, s);
                        },
                        [&](bool complete) { finish(out, complete); });
}

// At an ST: reads a 277 of a guide we have a spec for; any other set is skipped.
bool ClaimStatusReader::take(model::ClaimStatusReport& out) {
  const auto& st = sets_.envelope().transaction();
  if (st.type != "277") return false;
  const std::string& version = st.implementation.empty() ? sets_.envelope().group().version : st.implementation;
  const x12::spec::TransactionSpec* spec = catalog_.find(st.type, version);
  if (spec == nullptr) {
    sets_.file_findings().push_back(x12::transaction_finding(
        "read.unsupported_guide", st.control_number, st.ordinal, st.offset,
        fmt::format("transaction set 277 {} follows {}, which is neither a claim acknowledgment "
                    "(005010X214) nor a claim status response (005010X212); it is not read",
                    st.control_number, x12::printable_excerpt(version, 16)),
        "ask the payer for 005010X214 acknowledgments or 005010X212 responses"));
    return false;
  }
  start(out, *spec);
  return true;
}

void ClaimStatusReader::start(model::ClaimStatusReport& out, const x12::spec::TransactionSpec& spec) {
  layout_ = layout_for(spec);
  depth_ = 0;
  part_ = Part::none;
  skipping_ = false;
  for (auto& o : open_) o.open = false;
  clear(subscriber_);
  clear(patient_);
  has_patient_ = false;

  out.guide = spec.implementation == "005010X214" ? model::ClaimStatusGuide::acknowledgment
                                                  : model::ClaimStatusGuide::response;
  sets_.begin(out);
  hash_.reset();
  hash_.add_segment(sets_.segment().raw());  // the ST
  out.reference.clear();
  out.created = {};
  out.sources.clear();
  out.receivers.clear();
  out.providers.clear();
  out.claims.clear();
  out.findings.clear();
  out.complete = false;
  out.segment_count = out.byte_length = out.content_hash = 0;
}

void ClaimStatusReader::finish(model::ClaimStatusReport& out, bool complete) {
  if (complete) {
    hash_.add_segment(sets_.segment().raw());  // the SE
    out.content_hash = hash_.value();
  }
  sets_.close(out, complete);
  auto set_finding = [&](std::string rule, FindingSeverity severity, std::string message, std::string action) {
    out.findings.push_back(x12::transaction_finding(std::move(rule), out.control_number, out.segment, out.offset,
                                                    std::move(message), std::move(action), severity));
  };
  if (!complete) {
    set_finding("read.incomplete_transaction", FindingSeverity::error,
                fmt::format("transaction set {} ends without its SE ({} claim statuses in it are not posted)",
                            out.control_number, out.claims.size()),
                "ask the payer to resend the acknowledgment");
  } else if (out.claims.empty()) {
    // A batch or provider rejected as a whole carries no claim level; say so either way.
    std::size_t level_statuses = 0;
    for (const auto& r : out.receivers) level_statuses += r.statuses.size();
    for (const auto& p : out.providers) level_statuses += p.statuses.size();
    set_finding("read.no_claims", FindingSeverity::warning,
                fmt::format("transaction set {} reports no claim (no 2200D/2200E loop); {} batch or provider "
                            "statuses",
                            out.control_number, level_statuses),
                level_statuses != 0 ? "the statuses apply to every claim of the batch or provider"
                                    : "ask the payer which claims this acknowledgment is about");
  }
  const std::string payer = out.sources.empty() ? std::string() : out.sources.front().payer_id();
  for (auto& f : out.findings)
    if (f.payer_id.empty()) f.payer_id = payer;
}

std::string_view ClaimStatusReader::loop_id() const {
  if (depth_ == 0 || layout_ == nullptr || static_cast<std::size_t>(depth_) > layout_->depths.size()) return {};
  const LevelLoops& l = layout_->depths[static_cast<std::size_t>(depth_) - 1];
  switch (part_) {
    case Part::name: return l.name;
    case Part::status: return l.status;
    case Part::line: return l.line;
    case Part::level:
    case Part::none: break;
  }
  return l.level;
}

void ClaimStatusReader::problem(model::ClaimStatusReport& out, const x12::Segment& s, std::string rule, int element,
                                int component, std::string message, FindingSeverity severity) {
  Finding f = x12::segment_finding(std::move(rule), s, out.control_number, loop_id(), element, component,
                                   std::move(message), "ask the payer to correct and resend the acknowledgment",
                                   severity);
  if (const auto* c = claim(out)) {
    f.claim_id = c->patient_control_number.empty() ? c->trace : c->patient_control_number;
    if (part_ == Part::line) f.line_number = static_cast<int>(c->lines.size());
  }
  out.findings.push_back(std::move(f));
}

model::StatusLevel* ClaimStatusReader::status_level(model::ClaimStatusReport& out) {
  if (part_ != Part::status) return nullptr;
  if (depth_ == 2 && !out.receivers.empty()) return &out.receivers.back();
  if (depth_ == 3 && !out.providers.empty()) return &out.providers.back();
  return nullptr;
}

model::ReportedClaim* ClaimStatusReader::claim(model::ClaimStatusReport& out) {
  if (depth_ < 4 || (part_ != Part::status && part_ != Part::line) || out.claims.empty()) return nullptr;
  return &out.claims.back();
}

model::ReportedLine* ClaimStatusReader::line(model::ClaimStatusReport& out) {
  if (part_ != Part::line) return nullptr;
  auto* c = claim(out);
  return c == nullptr || c->lines.empty() ? nullptr : &c->lines.back();
}

void ClaimStatusReader::code(model::ClaimStatusReport& out, const x12::Segment& s, int element, int component,
                             model::Code& into, std::string_view value) {
  if (into.assign(value)) [[likely]] return;
  problem(out, s, "read.invalid_value", element, component,
          fmt::format("{}{:02d}{} is longer than {} characters (its start is kept)", s.id(), element,
                      component != 0 ? fmt::format("-{}", component) : std::string(), model::Code::kCapacity));
}

std::optional<model::Money> ClaimStatusReader::amount(model::ClaimStatusReport& out, const x12::Segment& s,
                                                      int element, bool required) {
  const std::string_view text = s[static_cast<std::size_t>(element)];
  if (text.empty()) {
    if (required)
      problem(out, s, "read.missing_element", element, 0,
              fmt::format("{}{:02d} (amount) is required but empty", s.id(), element));
    return std::nullopt;
  }
  if (auto m = x12_835::fast_amount(text)) return m;
  problem(out, s, "read.invalid_value", element, 0,
          fmt::format("{}{:02d} is not an amount: expected a decimal number with at most two decimals, found '{}'",
                      s.id(), element, x12::printable_excerpt(text, 16)));
  return std::nullopt;
}

model::Date ClaimStatusReader::date(model::ClaimStatusReport& out, const x12::Segment& s, int element) {
  const std::string_view text = s[static_cast<std::size_t>(element)];
  if (text.empty()) return {};
  if (auto d = model::Date::parse_ccyymmdd(text)) return *d;
  problem(out, s, "read.invalid_value", element, 0,
          fmt::format("{}{:02d} is not a CCYYMMDD date: found '{}'", s.id(), element, x12::printable_excerpt(text, 16)),
          FindingSeverity::warning);
  return {};
}

void ClaimStatusReader::period(model::ClaimStatusReport& out, const x12::Segment& s, model::Date& from,
                               model::Date& to) {
  const std::string_view format = s[2], text = s[3];
  if (format == "D8") {
    if (auto d = model::Date::parse_ccyymmdd(text)) {
      from = to = *d;
      return;
    }
  } else if (format == "RD8") {
    if (auto r = model::DateRange::parse_rd8(text)) {
      from = r->from;
      to = r->to;
      return;
    }
  } else {
    problem(out, s, "read.invalid_value", 2, 0,
            fmt::format("DTP02 '{}' is not D8 or RD8; the date is not read", x12::printable_excerpt(format, 8)),
            FindingSeverity::warning);
    return;
  }
  problem(out, s, "read.invalid_value", 3, 0,
          fmt::format("DTP03 is not a {} date: found '{}'", format == "D8" ? "CCYYMMDD" : "CCYYMMDD-CCYYMMDD",
                      x12::printable_excerpt(text, 20)),
          FindingSeverity::warning);
}

void ClaimStatusReader::on_segment(model::ClaimStatusReport& out, const x12::Segment& s) {
  switch (key(s.id())) {
    case key("STC"): on_stc(out, s); return;
    case key("TRN"): on_trn(out, s); return;
    case key("HL"): on_hl(out, s); return;
    case key("NM1"): on_nm1(out, s); return;
    case key("REF"): on_ref(out, s); return;
    case key("DTP"): on_dtp(out, s); return;
    case key("SVC"): on_svc(out, s); return;
    case key("QTY"): on_qty_amt(out, s, false); return;
    case key("AMT"): on_qty_amt(out, s, true); return;
    case key("PER"): on_per(out, s); return;
    case key("BHT"):
      assign(out.reference, s[3]);
      out.created = date(out, s, 4);
      return;
    default:
      return;  // nothing else in either guide carries what posting needs
  }
}

void ClaimStatusReader::on_hl(model::ClaimStatusReport& out, const x12::Segment& s) {
  const std::string_view code = s[3];
  const x12::spec::HierarchyLevel* level = layout_->spec->level(code);
  if (level == nullptr) {
    skipping_ = true;
    part_ = Part::none;
    std::string known;
    for (const auto& l : layout_->spec->hierarchy) known += (known.empty() ? "" : ", ") + l.code;
    problem(out, s, "read.unknown_level", 3, 0,
            fmt::format("HL03 '{}' is not a level of the {} {} (levels {}); the segments of this level are not read",
                        x12::printable_excerpt(code, 8), layout_->spec->id, layout_->spec->implementation, known));
    return;
  }
  skipping_ = false;
  const int depth = std::min<int>(level->depth, kMaxDepth);
  if (depth > 1 && !open_[static_cast<std::size_t>(depth) - 1].open) {
    problem(out, s, "read.missing_level", 2, 0,
            fmt::format("HL {} (level {}, a {} level) has no {} level above it", x12::printable_excerpt(s[1], 12), code,
                        depth_name(depth), depth_name(depth - 1)));
    for (int d = 1; d < depth; ++d)
      if (!open_[static_cast<std::size_t>(d)].open) open_level(out, d, nullptr);
  } else if (depth > 1 && s[2] != open_[static_cast<std::size_t>(depth) - 1].id) {
    problem(out, s, "read.wrong_parent", 2, 0,
            fmt::format("HL02 '{}' does not name the open {} level above (HL {}); read as part of that level",
                        x12::printable_excerpt(s[2], 12), depth_name(depth - 1),
                        x12::printable_excerpt(open_[static_cast<std::size_t>(depth) - 1].id, 12)),
            FindingSeverity::warning);
  }
  open_level(out, depth, &s);
}

// Opens a level at depth (closing the deeper ones); s is its HL, or nullptr for a placeholder
// standing in for a level the file left out (so every claim still has a provider and a payer).
void ClaimStatusReader::open_level(model::ClaimStatusReport& out, int depth, const x12::Segment* s) {
  for (int d = depth + 1; d <= kMaxDepth; ++d) open_[static_cast<std::size_t>(d)].open = false;
  OpenLevel& o = open_[static_cast<std::size_t>(depth)];
  o.open = true;
  assign(o.id, s != nullptr ? (*s)[1] : std::string_view{});
  depth_ = depth;
  part_ = Part::level;
  const std::uint64_t segment = s != nullptr ? s->ordinal() : 0;
  switch (depth) {
    case 1: {
      auto& source = out.sources.emplace_back();
      source.segment = segment;
      break;
    }
    case 2:
    case 3: {
      auto& levels = depth == 2 ? out.receivers : out.providers;
      auto& level = levels.reuse_back();
      clear(level);
      level.segment = segment;
      const std::size_t parents = depth == 2 ? out.sources.size() : out.receivers.size();
      level.parent = static_cast<std::uint32_t>(parents - 1);
      break;
    }
    default:
      // A subscriber (X212 22) or patient (X214 PT) level starts afresh; a dependent (23)
      // keeps its subscriber.
      if (depth == 4) clear(subscriber_);
      clear(patient_);
      has_patient_ = false;
      break;
  }
}

void ClaimStatusReader::on_nm1(model::ClaimStatusReport& out, const x12::Segment& s) {
  if (skipping_ || depth_ == 0) return;
  part_ = Part::name;
  model::Party* p = nullptr;
  switch (depth_) {
    case 1: p = &out.sources.back().party; break;
    case 2: p = &out.receivers.back().party; break;
    case 3: p = &out.providers.back().party; break;
    default:
      if (s[1] == "IL") {
        p = &subscriber_;
      } else {
        p = &patient_;
        has_patient_ = true;
      }
      break;
  }
  // 2100C may repeat (a second provider id): the first name stays the provider's.
  if (!p->entity.empty()) return;
  code(out, s, 1, 0, p->entity, s[1]);
  code(out, s, 2, 0, p->entity_type, s[2]);
  assign(p->last_or_organization, s[3]);
  assign(p->first, s[4]);
  assign(p->middle, s[5]);
  assign(p->suffix, s[7]);
  code(out, s, 8, 0, p->id_qualifier, s[8]);
  assign(p->id, s[9]);
}

void ClaimStatusReader::on_per(model::ClaimStatusReport& out, const x12::Segment& s) {
  if (skipping_ || depth_ != 1 || part_ != Part::name) return;
  auto& contact = out.sources.back().contacts.emplace_back();
  code(out, s, 1, 0, contact.function, s[1]);
  assign(contact.name, s[2]);
  for (std::size_t i = 3; i + 1 <= s.size(); i += 2) {
    if (s[i].empty() && s[i + 1].empty()) continue;
    auto& number = contact.numbers.emplace_back();
    code(out, s, static_cast<int>(i), 0, number.qualifier, s[i]);
    assign(number.value, s[i + 1]);
  }
}

void ClaimStatusReader::on_trn(model::ClaimStatusReport& out, const x12::Segment& s) {
  if (skipping_) return;
  if (depth_ == 0) {
    problem(out, s, "read.segment_out_of_place", 0, 0, "TRN before any HL level; not read");
    return;
  }
  part_ = Part::status;
  if (s[2].empty())
    problem(out, s, "read.missing_element", 2, 0, "TRN02 (trace number) is required but empty");
  switch (depth_) {
    case 1: assign(out.sources.back().trace, s[2]); return;
    case 2: assign(out.receivers.back().trace, s[2]); return;
    case 3: assign(out.providers.back().trace, s[2]); return;
    default: break;
  }
  // A claim: the loop 2200D/2200E of the open patient level.
  auto& c = out.claims.reuse_back();
  clear(c);
  assign(c.trace, s[2]);
  if (out.guide == model::ClaimStatusGuide::acknowledgment) assign(c.patient_control_number, s[2]);
  c.provider = static_cast<std::uint32_t>(out.providers.size() - 1);
  c.subscriber = subscriber_;
  c.patient = has_patient_ ? patient_ : subscriber_;
  c.dependent = depth_ >= 5;
  c.segment = s.ordinal();
  c.offset = s.offset();
}

bool ClaimStatusReader::read_status_code(model::ClaimStatusReport& out, const x12::Segment& s, int element,
                                         model::StatusCode& into) {
  const char separator = s.delimiters().component;
  const std::string_view value = s[static_cast<std::size_t>(element)];
  std::string_view parts[4];
  std::size_t count = 0, begin = 0;
  for (std::size_t i = 0; i <= value.size() && count < 4; ++i) {
    if (i == value.size() || value[i] == separator) {
      parts[count++] = value.substr(begin, i - begin);
      begin = i + 1;
    }
  }
  if (parts[0].empty() || parts[1].empty()) {
    const int component = parts[0].empty() ? 1 : 2;
    problem(out, s, "read.missing_element", element, component,
            fmt::format("STC{:02d}-{} (claim status {} code) is required but empty; this status is not read", element,
                        component, component == 1 ? "category" : "status"));
    return false;
  }
  code(out, s, element, 1, into.category, parts[0]);
  code(out, s, element, 2, into.status, parts[1]);
  code(out, s, element, 3, into.entity, parts[2]);
  code(out, s, element, 4, into.code_list, parts[3]);
  return true;
}

void ClaimStatusReader::on_stc(model::ClaimStatusReport& out, const x12::Segment& s) {
  if (skipping_) return;
  model::RecyclingVector<model::StatusInformation>* into = nullptr;
  if (auto* l = line(out)) into = &l->statuses;
  else if (auto* c = claim(out)) into = &c->statuses;
  else if (auto* level = status_level(out)) into = &level->statuses;
  if (into == nullptr) {
    problem(out, s, "read.segment_out_of_place", 0, 0,
            "STC outside a status loop (no receiver, provider or claim TRN before it); not read");
    return;
  }
  model::StatusCode first;
  if (!read_status_code(out, s, 1, first)) return;
  auto& st = into->reuse_back();
  st.codes[0] = first;
  st.code_count = 1;
  for (int element : {10, 11}) {
    if (s[static_cast<std::size_t>(element)].empty()) continue;
    model::StatusCode more;
    if (read_status_code(out, s, element, more)) st.codes[st.code_count++] = more;
  }
  st.effective = date(out, s, 2);
  code(out, s, 3, 0, st.action, s[3]);
  st.charge = amount(out, s, 4, false);
  st.payment = amount(out, s, 5, false);
  st.adjudicated = date(out, s, 6);
  code(out, s, 7, 0, st.payment_method, s[7]);
  st.remittance_date = date(out, s, 8);
  assign(st.remittance_trace, s[9]);
  assign(st.message, s[12]);
  st.segment = s.ordinal();
}

void ClaimStatusReader::on_ref(model::ClaimStatusReport& out, const x12::Segment& s) {
  if (skipping_) return;
  const std::string_view qualifier = s[1], value = s[2];
  std::vector<model::QualifiedText>* others = nullptr;
  if (auto* l = line(out)) {
    if (qualifier == "FJ") {
      assign(l->line_control_number, value);
      return;
    }
    others = &l->references;
  } else if (auto* c = claim(out)) {
    if (qualifier == "1K") {
      assign(c->payer_claim_control_number, value);
      return;
    }
    if (qualifier == "D9") {
      assign(c->clearinghouse_trace, value);
      return;
    }
    if (qualifier == "BLT") {
      assign(c->bill_type, value);
      return;
    }
    if (qualifier == "EJ" && out.guide == model::ClaimStatusGuide::response) {
      assign(c->patient_control_number, value);
      return;
    }
    others = &c->references;
  } else if (auto* level = status_level(out)) {
    others = &level->references;
  }
  if (others == nullptr) return;
  auto& r = others->emplace_back();
  code(out, s, 1, 0, r.qualifier, qualifier);
  assign(r.value, value);
}

void ClaimStatusReader::on_dtp(model::ClaimStatusReport& out, const x12::Segment& s) {
  if (skipping_) return;
  const std::string_view qualifier = s[1];
  if (auto* l = line(out)) {
    if (qualifier == "472") period(out, s, l->service_from, l->service_to);
    return;
  }
  if (auto* c = claim(out)) {
    if (qualifier == "472") period(out, s, c->service_from, c->service_to);
    return;
  }
  if (depth_ == 1 && part_ == Part::status) {
    model::Date unused;
    auto& source = out.sources.back();
    if (qualifier == "050") period(out, s, source.received, unused);
    else if (qualifier == "009") period(out, s, source.processed, unused);
  }
}

void ClaimStatusReader::on_qty_amt(model::ClaimStatusReport& out, const x12::Segment& s, bool is_amount) {
  if (skipping_) return;
  auto* level = status_level(out);
  if (level == nullptr) return;
  if (is_amount) {
    auto m = amount(out, s, 2, true);
    if (!m) return;
    auto& a = level->amounts.emplace_back();
    code(out, s, 1, 0, a.qualifier, s[1]);
    a.amount = *m;
    return;
  }
  const std::string_view text = s[2];
  auto q = x12::grammar::parse_decimal(text);
  if (!q) {
    problem(out, s, "read.invalid_value", 2, 0,
            fmt::format("QTY02 is not a quantity: found '{}'", x12::printable_excerpt(text, 16)));
    return;
  }
  auto& quantity = level->quantities.emplace_back();
  code(out, s, 1, 0, quantity.qualifier, s[1]);
  quantity.quantity = *q;
}

void ClaimStatusReader::on_svc(model::ClaimStatusReport& out, const x12::Segment& s) {
  if (skipping_) return;
  auto* c = claim(out);
  if (c == nullptr) {
    problem(out, s, "read.segment_out_of_place", 0, 0, "SVC outside a claim (no claim TRN before it); not read");
    return;
  }
  part_ = Part::line;
  auto& l = c->lines.reuse_back();
  clear(l);
  l.segment = s.ordinal();
  // SVC01: qualifier : code : up to four modifiers : description.
  const char separator = s.delimiters().component;
  std::size_t k = 0;
  for (std::string_view part : x12::Split(s[1], separator)) {
    ++k;
    if (k == 1) code(out, s, 1, 1, l.procedure.qualifier, part);
    else if (k == 2) assign(l.procedure.code, part);
    else if (k <= 6 && !part.empty()) code(out, s, 1, static_cast<int>(k), l.procedure.modifiers.emplace_back(), part);
    else if (k == 7) assign(l.procedure.description, part);
  }
  if (l.procedure.code.empty())
    problem(out, s, "read.missing_element", 1, 2, "SVC01-2 (procedure code) is required but empty");
  l.charge = amount(out, s, 2, true).value_or(model::Money{});
  l.payment = amount(out, s, 3, false);
  assign(l.revenue_code, s[4]);
  if (const std::string_view units = s[7]; !units.empty()) {
    l.units = x12::grammar::parse_decimal(units);
    if (!l.units)
      problem(out, s, "read.invalid_value", 7, 0,
              fmt::format("SVC07 is not a quantity: found '{}'", x12::printable_excerpt(units, 16)));
  }
}

}  // namespace clearhouse::x12_277
