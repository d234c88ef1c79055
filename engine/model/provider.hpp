#pragma once
// Providers an 837P names: the billing provider (2010AA), rendering (2310B) and referring
// (2310A) providers, and the service facility (2310C). A provider is a person (NM102 = 1) or an
// organisation (NM102 = 2).

#include <string>

#include "engine/model/party.hpp"

namespace clearhouse::model {

enum class EntityType {
  person,        // NM102 = 1: last/first/middle/suffix
  organization,  // NM102 = 2: name only
};

struct Provider {
  EntityType entity = EntityType::person;
  std::string name;  // last name, or the organisation's name (NM103)
  std::string first, middle, suffix;
  std::string npi;       // NM109 with NM108 = XX
  std::string taxonomy;  // PRV03 (NUCC provider taxonomy), empty when not sent
  friend bool operator==(const Provider&, const Provider&) = default;
};

struct BillingProvider {
  Provider provider;
  std::string tax_id;  // REF*EI: the 9-digit EIN, no dash
  Address address;     // N3/N4: a street address (post office boxes go in the pay-to address)
  friend bool operator==(const BillingProvider&, const BillingProvider&) = default;
};

struct ServiceFacility {
  std::string name;  // NM103 (always an organisation)
  std::string npi;   // optional
  Address address;
  friend bool operator==(const ServiceFacility&, const ServiceFacility&) = default;
};

}  // namespace clearhouse::model
