#include "engine/worklist/worklist_format.hpp"

#include <fmt/format.h>

#include "generators/render/csv_writer.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::worklist {
namespace {

void optional_text(render::JsonWriter& json, std::string_view key, const std::string& value) {
  json.key(key);
  if (value.empty()) json.null();
  else json.string(value);
}

std::string fit(std::string_view s, std::size_t width) {
  if (s.size() <= width) return std::string(s);
  std::string out(s.substr(0, width));
  out.back() = '~';  // marks a cut, in plain ASCII so the columns stay aligned
  return out;
}

}  // namespace

void write_row_json(const WorklistRow& row, const rules::RulesConfig& config, render::JsonWriter& json) {
  const auto& item = row.item;
  json.begin_object();
  json.field("claim_id", item.claim_id);
  json.field("payer_id", item.payer_id);
  json.field("category", item.category);
  json.field("rules", item.rules);
  json.field("carc", item.carc);
  json.field("rarc", item.rarc);
  json.field("amount_cents", item.amount.cents());
  json.field("priority", row.priority);
  json.field("status", model::to_string(item.status));
  json.field("owner", item.owner);
  json.field("action", item.action);
  json.field("action_text", config.action_text(item.action));
  json.key("deadline");
  if (row.deadline) json.string(row.deadline->to_iso());
  else json.null();
  json.field("deadline_kind", rules::to_string(row.deadline_kind));
  json.field("past_deadline", row.past_deadline);
  json.field("age_days", static_cast<std::int64_t>(row.age_days));
  json.field("reference_date", item.reference_date.empty() ? std::string() : item.reference_date.to_iso());
  json.field("trace_number", item.trace_number);
  json.field("opened_at", item.opened_at);
  json.field("updated_at", item.updated_at);
  if (!model::is_active(item.status)) {
    optional_text(json, "resolved_at", item.resolved_at);
    optional_text(json, "resolved_by", item.resolved_by);
    optional_text(json, "resolution_note", item.resolution_note);
  }
  json.end_object();
}

void write_item_detail_json(const WorklistRow& row, const rules::RulesConfig& config, render::JsonWriter& json,
                            const std::vector<TimelineEntry>* timeline) {
  const auto& item = row.item;
  json.begin_object();
  json.key("item");
  write_row_json(row, config, json);
  json.key("findings").begin_array();
  for (const auto& f : item.findings) {
    json.begin_object();
    json.field("rule", f.rule);
    json.field("category", f.category);
    json.field("line", static_cast<std::int64_t>(f.line_number));
    json.field("carc", f.carc);
    json.field("rarc", f.rarc);
    json.field("amount_cents", f.amount.cents());
    json.field("message", f.message);
    json.field("action", f.action);
    json.field("open", f.open);
    json.field("source", f.source);
    json.field("posting_id", f.posting_id);
    json.field("created_at", f.created_at);
    optional_text(json, "closed_at", f.closed_at);
    json.end_object();
  }
  json.end_array();
  json.key("history").begin_array();
  for (const auto& e : item.history) {
    json.begin_object();
    json.field("at", e.at);
    json.field("actor", e.actor);
    json.field("event", e.event);
    json.field("posting_id", e.posting_id);
    json.field("amount_cents", e.amount.cents());
    json.field("note", e.note);
    json.end_object();
  }
  json.end_array();
  if (timeline) {
    json.key("timeline");
    write_timeline_json(*timeline, json);
  }
  json.end_object();
}

void write_worklist_json(const WorklistPage& page, const rules::RulesConfig& config, render::JsonWriter& json) {
  std::int64_t at_stake = 0;
  for (const auto& r : page.rows) at_stake += r.item.amount.cents();
  json.begin_object();
  json.field("as_of", page.as_of.empty() ? std::string() : page.as_of.to_iso());
  json.field("count", static_cast<std::int64_t>(page.rows.size()));
  json.field("total", static_cast<std::int64_t>(page.total));
  json.field("amount_cents", at_stake);
  json.key("items").begin_array();
  for (const auto& row : page.rows) write_row_json(row, config, json);
  json.end_array();
  json.end_object();
}

void write_worklist_csv(const WorklistPage& page, std::FILE* out) {
  render::CsvWriter csv(out);
  for (const char* column : {"claim_id", "payer_id", "category", "amount_cents", "amount", "priority", "status", "owner",
                             "age_days", "deadline", "action", "rules", "carc", "rarc"})
    csv.field(column);
  csv.end_row();
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
  };
  for (const auto& r : page.rows) {
    const auto& i = r.item;
    csv.field(i.claim_id).field(i.payer_id).field(i.category).field(i.amount.cents());
    csv.field(model::to_display_amount(i.amount)).field(r.priority).field(model::to_string(i.status)).field(i.owner);
    csv.field(r.age_days).field(r.deadline ? r.deadline->to_iso() : std::string()).field(i.action);
    csv.field(join(i.rules)).field(join(i.carc)).field(join(i.rarc));
    csv.end_row();
  }
}

void write_worklist_table(const WorklistPage& page, std::FILE* out) {
  // 15 + 10 + 24 + 11 + 5 + 19 + 5 separators = 89 columns.
  fmt::memory_buffer buf;
  auto line = [&](std::string_view claim, std::string_view payer, std::string_view category, std::string_view amount,
                  std::string_view age, std::string_view action) {
    fmt::format_to(std::back_inserter(buf), "{:<15} {:<10} {:<24} {:>11} {:>5} {}\n", fit(claim, 15), fit(payer, 10),
                   fit(category, 24), fit(amount, 11), fit(age, 5), fit(action, 19));
  };
  line("CLAIM", "PAYER", "CATEGORY", "AMOUNT", "AGE", "ACTION");
  std::int64_t total = 0;
  for (const auto& r : page.rows) {
    const auto& i = r.item;
    total += i.amount.cents();
    line(i.claim_id, i.payer_id, i.category, model::to_display_amount(i.amount), std::to_string(r.age_days), i.action);
  }
  fmt::format_to(std::back_inserter(buf), "{} item(s){}, {} at stake, as of {}\n", page.rows.size(),
                 page.total > page.rows.size() ? fmt::format(" of {}", page.total) : std::string(),
                 model::to_display_amount(model::Money::from_cents(total)),
                 page.as_of.empty() ? std::string("-") : page.as_of.to_iso());
  std::fwrite(buf.data(), 1, buf.size(), out);
}

}  // namespace clearhouse::worklist
