#include "engine/cli/posting_plan_output.hpp"

#include <fmt/format.h>

#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

using reconcile::RemittanceOutcome;

std::string_view result_name(RemittanceOutcome::Result r) {
  switch (r) {
    case RemittanceOutcome::Result::posted: return "post";
    case RemittanceOutcome::Result::already_posted: return "already_posted";
    case RemittanceOutcome::Result::not_posted: return "not_posted";
  }
  return "not_posted";
}

// The CLP (1-based) of this set whose posting has this id, or 0 (a payment already in the ledger).
int clp_of(const std::vector<model::Posting>& postings, std::int64_t id) {
  for (const auto& p : postings)
    if (p.id == id) return p.sequence;
  return 0;
}

std::string money(model::Money m) { return model::to_display_amount(m); }

void write_finding(render::JsonWriter& json, const model::Finding& f) {
  json.begin_object();
  json.field("severity", model::to_string(f.severity));
  json.field("category", f.category);
  json.field("rule", f.rule);
  if (!f.claim_id.empty()) json.field("claim_id", f.claim_id);
  if (f.line_number > 0) json.field("line", static_cast<std::int64_t>(f.line_number));
  json.field("amount_cents", f.amount.cents());
  json.field("location", f.location.to_string());
  json.field("message", f.message);
  json.end_object();
}

}  // namespace

PostingPlanOutput::PostingPlanOutput(std::FILE* out, Format format) : out_(out), format_(format) {
  if (format_ != Format::json) return;
  json_ = std::make_unique<render::JsonWriter>(out_);
  json_->begin_object();
  json_->field("dry_run", true);
  json_->key("sets").begin_array();
}

PostingPlanOutput::~PostingPlanOutput() = default;

void PostingPlanOutput::set(const reconcile::SetOutcome& set) {
  if (format_ == Format::json) json_set(set);
  else text_set(set);
}

void PostingPlanOutput::json_set(const reconcile::SetOutcome& set) {
  auto& json = *json_;
  const auto& r = *set.remittance;
  const auto& o = set.outcome;
  json.begin_object();
  json.field("transaction", r.control_number);
  json.field("payer_id", r.payer_id());
  json.field("trace_number", r.trace.reference);
  json.field("result", result_name(o.result));
  json.key("claims").unsigned_number(o.claims);
  json.key("matched").unsigned_number(o.matched);
  json.key("unmatched").unsigned_number(o.unmatched);
  json.field("paid_cents", o.paid.cents());
  json.key("postings").begin_array();
  for (const auto& p : o.postings) {
    json.begin_object();
    json.field("clp", static_cast<std::int64_t>(p.sequence));
    json.field("claim_id", p.claim_id);
    json.field("status_code", p.status_code.view());
    json.field("payer_claim_control_number", p.payer_claim_control_number);
    json.key("submitted_claim");
    if (p.matched) json.number(p.claim_row);
    else json.null();
    json.field("billed_cents", p.billed.cents());
    json.field("paid_cents", p.paid.cents());
    json.field("patient_resp_cents", p.patient_responsibility.cents());
    json.key("claim_status");
    if (p.matched && p.claim_status) json.string(model::to_string(*p.claim_status));
    else json.null();
    json.end_object();
  }
  json.end_array();
  json.key("reversals").begin_array();
  for (const auto& p : o.postings) {
    if (!p.reversal) continue;
    json.begin_object();
    json.field("clp", static_cast<std::int64_t>(p.sequence));
    json.field("claim_id", p.claim_id);
    const int clp = p.reverses != 0 ? clp_of(o.postings, p.reverses) : 0;
    json.key("reverses_clp");
    if (clp != 0) json.number(clp);
    else json.null();
    json.key("reverses_payment");  // a payment by id: in the ledger, or written by an earlier set of the file
    if (p.reverses != 0 && clp == 0) json.number(p.reverses);
    else json.null();
    json.end_object();
  }
  json.end_array();
  json.key("worklist").begin_array();
  for (const auto& ch : o.worklist_changes) {
    json.begin_object();
    json.field("claim_id", ch.item.claim_id);
    json.field("change", ch.what());
    json.field("status", model::to_string(ch.item.status));
    json.field("category", ch.item.category);
    json.field("amount_cents", ch.item.amount.cents());
    json.key("rules").begin_array();
    for (const auto& rule : ch.item.rules) json.string(rule);
    json.end_array();
    json.key("findings_added").unsigned_number(ch.added.size());
    json.end_object();
  }
  json.end_array();
  json.key("findings").begin_array();
  for (const auto& f : set.file_findings) write_finding(json, f);
  for (const auto& f : o.findings) write_finding(json, f);
  json.end_array();
  json.key("rule_findings").begin_array();
  for (const auto& f : o.rule_findings) write_finding(json, f);
  json.end_array();
  json.end_object();
}

void PostingPlanOutput::text_set(const reconcile::SetOutcome& set) {
  const auto& r = *set.remittance;
  const auto& o = set.outcome;
  std::string out = fmt::format("ST {} payer {} trace {}: ", r.control_number, r.payer_id(), r.trace.reference);
  switch (o.result) {
    case RemittanceOutcome::Result::posted:
      out += fmt::format("would post {} claim payment(s), {} matched, {} unmatched; paid {}\n", o.written, o.matched,
                         o.unmatched, money(o.paid));
      break;
    case RemittanceOutcome::Result::already_posted:
      out += fmt::format("already posted ({} claim(s)): nothing would change\n", o.claims);
      break;
    case RemittanceOutcome::Result::not_posted:
      out += "incomplete transaction set: would not be posted\n";
      break;
  }
  for (const auto& p : o.postings) {
    out += fmt::format("  CLP {} {} ({}): ", p.sequence, p.claim_id, p.status_code.view());
    out += p.matched ? fmt::format("submitted claim {}", p.claim_row) : std::string("unmatched");
    out += fmt::format(", paid {}", money(p.paid));
    if (p.matched && p.claim_status) out += fmt::format(", claim -> {}", model::to_string(*p.claim_status));
    if (p.reversal) {
      const int clp = p.reverses != 0 ? clp_of(o.postings, p.reverses) : 0;
      out += clp != 0             ? fmt::format(", reverses CLP {}", clp)
             : p.reverses != 0    ? fmt::format(", reverses payment {}", p.reverses)
                                  : std::string(", reverses no payment found");
    }
    out += '\n';
  }
  for (const auto& ch : o.worklist_changes) {
    out += fmt::format("  worklist {} {}: {}", ch.what(), ch.item.claim_id, model::to_string(ch.item.status));
    if (!ch.item.category.empty()) out += fmt::format(", {} {}", ch.item.category, money(ch.item.amount));
    out += '\n';
  }
  for (const auto* list : {&set.file_findings, &o.findings, &o.rule_findings})
    for (const auto& f : *list)
      out += fmt::format("  {} {} [{}] {}{}\n", model::to_string(f.severity), f.category, f.rule,
                         f.claim_id.empty() ? std::string() : "claim " + f.claim_id + ": ", f.message);
  std::fputs(out.c_str(), out_);
}

void PostingPlanOutput::finish(const reconcile::RemittanceFileTotals& totals) {
  if (format_ == Format::json) {
    auto& json = *json_;
    json.end_array();
    json.key("summary").begin_object();
    reconcile::write_remittance_totals_fields(json, totals);
    reconcile::write_remittance_worklist_field(json, totals);
    json.end_object();
    json.end_object();
    json.newline();
    json.flush();
    return;
  }
  std::fputs(fmt::format("dry run: {} set(s), {} claim(s), {} would post ({} matched, {} unmatched), {} already "
                         "posted; paid {}; worklist: {} opened, {} updated, {} resolved. Nothing was written.\n",
                         totals.remittances, totals.claims, totals.remittances - totals.already_posted - totals.not_posted,
                         totals.matched, totals.unmatched, totals.already_posted,
                         money(model::Money::from_cents(totals.paid)), totals.worklist.opened + totals.worklist.reopened,
                         totals.worklist.updated, totals.worklist.resolved)
                 .c_str(),
             out_);
}

}  // namespace clearhouse::cli
