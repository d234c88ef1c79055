#include "engine/ack/ack_posting.hpp"

#include <charconv>
#include <optional>

#include <fmt/format.h>

namespace clearhouse::ack {
namespace {

std::optional<std::int64_t> number(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc{} || end != v.data() + v.size()) return std::nullopt;
  return n;
}

const char* status_of(char code) {
  switch (code) {
    case 'A': return "accepted";
    case 'E': return "accepted_with_errors";
    default: return "rejected";
  }
}

class AckPoster {
 public:
  AckPoster(ledger::Ledger& ledger, const std::string& received_at, AckPostingReport& report)
      : c_(ledger.connection()), received_at_(received_at), report_(report) {}

  void interchange(const x12_999::ReceivedInterchange& in) {
    for (const auto& ta1 : in.interchange_acks) {
      if (ta1.code != 'R') continue;  // accepted interchanges: the 999 tells about their sets
      const auto isa13 = number(ta1.control_number);
      auto batch = isa13 ? find_batch(in, "interchange_control_number", *isa13) : std::nullopt;
      if (!batch) {
        report_.unmatched.push_back(fmt::format("TA1 {} from {}: no batch with that ISA13", ta1.control_number, in.sender_id));
        continue;
      }
      ++report_.interchanges_rejected;
      mark_batch(*batch, "rejected");
    }
    for (const auto& group : in.group_acks) {
      const auto gs06 = number(group.control_number);
      auto batch = gs06 ? find_batch(in, "group_control_number", *gs06) : std::nullopt;
      if (!batch) {
        report_.unmatched.push_back(fmt::format("999 AK1 {} from {}: no batch with that GS06", group.control_number, in.sender_id));
        continue;
      }
      if (group.sets.empty()) {
        if (group.code == 'R') mark_batch(*batch, "rejected");
        continue;
      }
      for (const auto& set : group.sets) {
        const char* status = status_of(set.code);
        const std::uint64_t marked = mark_set(*batch, set.control_number, status);
        if (marked == 0) {
          report_.unmatched.push_back(fmt::format("999 AK2 {} (group {}) from {}: no claims in that transaction set",
                                                  set.control_number, group.control_number, in.sender_id));
          continue;
        }
        if (set.code == 'A') ++report_.sets_accepted;
        else if (set.code == 'E') ++report_.sets_accepted_with_errors;
        else ++report_.sets_rejected;
      }
    }
  }

 private:
  // The batch sent to this partner (the acknowledgment's sender) from us (its receiver).
  std::optional<std::int64_t> find_batch(const x12_999::ReceivedInterchange& in, const char* column, std::int64_t value) {
    auto stmt = c_.prepare(fmt::format(
        "SELECT id FROM batches WHERE receiver_id = ? AND sender_id = ? AND {} = ? ORDER BY id DESC", column));
    stmt->bind(1, std::string_view(in.sender_id)).bind(2, std::string_view(in.receiver_id)).bind(3, value);
    if (!stmt->step()) return std::nullopt;
    return stmt->column_int(0);
  }

  void mark_batch(std::int64_t batch, const char* status) {
    auto stmt = c_.prepare("UPDATE claims SET ack_status = ?, ack_received_at = ? WHERE batch_id = ?");
    stmt->bind(1, std::string_view(status)).bind(2, std::string_view(received_at_)).bind(3, batch);
    stmt->step();
    report_.claims_marked += count("SELECT COUNT(*) FROM claims WHERE batch_id = ?", batch, {});
  }

  std::uint64_t mark_set(std::int64_t batch, const std::string& st02, const char* status) {
    const std::uint64_t n = count("SELECT COUNT(*) FROM claims WHERE batch_id = ? AND transaction_control_number = ?", batch, st02);
    if (n == 0) return 0;
    auto stmt = c_.prepare(
        "UPDATE claims SET ack_status = ?, ack_received_at = ? WHERE batch_id = ? AND transaction_control_number = ?");
    stmt->bind(1, std::string_view(status)).bind(2, std::string_view(received_at_)).bind(3, batch).bind(4, std::string_view(st02));
    stmt->step();
    report_.claims_marked += n;
    return n;
  }

  std::uint64_t count(const char* sql, std::int64_t batch, std::optional<std::string> st02) {
    auto stmt = c_.prepare(sql);
    stmt->bind(1, batch);
    if (st02) stmt->bind(2, std::string_view(*st02));
    return stmt->step() ? static_cast<std::uint64_t>(stmt->column_int(0)) : 0;
  }

  ledger::sql::Connection& c_;
  const std::string& received_at_;
  AckPostingReport& report_;
};

}  // namespace

AckPostingReport post_acknowledgments(const x12_999::AckFile& acks, ledger::Ledger& ledger,
                                      const std::string& received_at) {
  AckPostingReport report;
  ledger::sql::Transaction tx(ledger.connection());
  AckPoster poster(ledger, received_at, report);
  for (const auto& in : acks.interchanges) poster.interchange(in);
  tx.commit();
  return report;
}

}  // namespace clearhouse::ack
