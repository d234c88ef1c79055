#include "engine/edits/claim_splitter.hpp"

#include <fmt/format.h>

namespace clearhouse::edits {

std::vector<std::string> split_claim_ids(const std::string& claim_id, std::size_t line_count) {
  std::vector<std::string> ids{claim_id};
  const std::size_t parts = line_count == 0 ? 1 : (line_count + model::kMaxLinesPerClaim - 1) / model::kMaxLinesPerClaim;
  for (std::size_t k = 2; k <= parts; ++k) ids.push_back(fmt::format("{}-{}", claim_id, k));
  return ids;
}

std::vector<model::Claim> split_claim(model::Claim claim) {
  if (claim.lines.size() <= model::kMaxLinesPerClaim) {
    std::vector<model::Claim> one;
    one.push_back(std::move(claim));  // not an initializer list: that would copy
    return one;
  }
  const auto ids = split_claim_ids(claim.claim_id, claim.lines.size());
  std::vector<model::ServiceLine> lines = std::move(claim.lines);
  claim.lines.clear();
  std::vector<model::Claim> out;
  out.reserve(ids.size());
  for (std::size_t part = 0; part < ids.size(); ++part) {
    model::Claim c = claim;
    c.claim_id = ids[part];
    c.total_charge = model::Money{};
    const std::size_t first = part * model::kMaxLinesPerClaim;
    const std::size_t last = std::min(lines.size(), first + model::kMaxLinesPerClaim);
    for (std::size_t i = first; i < last; ++i) {
      model::ServiceLine l = lines[i];
      l.line_number = static_cast<int>(i - first + 1);
      c.total_charge += l.charge;
      c.lines.push_back(std::move(l));
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace clearhouse::edits
