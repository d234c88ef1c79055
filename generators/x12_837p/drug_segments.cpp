// The drug of a service line (loop 2410): LIN with the 11-digit NDC, CTP with the quantity and
// its unit, and REF*XZ with the prescription number when there is one.
#include "generators/x12_837p/claim_837p_writer.hpp"

namespace clearhouse::x12_837p {

void Claim837pWriter::drug(const model::Drug& d) {
  w_.begin("LIN").empty(1).element("N4").element(d.ndc);
  w_.end();
  w_.begin("CTP").empty(3).element(d.quantity).composite({d.unit});
  w_.end();
  if (!d.prescription_number.empty()) w_.segment("REF", {"XZ", d.prescription_number});
}

}  // namespace clearhouse::x12_837p
