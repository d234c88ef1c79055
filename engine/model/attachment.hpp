#pragma once
// Supporting documentation sent apart from the claim (837P PWK, claim loop 2300 or line loop
// 2400): what kind of report it is, how it travels, and the control number that ties the
// paperwork to the claim.

#include <string>

namespace clearhouse::model {

struct Attachment {
  std::string report_type;     // PWK01: OZ support data, B3 physician order, 09 progress report, ...
  std::string transmission;    // PWK02: AA available on request, BM mail, EL electronic, EM email, FT file transfer, FX fax
  std::string control_number;  // PWK06 (with PWK05 = AC); required unless the transmission is AA
  friend bool operator==(const Attachment&, const Attachment&) = default;
};

}  // namespace clearhouse::model
