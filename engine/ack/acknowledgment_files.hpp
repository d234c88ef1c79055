#pragma once
// Turns a validation report into the acknowledgment text the sender gets back: TA1s, 999s or
// both, one interchange per acknowledged interchange, numbered from the ledger.

#include <string>

#include "engine/ledger/ledger.hpp"
#include "parsers/x12/spec/file_validator.hpp"

namespace clearhouse::ack {

enum class AckKind { implementation_999, interchange_ta1, both };

struct AckText {
  std::string text;
  std::string error;  // non-empty when a value could not be written
};

// 999s are written for every interchange the validator read (TA1-rejected ones included
// unless kind is both, where the TA1 answers them); TA1s for every interchange.
AckText build_acknowledgments(const x12::spec::ValidationReport& report, AckKind kind, ledger::Ledger& ledger);

}  // namespace clearhouse::ack
