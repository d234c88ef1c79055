// The ambulance transport: CR1 and CRC in the claim loop 2300, and the pick-up (2310E) and
// drop-off (2310F) locations after the service facility.
#include "generators/x12_837p/claim_837p_writer.hpp"

namespace clearhouse::x12_837p {

void Claim837pWriter::ambulance_transport(const model::AmbulanceTransport& a) {
  w_.begin("CR1");
  if (a.patient_weight) w_.element("LB").element(*a.patient_weight);
  else w_.empty(2);
  w_.empty(1)  // CR103 is not used in the 837P
      .element(a.transport_reason)
      .element("DH")
      .element(a.distance)
      .empty(2)  // CR107, CR108 are not used
      .element(a.round_trip_purpose)
      .element(a.stretcher_purpose);
  w_.end();
  for (const auto& c : a.certifications) {
    w_.begin("CRC").element("07").element(c.answer);
    for (const auto& code : c.conditions) w_.element(code);
    w_.end();
  }
}

void Claim837pWriter::ambulance_locations(const model::AmbulanceTransport& a) {
  w_.segment("NM1", {"PW", "2"});  // 2310E: the pick-up location has no name in the guide
  address(a.pick_up);
  w_.begin("NM1").element("45").element("2").element(a.drop_off_name);
  w_.end();
  address(a.drop_off);
}

}  // namespace clearhouse::x12_837p
