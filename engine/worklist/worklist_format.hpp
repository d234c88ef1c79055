#pragma once
// The worklist written out: JSON (for programs and the HTTP service), CSV (for spreadsheets)
// and a table that fits an 80-100 column terminal (claim, payer, category, amount, age, action).

#include <cstdio>
#include <string>

#include "engine/model/worklist_item.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/worklist/claim_timeline.hpp"
#include "engine/worklist/worklist_query.hpp"

namespace clearhouse::render {
class JsonWriter;
}

namespace clearhouse::worklist {

// {"as_of": "...", "count": N, "total": N, "amount_cents": N, "items": [ {...}, ... ]}. Items carry
// claim_id, payer_id, category, rules, carc, rarc, amount_cents, priority, status, owner,
// action, action_text, deadline, deadline_kind, age_days, reference_date, trace_number,
// opened_at, updated_at (and resolved_* once closed).
void write_worklist_json(const WorklistPage& page, const rules::RulesConfig& config, render::JsonWriter& json);
void write_row_json(const WorklistRow& row, const rules::RulesConfig& config, render::JsonWriter& json);
// One item with its findings and history (resolve/assign output, the claim detail route).
// With a timeline (worklist show), it is written as "timeline" after the history.
void write_item_detail_json(const WorklistRow& row, const rules::RulesConfig& config, render::JsonWriter& json,
                            const std::vector<TimelineEntry>* timeline = nullptr);

void write_worklist_csv(const WorklistPage& page, std::FILE* out);
void write_worklist_table(const WorklistPage& page, std::FILE* out);

}  // namespace clearhouse::worklist
