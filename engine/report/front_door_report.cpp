#include "engine/report/front_door_report.hpp"

#include <algorithm>

#include "engine/report/billing_report.hpp"
#include "generators/render/csv_writer.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::report {

FrontDoorReport front_door_report(const ledger::FrontDoorRows& rows, const rules::RulesConfig& config) {
  FrontDoorReport r;
  for (const auto& p : rows.payers) {
    FrontDoorPayer line{p.payer_id, p.acknowledged, p.accepted_first_pass, p.awaiting, {}};
    line.first_pass_rate_percent = percent(p.accepted_first_pass, p.acknowledged);
    r.totals.acknowledged += p.acknowledged;
    r.totals.accepted_first_pass += p.accepted_first_pass;
    r.totals.awaiting += p.awaiting;
    r.payers.push_back(std::move(line));
  }
  r.totals.payer_id = "all";
  r.totals.first_pass_rate_percent = percent(r.totals.accepted_first_pass, r.totals.acknowledged);
  r.awaiting_277ca = r.totals.awaiting;
  for (const auto& c : rows.categories)
    r.rejections_by_category.push_back(
        {c.category, config.category(c.category).label, c.claims, c.open_claims, model::Money::from_cents(c.cents)});
  std::stable_sort(r.rejections_by_category.begin(), r.rejections_by_category.end(),
                   [](const auto& a, const auto& b) { return a.claims > b.claims; });
  r.inquiries_sent = rows.inquiries_sent;
  r.inquiries_answered = rows.inquiries_answered;
  r.claims_inquired = rows.claims_inquired;
  return r;
}

namespace {

void write_payer(render::JsonWriter& json, const FrontDoorPayer& p) {
  json.begin_object();
  json.field("payer_id", p.payer_id);
  json.key("acknowledged").unsigned_number(p.acknowledged);
  json.key("accepted_first_pass").unsigned_number(p.accepted_first_pass);
  json.key("first_pass_rate_percent").raw(p.first_pass_rate_percent.to_string());
  json.key("awaiting_277ca").unsigned_number(p.awaiting);
  json.end_object();
}

}  // namespace

void write_front_door_json(const FrontDoorReport& r, render::JsonWriter& json) {
  json.begin_object();
  json.key("payers").begin_array();
  for (const auto& p : r.payers) write_payer(json, p);
  json.end_array();
  json.key("totals");
  write_payer(json, r.totals);
  json.key("rejections_by_category").begin_array();
  for (const auto& c : r.rejections_by_category) {
    json.begin_object();
    json.field("category", c.category);
    json.field("label", c.label);
    json.key("claims").unsigned_number(c.claims);
    json.key("open").unsigned_number(c.open_claims);
    json.field("amount_cents", c.amount.cents());
    json.end_object();
  }
  json.end_array();
  json.key("awaiting_277ca").unsigned_number(r.awaiting_277ca);
  json.key("inquiries").begin_object();
  json.key("sent").unsigned_number(r.inquiries_sent);
  json.key("answered").unsigned_number(r.inquiries_answered);
  json.key("claims").unsigned_number(r.claims_inquired);
  json.end_object();
  json.end_object();
}

void write_front_door_csv(const FrontDoorReport& r, render::CsvWriter& csv) {
  auto row = [&](std::string_view section, std::string_view key, std::string_view metric, const std::string& value) {
    csv.field(section).field(key).field(metric).field(value);
    csv.end_row();
  };
  auto payer = [&](const FrontDoorPayer& p) {
    row("front_door_payer", p.payer_id, "acknowledged", std::to_string(p.acknowledged));
    row("front_door_payer", p.payer_id, "accepted_first_pass", std::to_string(p.accepted_first_pass));
    row("front_door_payer", p.payer_id, "first_pass_rate_percent", p.first_pass_rate_percent.to_string());
    row("front_door_payer", p.payer_id, "awaiting_277ca", std::to_string(p.awaiting));
  };
  for (const auto& p : r.payers) payer(p);
  payer(r.totals);
  for (const auto& c : r.rejections_by_category) {
    row("front_door_rejections", c.category, "claims", std::to_string(c.claims));
    row("front_door_rejections", c.category, "open", std::to_string(c.open_claims));
    row("front_door_rejections", c.category, "amount_cents", std::to_string(c.amount.cents()));
  }
  row("front_door", "inquiries", "sent", std::to_string(r.inquiries_sent));
  row("front_door", "inquiries", "answered", std::to_string(r.inquiries_answered));
  row("front_door", "inquiries", "claims", std::to_string(r.claims_inquired));
}

}  // namespace clearhouse::report
