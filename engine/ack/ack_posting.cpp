#include "engine/ack/ack_posting.hpp"

#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "engine/ledger/claim_acknowledgments.hpp"

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
      auto batch = isa13 ? find_batch(in, ledger::BatchControlNumber::interchange, *isa13) : std::nullopt;
      if (!batch) {
        report_.unmatched.push_back(fmt::format("TA1 {} from {}: no batch with that ISA13", ta1.control_number, in.sender_id));
        continue;
      }
      ++report_.interchanges_rejected;
      mark_batch(*batch, "rejected");
    }
    for (const auto& group : in.group_acks) {
      const auto gs06 = number(group.control_number);
      auto batch = gs06 ? find_batch(in, ledger::BatchControlNumber::group, *gs06) : std::nullopt;
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
  std::optional<std::int64_t> find_batch(const x12_999::ReceivedInterchange& in, ledger::BatchControlNumber which,
                                         std::int64_t value) {
    return ledger::find_sent_batch(c_, in.receiver_id, in.sender_id, which, value);
  }

  void mark_batch(std::int64_t batch, const char* status) {
    report_.claims_marked += ledger::mark_batch_acknowledged(c_, batch, status, received_at_);
  }

  std::uint64_t mark_set(std::int64_t batch, const std::string& st02, const char* status) {
    const std::uint64_t n = ledger::mark_transaction_set_acknowledged(c_, batch, st02, status, received_at_);
    report_.claims_marked += n;
    return n;
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
