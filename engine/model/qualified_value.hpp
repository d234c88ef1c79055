#pragma once
// Values the X12 guides carry behind a qualifier code (REF, AMT, QTY, DTM, LQ): a plain pair,
// kept in the order read so nothing the payer sent is lost.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/code.hpp"
#include "engine/model/date.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::model {

struct QualifiedText {
  Code qualifier;         // REF01 "6R", LQ01 "HE"
  std::string value;
  friend bool operator==(const QualifiedText&, const QualifiedText&) = default;
};

struct QualifiedAmount {
  Code qualifier;         // AMT01 "B6", "AU"
  Money amount;
  friend bool operator==(const QualifiedAmount&, const QualifiedAmount&) = default;
};

struct QualifiedQuantity {
  Code qualifier;         // QTY01 "CA", "NE"
  Decimal quantity;
  friend bool operator==(const QualifiedQuantity&, const QualifiedQuantity&) = default;
};

struct QualifiedDate {
  Code qualifier;         // DTM01 "050", "232", "472"
  Date date;
  friend bool operator==(const QualifiedDate&, const QualifiedDate&) = default;
};

// An amount or quantity known only by its element position (TS3, TS2, MIA, MOA).
struct PositionedAmount {
  int element = 0;  // 1-based element position in its segment
  Money amount;
  friend bool operator==(const PositionedAmount&, const PositionedAmount&) = default;
};

// The first value with the qualifier, if any.
template <typename T>
const T* find_qualified(const std::vector<T>& values, std::string_view qualifier) {
  for (const auto& v : values)
    if (v.qualifier == qualifier) return &v;
  return nullptr;
}

}  // namespace clearhouse::model
