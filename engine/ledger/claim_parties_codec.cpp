#include "engine/ledger/claim_parties_codec.hpp"

#include <array>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {
namespace {

// The fields in packed order (migration 10's UPDATE lists the old columns in the same order).
template <typename Parties>
auto fields_of(Parties& p) {
  return std::array{&p.submitter_name,   &p.provider_name,  &p.provider_first,    &p.subscriber_last,
                    &p.subscriber_first, &p.subscriber_middle, &p.subscriber_suffix, &p.member_id,
                    &p.subscriber_birth_date, &p.subscriber_gender, &p.relationship, &p.patient_last,
                    &p.patient_first,    &p.patient_middle, &p.patient_suffix,    &p.patient_birth_date,
                    &p.patient_gender,
                    // appended with migration 12 (rows packed before have seventeen fields)
                    &p.guarantor_line1, &p.guarantor_line2, &p.guarantor_city, &p.guarantor_state,
                    &p.guarantor_postal_code, &p.billing_line1, &p.billing_line2, &p.billing_city,
                    &p.billing_state, &p.billing_postal_code};
}

}  // namespace

void pack_claim_parties(const ClaimParties& parties, std::string& out) {
  bool first = true;
  for (const std::string* f : fields_of(parties)) {
    if (f->find(kPartySeparator) != std::string::npos)
      throw LedgerError("a claim's party name or id holds a control character (31); it cannot be recorded");
    if (!first) out += kPartySeparator;
    out += *f;
    first = false;
  }
}

ClaimParties unpack_claim_parties(std::string_view packed) {
  ClaimParties p;
  std::size_t pos = 0;
  for (std::string* f : fields_of(p)) {
    if (pos > packed.size()) break;
    const std::size_t end = std::min(packed.find(kPartySeparator, pos), packed.size());
    f->assign(packed.substr(pos, end - pos));
    pos = end + 1;
  }
  return p;
}

}  // namespace clearhouse::ledger
