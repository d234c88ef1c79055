#pragma once
// A free-text note for the payer (837P NTE: one on the claim, 2300, and one per line, 2400).

#include <string>

namespace clearhouse::model {

struct Note {
  std::string code;  // NTE01: ADD additional information, CER certification, DCP goals and plans, DGN diagnosis, TPO third party
  std::string text;  // NTE02, at most 80 characters
  friend bool operator==(const Note&, const Note&) = default;
};

}  // namespace clearhouse::model
