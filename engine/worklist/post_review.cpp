#include "engine/worklist/post_review.hpp"

#include <fstream>
#include <sstream>

#include "engine/ledger/fee_schedule_store.hpp"
#include "engine/util/timestamp.hpp"

namespace clearhouse::worklist {
namespace {

// The file's rows, or its problems.
std::vector<rules::FeeScheduleRow> read_fee_schedule_file(const std::string& path, FeeScheduleLoad& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.errors.push_back("cannot read " + path);
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = rules::parse_fee_schedule_csv(text.str());
  for (auto& e : parsed.errors) out.errors.push_back(path + ": " + e);
  return std::move(parsed.rows);
}

}  // namespace

PostReview::PostReview(ledger::Ledger& ledger, const rules::RulesConfig& config, model::Date today)
    : PostReview(config, rules::FeeSchedule(ledger::read_fee_schedule(ledger.connection())), today) {}

PostReview::PostReview(const rules::RulesConfig& config, rules::FeeSchedule fees, model::Date today)
    : config_(config), fees_(std::move(fees)), pipeline_(config), today_(today) {}

FeeScheduleLoad load_fee_schedule_file(ledger::Ledger& ledger, const std::string& path) {
  FeeScheduleLoad out;
  const auto rows = read_fee_schedule_file(path, out);
  if (!out.errors.empty()) return out;
  out.rows = ledger::store_fee_schedule(ledger.connection(), rows, util::utc_timestamp_now());
  return out;
}

FeeScheduleLoad add_fee_schedule_file(rules::FeeSchedule& fees, const std::string& path) {
  FeeScheduleLoad out;
  const auto rows = read_fee_schedule_file(path, out);
  if (!out.errors.empty()) return out;
  for (const auto& row : rows) fees.add(row);
  out.rows = rows.size();
  return out;
}

}  // namespace clearhouse::worklist
