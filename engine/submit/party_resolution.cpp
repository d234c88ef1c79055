#include "engine/submit/party_resolution.hpp"

namespace clearhouse::submit {

void resolve_parties(model::Encounter& e, const SubmitOptions& o) {
  auto& s = e.claim.submitter;
  const auto& flag = o.submitter_override;
  const auto& def = default_submitter();
  auto pick = [](std::string& field, const std::string& over, const std::string& fallback) {
    if (!over.empty()) field = over;
    else if (field.empty()) field = fallback;
  };
  const bool own_contact = !s.phone.empty() || !s.email.empty();
  pick(s.name, flag.name, def.name);
  pick(s.id, flag.id, def.id);
  pick(s.contact_name, flag.contact_name, def.contact_name);
  if (!flag.phone.empty() || !flag.email.empty()) {
    s.phone = flag.phone;
    s.email = flag.email;
  } else if (!own_contact) {
    s.phone = def.phone;
    s.email = def.email;
  }
  auto& r = e.claim.receiver;
  if (o.receiver) {
    r = *o.receiver;
  } else if (!e.has_receiver) {
    r.name = e.claim.payer.name;
    r.id = e.claim.payer.id;
  }
  if (r.name.empty()) r.name = r.id;
}

}  // namespace clearhouse::submit
