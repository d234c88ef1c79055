#include "engine/ack/claim_status_planner.hpp"

#include <fmt/format.h>

#include <charconv>
#include <set>

#include "engine/rules/rule_ids.hpp"
#include "engine/worklist/item_change.hpp"

namespace clearhouse::ack {
namespace {

using model::ClaimStatusGuide;
using rules::StcStatus;

// Entity identifier codes (STC01-3) that name a provider: a status about one of them is the
// provider's (not on file, not eligible), not the patient's.
bool is_provider_entity(std::string_view e) {
  static constexpr std::string_view kProviders[] = {"1P", "41", "71", "72", "77", "82", "85", "87",
                                                    "DK", "DN", "DQ", "FA", "P3", "QB", "SJ", "TT"};
  for (auto p : kProviders)
    if (p == e) return true;
  return false;
}

std::string trimmed(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return std::string(v);
}

std::string hash_hex(std::uint64_t h) { return fmt::format("{:016x}", h); }

StcStatus category_status(const model::StatusCode& code, const rules::RulesConfig& config) {
  const auto* e = config.codes.stc_categories.find(code.category.view());
  return e ? e->status : StcStatus::unknown;
}

// Statuses that keep a claim out of adjudication in a 277CA.
bool rejects_at_front_door(StcStatus s) {
  return s == StcStatus::rejected || s == StcStatus::not_found || s == StcStatus::error;
}

// The status a list of STCs gives (see the header, step 3).
std::string derive_status(const model::RecyclingVector<model::StatusInformation>& statuses, ClaimStatusGuide guide,
                          const rules::RulesConfig& config) {
  if (statuses.empty()) return "unknown";
  if (guide == ClaimStatusGuide::acknowledgment) {
    for (const auto& stc : statuses)
      for (const auto& code : stc.status_codes())
        if (rejects_at_front_door(category_status(code, config))) return std::string(to_string(StcStatus::rejected));
    return std::string(to_string(category_status(statuses[0].first(), config)));
  }
  const auto& first = statuses[0];
  const StcStatus s = category_status(first.first(), config);
  if (s == StcStatus::finalized && first.payment) {
    return std::string(to_string(first.payment->cents() > 0 ? StcStatus::finalized_paid : StcStatus::finalized_denied));
  }
  return std::string(to_string(s));
}

// "A7:33:IL" (category, status, entity; the code list qualifier when sent).
std::string composite_text(const model::StatusCode& c) {
  std::string out(c.category.view());
  out += ':';
  out += c.status.view();
  if (!c.entity.empty() || !c.code_list.empty()) {
    out += ':';
    out += c.entity.view();
  }
  if (!c.code_list.empty()) {
    out += ':';
    out += c.code_list.view();
  }
  return out;
}

std::string codes_text(const model::RecyclingVector<model::StatusInformation>& statuses) {
  std::string out;
  for (const auto& stc : statuses)
    for (const auto& code : stc.status_codes()) {
      if (!out.empty()) out += ',';
      out += composite_text(code);
    }
  return out;
}

// What a composite means, in words: "A7:33:IL (Acknowledgement/Rejected for invalid
// information. / Subscriber and subscriber id not found. / entity IL)".
std::string composite_words(const model::StatusCode& c, const rules::RulesConfig& config) {
  const auto* cat = config.codes.stc_categories.find(c.category.view());
  const auto* st = config.codes.stc_statuses.find(c.status.view());
  std::string out = composite_text(c) + " (";
  out += cat ? cat->description : fmt::format("category {} not in stc_categories.json", c.category.view());
  out += " / ";
  out += st ? st->description : fmt::format("status {} not in stc_statuses.json", c.status.view());
  if (!c.entity.empty()) out += fmt::format(" / entity {}", c.entity.view());
  out += ')';
  return out;
}

// The worklist category and action of a rejecting composite (see the header, step 5).
struct ItemKind {
  std::string category, action;
};
ItemKind item_kind(const model::StatusCode& c, const rules::RulesConfig& config) {
  const auto* cat = config.codes.stc_categories.find(c.category.view());
  const auto* st = config.codes.stc_statuses.find(c.status.view());
  ItemKind k;
  if (st && is_provider_entity(c.entity.view()) && !st->provider_category.empty()) k.category = st->provider_category;
  else if (st && !st->category.empty()) k.category = st->category;
  else if (cat && !cat->category.empty()) k.category = cat->category;
  else k.category = "other";
  if (st && !st->action.empty()) k.action = st->action;
  else if (cat && !cat->action.empty()) k.action = cat->action;
  else k.action = "correct_resubmit";
  return k;
}

// The composite that decides an item: the first whose category opens one, else the first.
const model::StatusCode* deciding_code(const model::RecyclingVector<model::StatusInformation>& statuses,
                                       const rules::RulesConfig& config) {
  for (const auto& stc : statuses)
    for (const auto& code : stc.status_codes()) {
      const auto* cat = config.codes.stc_categories.find(code.category.view());
      if (cat && !cat->category.empty()) return &code;
    }
  return statuses.empty() ? nullptr : &statuses[0].first();
}

// The rule a status opens an item under (empty: it opens none).
std::string_view opening_rule(std::string_view status, ClaimStatusGuide guide) {
  namespace id = rules::rule_id;
  if (guide == ClaimStatusGuide::acknowledgment) return status == "rejected" ? id::front_door_rejected : "";
  if (status == "finalized_denied") return id::status_denied;
  if (status == "not_found") return id::status_not_found;
  return "";
}

bool resolves_items(std::string_view status) {
  return status == "accepted" || status == "forwarded" || status == "finalized_paid";
}

// A 2200B or 2200C status without claims under it that applies to the claims it names.
struct LevelTarget {
  model::StatusLevelKind kind = model::StatusLevelKind::batch;
  const model::StatusLevel* level = nullptr;
  const model::StatusLevel* receiver = nullptr;  // the batch (2000B) it belongs to
  std::string billing_npi;                        // provider level: its NPI
};

std::vector<LevelTarget> level_targets(const model::ClaimStatusReport& report, const rules::RulesConfig& config) {
  std::vector<LevelTarget> out;
  std::vector<bool> receiver_has_claims(report.receivers.size()), provider_has_claims(report.providers.size());
  for (const auto& c : report.claims) {
    if (c.provider >= report.providers.size()) continue;
    provider_has_claims[c.provider] = true;
    const auto parent = report.providers[c.provider].parent;
    if (parent < receiver_has_claims.size()) receiver_has_claims[parent] = true;
  }
  auto rejected = [&](const model::StatusLevel& l) {
    return derive_status(l.statuses, ClaimStatusGuide::acknowledgment, config) == "rejected";
  };
  for (std::size_t i = 0; i < report.receivers.size(); ++i) {
    const auto& r = report.receivers[i];
    if (!receiver_has_claims[i] && !r.statuses.empty() && rejected(r))
      out.push_back({model::StatusLevelKind::batch, &r, &r, {}});
  }
  for (std::size_t i = 0; i < report.providers.size(); ++i) {
    const auto& p = report.providers[i];
    if (provider_has_claims[i] || p.statuses.empty() || !rejected(p) || p.parent >= report.receivers.size()) continue;
    // A provider under a batch that is rejected as a whole is already covered by the batch.
    const auto& r = report.receivers[p.parent];
    if (!r.statuses.empty() && !receiver_has_claims[p.parent] && rejected(r)) continue;
    out.push_back({model::StatusLevelKind::provider, &p, &r, std::string(p.npi())});
  }
  return out;
}

// The 837 this batch status answers: its BHT03 "<ISA13>-<ST02>", echoed in the 2200B TRN02.
std::optional<ledger::LevelLookup> lookup_for(const model::ClaimStatusReport& report, const LevelTarget& t) {
  const std::string_view trace = t.receiver->trace;
  const auto dash = trace.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  std::int64_t isa13 = 0;
  const auto head = trace.substr(0, dash);
  const auto [end, ec] = std::from_chars(head.data(), head.data() + head.size(), isa13);
  if (ec != std::errc{} || end != head.data() + head.size() || dash + 1 == trace.size()) return std::nullopt;
  ledger::LevelLookup l;
  l.sender_id = report.interchange_receiver;  // we sent the 837 to whoever answers with the 277CA
  l.receiver_id = report.interchange_sender;
  l.interchange_control_number = isa13;
  l.transaction_control_number = std::string(trace.substr(dash + 1));
  l.billing_npi = t.billing_npi;
  return l;
}

// The patient control number (our CLM01) a claim status names.
std::string claim_key(const model::ReportedClaim& c, ClaimStatusGuide guide) {
  return trimmed(guide == ClaimStatusGuide::acknowledgment ? std::string_view(c.trace)
                                                           : std::string_view(c.patient_control_number));
}

model::Finding finding_at(const model::ClaimStatusReport& report, std::uint64_t segment, std::uint64_t offset,
                          std::string_view segment_id, std::string_view loop) {
  model::Finding f;
  f.location.transaction = report.control_number;
  f.location.segment = segment;
  f.location.offset = offset;
  f.location.segment_id = std::string(segment_id);
  f.location.loop = std::string(loop);
  f.trace_number = report.reference;
  return f;
}

class Planner {
 public:
  Planner(const model::ClaimStatusReport& report, const ledger::ClaimStatusInputs& inputs,
          const StatusPlanContext& context, model::ClaimStatusPlan& plan)
      : report_(report), in_(inputs), ctx_(context), config_(*context.config), plan_(plan) {}

  void claims() {
    for (const auto& c : report_.claims) claim(c);
  }

  void levels() {
    // in_.level_claims answers the lookups claim_status_query made, in the same order.
    std::size_t next = 0;
    for (const auto& t : level_targets(report_, config_)) {
      const bool asked = lookup_for(report_, t).has_value();
      level(t, asked && next < in_.level_claims.size() ? &in_.level_claims[next++] : nullptr);
    }
  }

  // One worklist change per claim: the last status of a claim in the set decides.
  void worklist() {
    for (const auto& [key, index] : last_change_) {
      const auto& ch = plan_.changes[index];
      const auto& statuses = *statuses_of_[index];
      worklist_for(ch, statuses);
    }
  }

 private:
  void claim(const model::ReportedClaim& c) {
    const std::string payer = trimmed(report_.payer_of(c).payer_id());
    const std::string npi(report_.provider_of(c).npi());
    model::ClaimStatusChange ch = change_for(c.statuses);
    ch.level = model::StatusLevelKind::claim;
    ch.payer_id = payer;
    ch.trace = c.trace;
    ch.payer_claim_control_number = trimmed(c.payer_claim_control_number);
    ch.segment = c.statuses.empty() ? c.segment : c.statuses[0].segment;
    std::string key = claim_key(c, report_.guide);

    const ledger::StatusClaimRecord* rec = nullptr;
    if (report_.guide == ClaimStatusGuide::response) {
      if (const auto it = in_.inquiries.find(trimmed(c.trace)); it != in_.inquiries.end()) {
        ch.inquiry_id = it->second.id;
        if (key.empty()) key = it->second.claim_id;
        rec = find(it->second.payer_id, it->second.claim_id);
      }
    }
    if (rec == nullptr && !key.empty()) rec = find(payer, key);
    ch.claim_id = rec ? rec->claim_id : key;
    std::string why;
    if (rec == nullptr) {
      why = key.empty() ? "it names no patient control number (REF*EJ) and answers no 276 inquiry of ours"
                        : fmt::format("no claim '{}' was submitted to payer '{}'", key, payer);
    } else if (!npi.empty() && rec->billing_npi != npi) {
      why = fmt::format("claim '{}' was submitted for billing provider NPI {}, the 277 names {}", rec->claim_id,
                        rec->billing_npi, npi);
      rec = nullptr;
    }
    if (rec == nullptr) {
      ch.billing_npi = npi;
      unmatched(ch, c.segment, c.offset, why);
      return;
    }
    ch.payer_id = rec->payer_id;
    matched(std::move(ch), *rec, c.statuses);
  }

  void level(const LevelTarget& t, const std::vector<ledger::StatusClaimRecord>* rows) {
    model::ClaimStatusChange base = change_for(t.level->statuses);
    base.level = t.kind;
    base.trace = t.level->trace;
    base.billing_npi = t.billing_npi;
    base.payer_id = report_.sources.empty() ? std::string() : trimmed(report_.source_of(*t.receiver).payer_id());
    base.segment = t.level->statuses.empty() ? t.level->segment : t.level->statuses[0].segment;
    const bool found = rows != nullptr;
    if (rows == nullptr || rows->empty()) {
      const std::string what = t.kind == model::StatusLevelKind::batch
                                   ? fmt::format("batch '{}'", t.receiver->trace)
                                   : fmt::format("provider NPI {} of batch '{}'", t.billing_npi, t.receiver->trace);
      unmatched(base, t.level->segment, 0,
                found ? fmt::format("the {} rejection names no claims we sent ({})", to_string(t.kind), what)
                      : fmt::format("the {} rejection's trace '{}' is not one of our batches (<ISA13>-<ST02>)",
                                    to_string(t.kind), t.receiver->trace));
      return;
    }
    for (const auto& rec : *rows) {
      auto ch = base;
      ch.claim_id = rec.claim_id;
      ch.payer_id = rec.payer_id;
      ch.billing_npi = rec.billing_npi;
      matched(std::move(ch), rec, t.level->statuses);
    }
  }

  model::ClaimStatusChange change_for(const model::RecyclingVector<model::StatusInformation>& statuses) {
    model::ClaimStatusChange ch;
    ch.status = derive_status(statuses, report_.guide, config_);
    ch.status_codes = codes_text(statuses);
    if (!statuses.empty()) {
      const auto& first = statuses[0];
      ch.charge = first.charge;
      ch.payment = first.payment;
      if (!first.effective.empty()) ch.effective_date = first.effective.to_iso();
    }
    std::string words;
    for (const auto& stc : statuses)
      for (const auto& code : stc.status_codes()) {
        if (!words.empty()) words += "; ";
        words += composite_words(code, config_);
      }
    ch.message = words;
    return ch;
  }

  const ledger::StatusClaimRecord* find(const std::string& payer, const std::string& claim_id) const {
    const auto it = in_.claims.find(ledger::PayerClaimKey(payer, claim_id));
    return it == in_.claims.end() ? nullptr : &it->second;
  }

  void unmatched(model::ClaimStatusChange ch, std::uint64_t segment, std::uint64_t offset, const std::string& why) {
    ++plan_.unmatched;
    auto f = finding_at(report_, segment, offset, ch.level == model::StatusLevelKind::claim ? "TRN" : "HL",
                        ch.level == model::StatusLevelKind::claim ? "2200D"
                        : ch.level == model::StatusLevelKind::provider ? "2200C"
                                                                       : "2200B");
    f.rule = "claim_status.unmatched";
    f.category = model::finding_category::unmatched;
    f.severity = model::FindingSeverity::error;
    f.claim_id = ch.claim_id;
    f.payer_id = ch.payer_id;
    f.message = fmt::format("{} {} status {} ({}): {}; kept as unmatched", guide_name(report_.guide),
                            report_.control_number, ch.status, ch.status_codes, why);
    f.action = "check the patient control number and payer, or whether the claim was sent through another system";
    plan_.findings.push_back(std::move(f));
    plan_.changes.push_back(std::move(ch));
    statuses_of_.push_back(nullptr);  // aligned with changes; unmatched ones change no item
    records_.push_back(nullptr);
  }

  void matched(model::ClaimStatusChange ch, const ledger::StatusClaimRecord& rec,
               const model::RecyclingVector<model::StatusInformation>& statuses) {
    ch.claim_row = rec.row_id;
    ch.updates_claim = true;
    count(ch.status);
    last_change_[ledger::PayerClaimKey(ch.payer_id, ch.claim_id)] = plan_.changes.size();
    plan_.changes.push_back(std::move(ch));
    statuses_of_.push_back(&statuses);
    records_.push_back(&rec);
  }

  void count(std::string_view s) {
    if (s == "accepted") ++plan_.accepted;
    else if (s == "rejected") ++plan_.rejected;
    else if (s == "pended") ++plan_.pended;
    else if (s == "forwarded") ++plan_.forwarded;
    else if (s == "finalized" || s == "finalized_paid" || s == "finalized_denied") {
      ++plan_.finalized;
      if (s == "finalized_denied") ++plan_.denied;
    }
    else if (s == "not_found") ++plan_.not_found;
    else ++plan_.other;
  }

  void worklist_for(const model::ClaimStatusChange& ch, const model::RecyclingVector<model::StatusInformation>& statuses) {
    const auto index = static_cast<std::size_t>(&ch - plan_.changes.data());
    const auto& rec = *records_[index];
    const auto item_it = in_.items.find(ledger::PayerClaimKey(ch.payer_id, ch.claim_id));
    std::optional<model::WorklistItem> existing;
    if (item_it != in_.items.end()) existing = item_it->second;

    worklist::ClaimReview review;
    review.payer_id = ch.payer_id;
    review.claim_id = ch.claim_id;
    review.trace_number = report_.reference.empty() ? report_.control_number : report_.reference;
    review.reference_date = reference_date(statuses);
    review.adjudicated = true;
    review.source = worklist::kClaimStatusSource;

    const std::string_view rule = opening_rule(ch.status, report_.guide);
    if (!rule.empty() && config_.enabled(rule)) {
      const auto* code = deciding_code(statuses, config_);
      const ItemKind kind = code ? item_kind(*code, config_) : ItemKind{"other", "correct_resubmit"};
      auto f = finding_at(report_, ch.segment, 0, "STC", ch.level == model::StatusLevelKind::claim ? "2200D"
                                                        : ch.level == model::StatusLevelKind::provider ? "2200C"
                                                                                                       : "2200B");
      f.rule = std::string(rule);
      f.category = kind.category;
      f.claim_id = ch.claim_id;
      f.payer_id = ch.payer_id;
      f.amount = model::Money::from_cents(rec.billed_cents);
      f.action = kind.action;
      f.message = fmt::format("{} {} {}{}: {}", guide_name(report_.guide), report_.control_number, ch.status,
                              ch.level == model::StatusLevelKind::claim ? std::string()
                                                                        : fmt::format(" ({} level)", to_string(ch.level)),
                              ch.message);
      review.findings.push_back(std::move(f));
    } else if (!(resolves_items(ch.status) && existing && model::is_active(existing->status) &&
                 only_status_findings(*existing))) {
      return;  // nothing to change: pended, forwarded without an item, an item of the 835's
    }
    if (auto change = worklist::plan_item_change(existing, review, config_, ctx_.now))
      plan_.worklist.push_back(std::move(*change));
  }

  static bool only_status_findings(const model::WorklistItem& item) {
    for (const auto& f : item.findings)
      if (f.open && f.source != worklist::kClaimStatusSource) return false;
    return true;
  }

  model::Date reference_date(const model::RecyclingVector<model::StatusInformation>& statuses) const {
    if (!statuses.empty() && !statuses[0].effective.empty()) return statuses[0].effective;
    if (!report_.created.empty()) return report_.created;
    return ctx_.today;
  }

  const model::ClaimStatusReport& report_;
  const ledger::ClaimStatusInputs& in_;
  const StatusPlanContext& ctx_;
  const rules::RulesConfig& config_;
  model::ClaimStatusPlan& plan_;
  std::map<ledger::PayerClaimKey, std::size_t> last_change_;
  std::vector<const model::RecyclingVector<model::StatusInformation>*> statuses_of_;
  std::vector<const ledger::StatusClaimRecord*> records_;
};

}  // namespace

std::string_view guide_name(ClaimStatusGuide guide) { return guide == ClaimStatusGuide::acknowledgment ? "277CA" : "277"; }

std::string status_of(const model::ReportedClaim& claim, ClaimStatusGuide guide, const rules::RulesConfig& config) {
  return derive_status(claim.statuses, guide, config);
}

ledger::ClaimStatusQuery claim_status_query(const model::ClaimStatusReport& report, const rules::RulesConfig& config) {
  ledger::ClaimStatusQuery q;
  q.payer_id = report.sources.empty() ? std::string() : trimmed(report.sources.front().payer_id());
  q.content_hash = hash_hex(report.content_hash);
  std::map<std::string, std::set<std::string>> ids;
  std::set<std::string> traces;
  for (const auto& c : report.claims) {
    if (c.provider >= report.providers.size()) continue;
    const std::string key = claim_key(c, report.guide);
    if (!key.empty()) ids[trimmed(report.payer_of(c).payer_id())].insert(key);
    if (report.guide == ClaimStatusGuide::response && !c.trace.empty()) traces.insert(trimmed(c.trace));
  }
  for (auto& [payer, set] : ids) q.claim_ids[payer] = std::vector<std::string>(set.begin(), set.end());
  q.inquiry_traces.assign(traces.begin(), traces.end());
  for (const auto& t : level_targets(report, config))
    if (auto l = lookup_for(report, t)) q.levels.push_back(std::move(*l));
  return q;
}

model::ClaimStatusPlan plan_claim_status(const model::ClaimStatusReport& report, const ledger::ClaimStatusInputs& inputs,
                                         const StatusPlanContext& context) {
  model::ClaimStatusPlan plan;
  plan.at = context.now;
  auto& r = plan.report;
  r.guide = std::string(guide_name(report.guide));
  r.payer_id = report.sources.empty() ? std::string() : trimmed(report.sources.front().payer_id());
  r.content_hash = hash_hex(report.content_hash);
  r.interchange_sender = report.interchange_sender;
  r.interchange_control_number = report.interchange_control_number;
  r.transaction_control_number = report.control_number;
  r.reference = report.reference;
  r.source_name = context.source_name;
  r.posted_at = context.now;

  bool broken = !report.complete;
  for (const auto& f : report.findings) {
    plan.findings.push_back(f);
    broken = broken || f.is_error();
  }
  if (broken) {
    plan.result = model::ClaimStatusPlan::Result::not_posted;
    auto f = finding_at(report, report.segment, report.offset, "ST", "");
    f.rule = "claim_status.not_posted";
    f.category = model::finding_category::malformed;
    f.message = fmt::format("{} transaction set {} is not posted: {}", guide_name(report.guide), report.control_number,
                            report.complete ? "it has errors (above)" : "it ends without its SE");
    f.action = "ask the payer to resend it; the other transaction sets of the file are posted";
    plan.findings.push_back(std::move(f));
    return plan;
  }
  if (inputs.already_posted) {
    plan.result = model::ClaimStatusPlan::Result::already_posted;
    return plan;
  }
  plan.result = model::ClaimStatusPlan::Result::post;
  Planner planner(report, inputs, context, plan);
  planner.claims();
  planner.levels();
  planner.worklist();
  r.statuses = static_cast<std::int64_t>(plan.changes.size());
  r.unmatched = static_cast<std::int64_t>(plan.unmatched);
  r.matched = r.statuses - r.unmatched;
  r.rejected = static_cast<std::int64_t>(plan.rejected);
  return plan;
}

}  // namespace clearhouse::ack
