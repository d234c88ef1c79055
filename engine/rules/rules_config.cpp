#include "engine/rules/rules_config.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <array>
#include <cstdlib>
#include <utility>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/codes/code_formats.hpp"
#include "engine/rules/rule_ids.hpp"


namespace clearhouse::rules {

std::string_view to_string(DeadlineKind kind) {
  switch (kind) {
    case DeadlineKind::none: return "none";
    case DeadlineKind::appeal: return "appeal";
    case DeadlineKind::corrected_claim: return "corrected_claim";
    case DeadlineKind::refund: return "refund";
  }
  return "none";
}

ClaimStatusKind claim_status_kind_from_string(std::string_view text) {
  if (text == "processed") return ClaimStatusKind::processed;
  if (text == "denied") return ClaimStatusKind::denied;
  if (text == "forwarded") return ClaimStatusKind::forwarded;
  if (text == "reversal") return ClaimStatusKind::reversal;
  if (text == "not_our_claim") return ClaimStatusKind::not_our_claim;
  if (text == "predetermination") return ClaimStatusKind::predetermination;
  return ClaimStatusKind::unknown;
}

std::string_view to_string(ClaimStatusKind kind) {
  switch (kind) {
    case ClaimStatusKind::processed: return "processed";
    case ClaimStatusKind::denied: return "denied";
    case ClaimStatusKind::forwarded: return "forwarded";
    case ClaimStatusKind::reversal: return "reversal";
    case ClaimStatusKind::not_our_claim: return "not_our_claim";
    case ClaimStatusKind::predetermination: return "predetermination";
    case ClaimStatusKind::unknown: return "unknown";
  }
  return "unknown";
}

namespace {
constexpr std::array<std::pair<StcStatus, std::string_view>, 9> kStcStatuses = {{
    {StcStatus::accepted, "accepted"},
    {StcStatus::rejected, "rejected"},
    {StcStatus::forwarded, "forwarded"},
    {StcStatus::pended, "pended"},
    {StcStatus::finalized, "finalized"},
    {StcStatus::finalized_paid, "finalized_paid"},
    {StcStatus::finalized_denied, "finalized_denied"},
    {StcStatus::not_found, "not_found"},
    {StcStatus::error, "error"},
}};
}  // namespace

StcStatus stc_status_from_string(std::string_view text) {
  for (const auto& [status, name] : kStcStatuses)
    if (name == text) return status;
  return StcStatus::unknown;
}

std::string_view to_string(StcStatus status) {
  for (const auto& [s, name] : kStcStatuses)
    if (s == status) return name;
  return "unknown";
}

const RuleSettings& RulesConfig::rule(std::string_view id) const {
  const auto it = rules.find(id);
  return it == rules.end() ? default_rule_ : it->second;
}

void RulesConfig::resolve() {
  for (std::size_t i = 0; i < rule_id::all.size(); ++i) slots_[i] = rule(rule_id::all[i]);
  for (auto& e : codes.carc.mutable_entries()) e.category_config = &category(e.category);
  for (auto& e : codes.rarc.mutable_entries()) e.category_config = e.category.empty() ? nullptr : &category(e.category);
}

const CategoryConfig& RulesConfig::category(std::string_view id) const {
  if (const auto it = categories.find(id); it != categories.end()) return it->second;
  if (const auto it = categories.find("other"); it != categories.end()) return it->second;
  return fallback_category_;
}

std::string_view RulesConfig::action_text(std::string_view key) const {
  const auto it = actions.find(key);
  return it == actions.end() ? key : std::string_view(it->second);
}

std::size_t RulesConfig::aging_bucket_index(int age_days) const {
  for (std::size_t i = 0; i < aging_buckets.size(); ++i)
    if (!aging_buckets[i].max_days || age_days <= *aging_buckets[i].max_days) return i;
  return aging_buckets.empty() ? 0 : aging_buckets.size() - 1;
}

std::string_view PatientStatementsConfig::dunning_message(int age_days) const {
  std::string_view message;
  for (const auto& level : dunning)
    if (age_days >= level.after_days) message = level.message;
  return message;
}

std::string_view RulesConfig::aging_bucket(int age_days) const {
  if (aging_buckets.empty()) return "";
  return aging_buckets[aging_bucket_index(age_days)].label;
}

namespace {

using rapidjson::Value;

// Collects problems with the file name in front, so one load reports all of them.
struct Problems {
  std::vector<std::string>& errors;
  std::vector<std::string>& warnings;
  std::string file;
  template <typename... A>
  void error(fmt::format_string<A...> f, A&&... a) {
    errors.push_back(file + ": " + fmt::format(f, std::forward<A>(a)...));
  }
  template <typename... A>
  void warn(fmt::format_string<A...> f, A&&... a) {
    warnings.push_back(file + ": " + fmt::format(f, std::forward<A>(a)...));
  }
};

bool parse_json(std::string_view text, rapidjson::Document& doc, Problems& p) {
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError()) {
    p.error("invalid JSON at byte {}: {}", doc.GetErrorOffset(), rapidjson::GetParseError_En(doc.GetParseError()));
    return false;
  }
  if (!doc.IsObject()) {
    p.error("expected a JSON object at the top");
    return false;
  }
  return true;
}

std::string string_member(const Value& o, const char* name, bool required, Problems& p, std::string_view where) {
  const auto it = o.FindMember(name);
  if (it == o.MemberEnd() || it->value.IsNull()) {
    if (required) p.error("{}: missing '{}'", where, name);
    return {};
  }
  if (!it->value.IsString()) {
    p.error("{}: '{}' must be a string", where, name);
    return {};
  }
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::optional<bool> bool_member(const Value& o, const char* name, Problems& p, std::string_view where) {
  const auto it = o.FindMember(name);
  if (it == o.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (!it->value.IsBool()) {
    p.error("{}: '{}' must be true or false", where, name);
    return std::nullopt;
  }
  return it->value.GetBool();
}

std::optional<std::int64_t> int_member(const Value& o, const char* name, Problems& p, std::string_view where) {
  const auto it = o.FindMember(name);
  if (it == o.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (!it->value.IsInt64()) {
    p.error("{}: '{}' must be an integer", where, name);
    return std::nullopt;
  }
  return it->value.GetInt64();
}

model::Date date_member(const Value& o, const char* name, Problems& p, std::string_view where) {
  const std::string text = string_member(o, name, false, p, where);
  if (text.empty()) return {};
  const auto d = model::Date::parse_iso(text);
  if (!d) {
    p.error("{}: '{}' is not an ISO date (YYYY-MM-DD): '{}'", where, name, text);
    return {};
  }
  return *d;
}

const Value* codes_array(const rapidjson::Document& doc, Problems& p) {
  const auto it = doc.FindMember("codes");
  if (it == doc.MemberEnd() || !it->value.IsArray()) {
    p.error("missing 'codes' array");
    return nullptr;
  }
  return &it->value;
}

// The frame every code table shares: {"codes": [{"code": ..., ...}, ...]}. Calls
// read(entry, code, where) for each object; a table that is not JSON, has no array or holds
// something other than objects is reported, never skipped silently.
template <class ReadEntry>
void for_each_code_entry(std::string_view text, Problems& p, ReadEntry read) {
  rapidjson::Document doc;
  if (!parse_json(text, doc, p)) return;
  const Value* codes = codes_array(doc, p);
  if (!codes) return;
  for (const auto& v : codes->GetArray()) {
    if (!v.IsObject()) {
      p.error("every entry of 'codes' must be an object");
      continue;
    }
    const std::string code = string_member(v, "code", true, p, "entry");
    read(v, code, "code " + code);
  }
}

// A code's category and action must be ones rules.json defines (loaded first).
void check_category_and_action(const RulesConfig& c, Problems& p, const std::string& where,
                               const std::string& category, const std::string& action) {
  if (!category.empty() && !c.has_category(category)) p.error("{}: unknown category '{}'", where, category);
  if (!action.empty() && c.actions.find(action) == c.actions.end()) p.error("{}: unknown action '{}'", where, action);
}

// Adds a read entry to its table unless it has no code (already reported as missing).
template <class Table, class Entry>
void add_entry(Table& table, Entry&& e, Problems& p, const std::string& where, const char* refusal) {
  if (e.code.empty()) return;
  if (!table.add(std::forward<Entry>(e))) p.error("{}: {}", where, refusal);
}

// A code's validity period (effective, retired), with the one check every table's dates get.
template <typename Entry>
void read_validity(const Value& v, Entry& e, Problems& p, const std::string& where) {
  e.effective = date_member(v, "effective", p, where);
  e.retired = date_member(v, "retired", p, where);
  if (!e.effective.empty() && !e.retired.empty() && e.retired < e.effective)
    p.error("{}: retired before it was effective", where);
}

void load_carc(std::string_view text, RulesConfig& c, Problems& p) {
  for_each_code_entry(text, p, [&](const Value& v, const std::string& code, const std::string& where) {
    CarcEntry e;
    e.code = code;
    e.description = string_member(v, "description", true, p, where);
    e.category = string_member(v, "category", true, p, where);
    e.action = string_member(v, "action", true, p, where);
    e.appealable = bool_member(v, "appealable", p, where).value_or(false);
    e.refine_with_rarc = bool_member(v, "refine_with_rarc", p, where).value_or(false);
    e.denial = bool_member(v, "denial", p, where);
    read_validity(v, e, p, where);
    check_category_and_action(c, p, where, e.category, e.action);
    add_entry(c.codes.carc, std::move(e), p, where, "duplicate or too long");
  });
}

void load_rarc(std::string_view text, RulesConfig& c, Problems& p) {
  for_each_code_entry(text, p, [&](const Value& v, const std::string& code, const std::string& where) {
    RarcEntry e;
    e.code = code;
    e.description = string_member(v, "description", true, p, where);
    e.category = string_member(v, "category", false, p, where);
    e.action = string_member(v, "action", false, p, where);
    e.appealable = bool_member(v, "appealable", p, where);
    e.alert = bool_member(v, "alert", p, where).value_or(false);
    read_validity(v, e, p, where);
    check_category_and_action(c, p, where, e.category, e.action);
    add_entry(c.codes.rarc, std::move(e), p, where, "duplicate or too long");
  });
}

void load_claim_status(std::string_view text, RulesConfig& c, Problems& p) {
  for_each_code_entry(text, p, [&](const Value& v, const std::string& code, const std::string& where) {
    ClaimStatusEntry e;
    e.code = code;
    e.description = string_member(v, "description", true, p, where);
    const std::string kind = string_member(v, "kind", true, p, where);
    e.kind = claim_status_kind_from_string(kind);
    if (e.kind == ClaimStatusKind::unknown) p.error("{}: unknown kind '{}'", where, kind);
    e.level = static_cast<int>(int_member(v, "level", p, where).value_or(0));
    add_entry(c.codes.claim_status, std::move(e), p, where, "duplicate or too long");
  });
}

void load_groups(std::string_view text, RulesConfig& c, Problems& p) {
  for_each_code_entry(text, p, [&](const Value& v, const std::string& code, const std::string& where) {
    GroupEntry e;
    e.code = code;
    e.description = string_member(v, "description", true, p, where);
    e.patient_owes = bool_member(v, "patient_owes", p, where).value_or(false);
    e.contractual = bool_member(v, "contractual", p, where).value_or(false);
    e.retired = date_member(v, "retired", p, where);
    add_entry(c.codes.groups, std::move(e), p, where, "duplicate or too long");
  });
}

void load_places(std::string_view text, RulesConfig& c, Problems& p) {
  for_each_code_entry(text, p, [&](const Value& v, const std::string& code, const std::string& where) {
    PlaceOfServiceEntry e;
    e.code = code;
    e.name = string_member(v, "name", true, p, where);
    if (!codes::is_place_of_service_format(e.code)) p.error("{}: place of service codes have two digits", where);
    add_entry(c.codes.places_of_service, std::move(e), p, where, "duplicate");
  });
}

void load_stc_categories(std::string_view text, RulesConfig& c, Problems& p) {
  for_each_code_entry(text, p, [&](const Value& v, const std::string& code, const std::string& where) {
    StcCategoryEntry e;
    e.code = code;
    e.description = string_member(v, "description", true, p, where);
    const std::string status = string_member(v, "status", true, p, where);
    e.status = stc_status_from_string(status);
    if (e.status == StcStatus::unknown) p.error("{}: unknown status '{}'", where, status);
    e.category = string_member(v, "category", false, p, where);
    e.action = string_member(v, "action", false, p, where);
    read_validity(v, e, p, where);
    if (!codes::is_claim_status_category_format(e.code)) p.error("{}: not a claim status category code", where);
    if (e.category.empty() != e.action.empty()) p.error("{}: category and action go together", where);
    check_category_and_action(c, p, where, e.category, e.action);
    add_entry(c.codes.stc_categories, std::move(e), p, where, "duplicate or too long");
  });
}

void load_stc_statuses(std::string_view text, RulesConfig& c, Problems& p) {
  for_each_code_entry(text, p, [&](const Value& v, const std::string& code, const std::string& where) {
    StcStatusEntry e;
    e.code = code;
    e.description = string_member(v, "description", true, p, where);
    e.category = string_member(v, "category", false, p, where);
    e.provider_category = string_member(v, "provider_category", false, p, where);
    e.action = string_member(v, "action", false, p, where);
    read_validity(v, e, p, where);
    if (!codes::is_claim_status_format(e.code)) p.error("{}: not a claim status code", where);
    check_category_and_action(c, p, where, e.category, e.action);
    check_category_and_action(c, p, where, e.provider_category, {});
    add_entry(c.codes.stc_statuses, std::move(e), p, where, "duplicate or too long");
  });
}

// codes/patient_wording.json: {"version": N, "fallback": "...", "codes": [{"code", "words", "percent"}]}.
void load_patient_wording(std::string_view text, RulesConfig& c, Problems& p) {
  for_each_code_entry(text, p, [&](const Value& v, const std::string& code, const std::string& where) {
    PatientWordingEntry e;
    e.code = code;
    e.words = string_member(v, "words", true, p, where);
    e.percent = bool_member(v, "percent", p, where).value_or(false);
    if (!code.empty() && !codes::is_carc_format(code)) p.error("{}: not a claim adjustment reason code", where);
    add_entry(c.codes.patient_wording, std::move(e), p, where, "duplicate or too long");
  });
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) return;  // reported above
  c.codes.patient_wording_fallback = string_member(doc, "fallback", true, p, "patient wording");
  const auto version = int_member(doc, "version", p, "patient wording");
  if (!version || *version <= 0) p.error("patient wording: 'version' must be a positive integer");
  c.codes.patient_wording_version = static_cast<int>(version.value_or(0));
}

// rules.json "patient_statements" (optional: the defaults of PatientStatementsConfig).
void load_patient_statements(const Value& o, RulesConfig& c, Problems& p) {
  const std::string where = "patient_statements";
  auto& s = c.patient_statements;
  s.due_days = static_cast<int>(int_member(o, "due_days", p, where).value_or(s.due_days));
  s.cycle_days = static_cast<int>(int_member(o, "cycle_days", p, where).value_or(s.cycle_days));
  s.min_balance_cents = int_member(o, "min_balance_cents", p, where).value_or(0);
  s.collections_after_statements =
      static_cast<int>(int_member(o, "collections_after_statements", p, where).value_or(0));
  s.credit_message = string_member(o, "credit_message", true, p, where);
  if (s.due_days <= 0 || s.cycle_days <= 0) p.error("{}: due_days and cycle_days must be positive", where);
  if (s.min_balance_cents < 0 || s.collections_after_statements < 0)
    p.error("{}: min_balance_cents and collections_after_statements must not be negative", where);
  if (const auto d = o.FindMember("dunning"); d != o.MemberEnd() && !d->value.IsNull()) {
    if (!d->value.IsArray()) {
      p.error("{}: 'dunning' must be an array", where);
      return;
    }
    std::optional<int> previous;
    for (const auto& v : d->value.GetArray()) {
      if (!v.IsObject()) {
        p.error("{}.dunning: every level must be an object", where);
        continue;
      }
      DunningLevel level;
      const auto after = int_member(v, "after_days", p, where + ".dunning");
      if (!after || *after <= 0) p.error("{}.dunning: 'after_days' must be a positive number of days", where);
      level.after_days = static_cast<int>(after.value_or(0));
      level.message = string_member(v, "message", true, p, where + ".dunning");
      if (previous && level.after_days <= *previous) p.error("{}.dunning: after_days must increase", where);
      previous = level.after_days;
      s.dunning.push_back(std::move(level));
    }
  }
}

DeadlineKind deadline_kind(std::string_view s) {
  if (s == "appeal") return DeadlineKind::appeal;
  if (s == "corrected_claim") return DeadlineKind::corrected_claim;
  if (s == "refund") return DeadlineKind::refund;
  return DeadlineKind::none;
}

void load_rules(std::string_view text, RulesConfig& c, Problems& p) {
  rapidjson::Document doc;
  if (!parse_json(text, doc, p)) return;

  // Actions first: categories and codes refer to them.
  if (const auto it = doc.FindMember("actions"); it != doc.MemberEnd() && it->value.IsObject()) {
    for (const auto& m : it->value.GetObject()) {
      if (!m.value.IsString()) {
        p.error("actions.{}: must be a string", m.name.GetString());
        continue;
      }
      c.actions.emplace(m.name.GetString(), m.value.GetString());
    }
  } else {
    p.error("missing 'actions' object");
  }

  if (const auto it = doc.FindMember("categories"); it != doc.MemberEnd() && it->value.IsObject()) {
    for (const auto& m : it->value.GetObject()) {
      const std::string id = m.name.GetString();
      const std::string where = "categories." + id;
      if (!m.value.IsObject()) {
        p.error("{}: must be an object", where);
        continue;
      }
      CategoryConfig cat;
      cat.id = id;
      cat.label = string_member(m.value, "label", true, p, where);
      const auto rec = int_member(m.value, "recoverability_percent", p, where);
      if (!rec) p.error("{}: missing 'recoverability_percent'", where);
      cat.recoverability_percent = static_cast<int>(rec.value_or(0));
      if (cat.recoverability_percent < 0 || cat.recoverability_percent > 100)
        p.error("{}: recoverability_percent must be 0-100", where);
      if (const auto d = m.value.FindMember("deadline"); d != m.value.MemberEnd() && !d->value.IsNull()) {
        if (!d->value.IsObject()) {
          p.error("{}: deadline must be null or an object", where);
        } else {
          const std::string kind = string_member(d->value, "kind", true, p, where + ".deadline");
          cat.deadline = deadline_kind(kind);
          if (cat.deadline == DeadlineKind::none) p.error("{}: deadline kind '{}' unknown", where, kind);
          cat.deadline_days = static_cast<int>(int_member(d->value, "days", p, where + ".deadline").value_or(0));
          if (cat.deadline_days <= 0) p.error("{}: deadline days must be positive", where);
        }
      }
      cat.action = string_member(m.value, "action", true, p, where);
      if (!cat.action.empty() && c.actions.find(cat.action) == c.actions.end())
        p.error("{}: unknown action '{}'", where, cat.action);
      cat.opens_item = bool_member(m.value, "opens_item", p, where).value_or(true);
      cat.denial = bool_member(m.value, "denial", p, where).value_or(true);
      if (!c.categories.emplace(id, std::move(cat)).second) p.error("{}: listed twice", where);
    }
    if (!c.has_category("other")) p.error("categories: the default bucket 'other' must exist");
  } else {
    p.error("missing 'categories' object");
  }

  if (const auto it = doc.FindMember("rules"); it != doc.MemberEnd() && it->value.IsObject()) {
    for (const auto& m : it->value.GetObject()) {
      const std::string id = m.name.GetString();
      const std::string where = "rules." + id;
      bool known = false;
      for (auto r : rule_id::all) known = known || r == id;
      if (!known) p.warn("{}: no such rule (ignored)", where);
      if (!m.value.IsObject()) {
        p.error("{}: must be an object", where);
        continue;
      }
      RuleSettings s;
      s.enabled = bool_member(m.value, "enabled", p, where).value_or(true);
      s.min_amount_cents = int_member(m.value, "min_amount_cents", p, where).value_or(0);
      s.tolerance_cents = int_member(m.value, "tolerance_cents", p, where).value_or(0);
      s.tolerance_percent = static_cast<int>(int_member(m.value, "tolerance_percent", p, where).value_or(0));
      s.after_days = static_cast<int>(int_member(m.value, "after_days", p, where).value_or(30));
      s.grace_days = static_cast<int>(int_member(m.value, "grace_days", p, where).value_or(0));
      if (s.min_amount_cents < 0 || s.tolerance_cents < 0 || s.tolerance_percent < 0 || s.tolerance_percent > 100 ||
          s.after_days < 0 || s.grace_days < 0)
        p.error("{}: thresholds must not be negative (percentages 0-100)", where);
      if (!c.rules.emplace(id, s).second) p.error("{}: listed twice", where);
    }
  } else {
    p.error("missing 'rules' object");
  }

  if (const auto it = doc.FindMember("aging_buckets"); it != doc.MemberEnd() && it->value.IsArray()) {
    std::optional<int> previous;
    bool open_ended = false;
    for (const auto& v : it->value.GetArray()) {
      if (!v.IsObject()) continue;
      AgingBucket b;
      b.label = string_member(v, "label", true, p, "aging_buckets");
      if (const auto m = int_member(v, "max_days", p, "aging_buckets")) b.max_days = static_cast<int>(*m);
      if (open_ended) p.error("aging_buckets: only the last bucket may be open-ended");
      if (!b.max_days) open_ended = true;
      if (b.max_days && previous && *b.max_days <= *previous) p.error("aging_buckets: max_days must increase");
      if (b.max_days) previous = b.max_days;
      c.aging_buckets.push_back(std::move(b));
    }
    if (c.aging_buckets.empty() || c.aging_buckets.back().max_days)
      p.error("aging_buckets: the last bucket must be open-ended (max_days null)");
  } else {
    p.error("missing 'aging_buckets' array");
  }

  if (const auto it = doc.FindMember("priority"); it != doc.MemberEnd() && it->value.IsObject()) {
    c.priority.age_cap_days = static_cast<int>(int_member(it->value, "age_cap_days", p, "priority").value_or(90));
    c.priority.past_deadline_percent =
        static_cast<int>(int_member(it->value, "past_deadline_percent", p, "priority").value_or(25));
    if (c.priority.age_cap_days <= 0) p.error("priority: age_cap_days must be positive");
    if (c.priority.past_deadline_percent < 0 || c.priority.past_deadline_percent > 100)
      p.error("priority: past_deadline_percent must be 0-100");
  }

  if (const auto it = doc.FindMember("patient_statements"); it != doc.MemberEnd()) {
    if (it->value.IsObject())
      load_patient_statements(it->value, c, p);
    else
      p.error("'patient_statements' must be an object");
  }
}

bool read_text(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

}  // namespace

ConfigLoad load_rules_config_from_text(std::string_view rules_json, std::string_view carc_json,
                                       std::string_view rarc_json, std::string_view claim_status_json,
                                       std::string_view groups_json, std::string_view place_of_service_json,
                                       std::string_view stc_categories_json, std::string_view stc_statuses_json,
                                       std::string_view patient_wording_json) {
  ConfigLoad out;
  RulesConfig c;
  {
    Problems p{out.errors, out.warnings, "rules.json"};
    load_rules(rules_json, c, p);
  }
  struct Table {
    std::string_view text;
    const char* name;
    void (*load)(std::string_view, RulesConfig&, Problems&);
  };
  for (const Table& t : {Table{carc_json, "codes/carc.json", load_carc}, Table{rarc_json, "codes/rarc.json", load_rarc},
                         Table{claim_status_json, "codes/claim_status.json", load_claim_status},
                         Table{groups_json, "codes/cas_groups.json", load_groups},
                         Table{place_of_service_json, "codes/place_of_service.json", load_places},
                         Table{stc_categories_json, "codes/stc_categories.json", load_stc_categories},
                         Table{stc_statuses_json, "codes/stc_statuses.json", load_stc_statuses},
                         Table{patient_wording_json, "codes/patient_wording.json", load_patient_wording}}) {
    if (t.text.empty()) continue;
    Problems p{out.errors, out.warnings, t.name};
    t.load(t.text, c, p);
  }
  if (out.errors.empty()) {
    c.resolve();
    out.config = std::move(c);
  }
  return out;
}

ConfigLoad load_rules_config(const std::string& schemas_dir) {
  const std::filesystem::path dir(schemas_dir);
  const char* files[] = {"rules.json",          "codes/carc.json",           "codes/rarc.json",
                         "codes/claim_status.json", "codes/cas_groups.json",  "codes/place_of_service.json",
                         "codes/stc_categories.json", "codes/stc_statuses.json", "codes/patient_wording.json"};
  constexpr int kFiles = 9;
  std::string texts[kFiles];
  ConfigLoad missing;
  for (int i = 0; i < kFiles; ++i)
    if (!read_text(dir / files[i], texts[i]))
      missing.errors.push_back(fmt::format("cannot read {}", (dir / files[i]).string()));
  if (!missing.errors.empty()) return missing;
  ConfigLoad out = load_rules_config_from_text(texts[0], texts[1], texts[2], texts[3], texts[4], texts[5],
                                               texts[6], texts[7], texts[8]);
  if (out.config) out.config->source = dir.string();
  return out;
}

}  // namespace clearhouse::rules
