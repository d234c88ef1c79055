// Attachments (PWK) and notes (NTE), at claim (2300) and line (2400) level alike.
#include "generators/x12_837p/claim_837p_writer.hpp"

namespace clearhouse::x12_837p {

void Claim837pWriter::attachments(const std::vector<model::Attachment>& list) {
  for (const auto& a : list) {
    w_.begin("PWK").element(a.report_type).element(a.transmission);
    if (!a.control_number.empty()) w_.empty(2).element("AC").element(a.control_number);  // PWK05/PWK06
    w_.end();
  }
}

void Claim837pWriter::note(const model::Note& n) { w_.segment("NTE", {n.code, n.text}); }

}  // namespace clearhouse::x12_837p
