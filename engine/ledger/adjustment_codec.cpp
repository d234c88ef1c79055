#include "engine/ledger/adjustment_codec.hpp"

#include <charconv>

#include <fmt/format.h>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {
namespace {

[[noreturn]] void malformed(std::string_view text) {
  throw LedgerError(fmt::format("ledger: a stored adjustment list is malformed ({} characters)", text.size()));
}

// "1", "-2.5" -> Decimal; the text was written by Decimal::to_string.
model::Decimal parse_quantity(std::string_view s, std::string_view whole) {
  model::Decimal d;
  bool negative = false;
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') {
    negative = true;
    ++i;
  }
  bool point = false, digits = false;
  for (; i < s.size(); ++i) {
    const char ch = s[i];
    if (ch == '.' && !point) {
      point = true;
      continue;
    }
    if (ch < '0' || ch > '9' || d.scale >= 18) malformed(whole);
    d.coefficient = d.coefficient * 10 + (ch - '0');
    if (point) ++d.scale;
    digits = true;
  }
  if (!digits) malformed(whole);
  if (negative) d.coefficient = -d.coefficient;
  return d;
}

}  // namespace

void encode_adjustments(std::span<const model::Adjustment> adjustments, std::string& out) {
  bool first = true;
  for (const auto& a : adjustments) {
    if (!first) out += ';';
    first = false;
    out += a.group_code.view();
    out += ',';
    out += a.reason.view();
    out += ',';
    const fmt::format_int cents(a.amount.cents());
    out.append(cents.data(), cents.size());
    out += ',';
    if (a.quantity) out += a.quantity->to_string();
  }
}

std::string encode_adjustments(std::span<const model::Adjustment> adjustments) {
  std::string out;
  encode_adjustments(adjustments, out);
  return out;
}

std::vector<model::Adjustment> decode_adjustments(std::string_view text) {
  std::vector<model::Adjustment> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find(';', begin), text.size());
    const std::string_view triple = text.substr(begin, end - begin);
    std::string_view fields[4];
    std::size_t at = 0;
    for (int f = 0; f < 4; ++f) {
      const std::size_t comma = f < 3 ? triple.find(',', at) : triple.size();
      if (comma == std::string_view::npos) malformed(text);
      fields[f] = triple.substr(at, comma - at);
      at = comma + 1;
    }
    model::Adjustment a;
    a.group_code = model::Code(fields[0]);
    a.group = model::adjustment_group_from_code(fields[0]);
    a.reason = model::Code(fields[1]);
    std::int64_t cents = 0;
    const auto [p, ec] = std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), cents);
    if (ec != std::errc{} || p != fields[2].data() + fields[2].size()) malformed(text);
    a.amount = model::Money::from_cents(cents);
    if (!fields[3].empty()) a.quantity = parse_quantity(fields[3], text);
    out.push_back(std::move(a));
    begin = end + 1;
  }
  return out;
}

}  // namespace clearhouse::ledger
