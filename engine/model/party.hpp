#pragma once
// A person or organisation named in a remittance (N1 or NM1), with its address and contacts.
// Names and member ids are PHI: they are kept for posting, never logged.

#include <string>
#include <vector>

#include "engine/model/code.hpp"

namespace clearhouse::model {

struct Party {
  Code entity;                  // N101/NM101: PR payer, PE payee, QC patient, IL insured, 74, 82, TT, PR
  Code entity_type;             // NM102: 1 person, 2 organisation
  std::string last_or_organization;
  std::string first, middle, suffix;
  Code id_qualifier;            // N103/NM108: XX NPI, FI tax id, MI member id, XV payer id, ...
  std::string id;
  friend bool operator==(const Party&, const Party&) = default;
};

struct Address {
  std::string line1, line2;     // N301, N302
  std::string city, state, postal_code, country;  // N401..N404
  friend bool operator==(const Address&, const Address&) = default;
};

// PER: a contact function with up to three communication numbers.
struct Contact {
  Code function;                // PER01: CX claims, BL technical, IC web site
  std::string name;
  struct Number {
    Code qualifier;             // TE, EM, FX, UR, EX
    std::string value;
    friend bool operator==(const Number&, const Number&) = default;
  };
  std::vector<Number> numbers;
  friend bool operator==(const Contact&, const Contact&) = default;
};

}  // namespace clearhouse::model
