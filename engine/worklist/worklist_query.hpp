#pragma once
// The worklist as billers read it: items filtered, aged, prioritised and sorted, for the CLI
// (`clearhouse worklist`) and the HTTP service alike. Age, deadline and priority are computed
// at query time against the given date, from the configuration in force, so changing a
// category's recoverability or deadline days needs neither a rebuild nor a re-post.
//
// priority = amount_cents x recoverability_percent / 100
//            x (age_cap_days + min(age_days, age_cap_days)) / age_cap_days
//            x (past_deadline_percent / 100 once the appeal/corrected-claim deadline has passed)
// i.e. the cents a biller can expect to recover, weighted up to 2x as the item ages (older
// money is harder to collect the longer it waits) and down once the deadline is missed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/sql/connection.hpp"
#include "engine/model/date.hpp"
#include "engine/model/worklist_item.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::worklist {

enum class WorklistSort { priority, age, amount };
std::optional<WorklistSort> worklist_sort_from_string(std::string_view text);

struct WorklistQuery {
  // "active" (open + in_progress, the default), "all", or one status name.
  std::string status = "active";
  std::string category;                // empty: any
  std::string payer_id;                // empty: any
  std::optional<int> older_than_days;  // age strictly greater than this
  WorklistSort sort = WorklistSort::priority;
  std::size_t limit = 0;               // 0: no limit
};

// One row of the list: the item and what is computed for it today.
struct WorklistRow {
  model::WorklistItem item;
  std::int64_t priority = 0;
  int age_days = 0;
  std::optional<model::Date> deadline;       // when the category has one
  rules::DeadlineKind deadline_kind = rules::DeadlineKind::none;
  bool past_deadline = false;
};

struct WorklistPage {
  model::Date as_of;
  std::uint64_t total = 0;     // rows matching before the limit
  std::vector<WorklistRow> rows;
};

// Throws WorklistError (worklist.hpp) for an unknown status name.
WorklistPage query_worklist(ledger::sql::Connection& connection, const WorklistQuery& query,
                            const rules::RulesConfig& config, model::Date today);

// The computed columns of one item (exposed for tests and for the claim detail route).
WorklistRow compute_row(model::WorklistItem item, const rules::RulesConfig& config, model::Date today);
std::int64_t priority_score(model::Money amount, const rules::CategoryConfig& category, int age_days,
                            bool past_deadline, const rules::PriorityConfig& priority);

}  // namespace clearhouse::worklist
