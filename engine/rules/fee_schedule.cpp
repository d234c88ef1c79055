#include "engine/rules/fee_schedule.hpp"

#include <fmt/format.h>

#include <charconv>

namespace clearhouse::rules {

void FeeSchedule::add(const FeeScheduleRow& row) {
  auto& rates = by_procedure_[row.procedure];
  for (auto& r : rates)
    if (r.payer_id == row.payer_id && r.modifier == row.modifier) {
      r.allowed_cents = row.allowed_cents;
      return;
    }
  rates.push_back(Rate{row.payer_id, row.modifier, row.allowed_cents});
  ++size_;
}

std::vector<FeeScheduleRow> FeeSchedule::rows() const {
  std::vector<FeeScheduleRow> out;
  out.reserve(size_);
  for (const auto& [procedure, rates] : by_procedure_)
    for (const auto& r : rates) out.push_back(FeeScheduleRow{r.payer_id, procedure, r.modifier, r.allowed_cents});
  return out;
}

std::optional<model::Money> FeeSchedule::allowed(std::string_view payer_id, std::string_view procedure,
                                                 std::string_view modifier) const {
  const auto it = by_procedure_.find(procedure);
  if (it == by_procedure_.end()) return std::nullopt;
  // Best match: 0 payer+modifier, 1 payer, 2 any payer+modifier, 3 any payer.
  const Rate* best = nullptr;
  int best_rank = 4;
  for (const auto& r : it->second) {
    int rank;
    if (r.payer_id == payer_id) rank = r.modifier.empty() ? 1 : 0;
    else if (r.payer_id == "*") rank = r.modifier.empty() ? 3 : 2;
    else continue;
    if (!r.modifier.empty() && r.modifier != modifier) continue;
    if (rank < best_rank) {
      best = &r;
      best_rank = rank;
    }
  }
  if (best == nullptr) return std::nullopt;
  return model::Money::from_cents(best->allowed_cents);
}

std::optional<model::Money> FeeSchedule::expected_allowed(std::string_view payer_id, std::string_view procedure,
                                                          std::string_view modifier,
                                                          const std::optional<model::Decimal>& units) const {
  const auto per_unit = allowed(payer_id, procedure, modifier);
  if (!per_unit) return std::nullopt;
  if (!units || units->is_zero()) return per_unit;
  const model::Decimal u = units->normalized();
  // cents x coefficient / 10^scale, rounded half away from zero: exact integer arithmetic.
  __int128 product = static_cast<__int128>(per_unit->cents()) * u.coefficient;
  __int128 divisor = 1;
  for (int i = 0; i < u.scale; ++i) divisor *= 10;
  __int128 q = product / divisor, r = product % divisor;
  if (r * 2 >= divisor) ++q;
  else if (-r * 2 >= divisor) --q;
  return model::Money::from_cents(static_cast<std::int64_t>(q));
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"')) s.remove_suffix(1);
  return s;
}

}  // namespace

FeeScheduleParse parse_fee_schedule_csv(std::string_view text) {
  FeeScheduleParse out;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> cols;
    while (true) {
      const auto comma = line.find(',');
      cols.push_back(trim(line.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      line.remove_prefix(comma + 1);
    }
    if (line_no == 1 && !cols.empty() && cols[0] == "payer_id") continue;  // header
    if (cols.size() != 4) {
      out.errors.push_back(fmt::format("line {}: expected 4 columns (payer_id,procedure,modifier,allowed_cents), found {}",
                                       line_no, cols.size()));
      continue;
    }
    FeeScheduleRow row{std::string(cols[0]), std::string(cols[1]), std::string(cols[2]), 0};
    const auto a = cols[3];
    const auto res = std::from_chars(a.data(), a.data() + a.size(), row.allowed_cents);
    if (a.empty() || res.ec != std::errc() || res.ptr != a.data() + a.size() || row.allowed_cents < 0) {
      out.errors.push_back(fmt::format("line {}: allowed_cents '{}' is not a whole number of cents", line_no, a));
      continue;
    }
    if (row.payer_id.empty() || row.procedure.empty()) {
      out.errors.push_back(fmt::format("line {}: payer_id and procedure are required", line_no));
      continue;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace clearhouse::rules
