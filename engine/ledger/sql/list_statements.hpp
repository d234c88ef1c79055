#pragma once
// Queries over a list of values (`... WHERE claim_id IN (?, ?, ...)`) for many values at once:
// one statement (one round trip on PostgreSQL) per chunk of up to kMaxList values instead of
// one per value. Statements are prepared for a few list sizes only; a shorter chunk is padded
// by repeating its last value (harmless in IN lists and CASE arms).
//
//   ListStatements claims(c, [](std::size_t n) { return "SELECT ... WHERE x = ? AND id IN (" + placeholders(n) + ")"; });
//   query_in_chunks(claims, ids, [&](Statement& q) { q.bind(1, x); return 2; }, [&](Statement& q) { ... });

#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>
#include <span>
#include <string>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger::sql {

inline constexpr std::size_t kListBuckets[] = {1, 4, 16, 64, 256};
inline constexpr std::size_t kMaxList = 256;

// The prepared size for a chunk of n values (n <= kMaxList).
inline std::size_t bucket_for(std::size_t n) {
  for (std::size_t b : kListBuckets)
    if (n <= b) return b;
  return kMaxList;
}

// "?, ?, ?" (n of them).
inline std::string placeholders(std::size_t n) {
  std::string out;
  out.reserve(n * 3);
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

// Prepared statements by list size, for one SQL shape.
class ListStatements {
 public:
  using Shape = std::string (*)(std::size_t n);
  ListStatements(Connection& c, Shape shape) : c_(c), shape_(shape) {}
  Connection& connection() { return c_; }
  Statement& get(std::size_t n) {
    auto& slot = by_size_[n];
    if (!slot) slot = c_.prepare(shape_(n));
    return *slot;
  }

 private:
  Connection& c_;
  Shape shape_;
  std::map<std::size_t, std::unique_ptr<Statement>> by_size_;
};

// Runs the shape over `values` chunk by chunk. bind_leading(q) binds the parameters before the
// list and returns the list's first index; on_row(q) is called for every row returned. Rows
// come chunk by chunk: an ORDER BY holds within a chunk only.
template <typename T, typename BindLeading, typename OnRow>
void query_in_chunks(ListStatements& statements, std::span<const T> values, BindLeading bind_leading, OnRow on_row) {
  for (std::size_t begin = 0; begin < values.size(); begin += kMaxList) {
    const std::size_t n = std::min(kMaxList, values.size() - begin);
    const std::size_t size = bucket_for(n);
    auto& q = statements.get(size);
    const int first = bind_leading(q);
    for (std::size_t i = 0; i < size; ++i) q.bind(first + static_cast<int>(i), values[begin + std::min(i, n - 1)]);
    while (q.step()) on_row(q);
    q.reset();
  }
}

}  // namespace clearhouse::ledger::sql
