// Spirit X3 parsers for the X12 value syntaxes (R, Nn, TM; dates are model::Date's).
#include "parsers/x12/grammar/value_grammar.hpp"

#include <boost/fusion/include/std_tuple.hpp>
#include <boost/spirit/home/x3.hpp>
#include <string>

namespace clearhouse::x12::grammar {
namespace x3 = boost::spirit::x3;

namespace {

const auto digits = +x3::digit;

// The R syntax "[-]digits[.digits]" or "[-].digits", as views into the text (no allocation).
struct RealParts {
  bool negative = false;
  std::string_view whole, fraction;
};

std::optional<RealParts> split_real(std::string_view text) {
  RealParts parts;
  auto view = [](const auto& range) { return std::string_view(&*range.begin(), range.size()); };
  auto on_sign = [&](auto&) { parts.negative = true; };
  auto on_whole = [&](auto& ctx) { parts.whole = view(x3::_attr(ctx)); };
  auto on_fraction = [&](auto& ctx) {
    const auto& r = x3::_attr(ctx);
    if (!r.empty()) parts.fraction = view(r);
  };
  const auto real = -x3::lit('-')[on_sign] >>
                    ((x3::raw[digits][on_whole] >> -(x3::lit('.') >> x3::raw[*x3::digit][on_fraction])) |
                     (x3::lit('.') >> x3::raw[digits][on_fraction]));
  auto first = text.begin();
  if (!x3::parse(first, text.end(), real) || first != text.end()) return std::nullopt;
  return parts;
}

// Accumulates decimal digits into v; false on overflow past 18 significant digits.
bool accumulate(std::string_view digits_text, std::int64_t& v) {
  for (char c : digits_text) {
    if (v > 99'999'999'999'999'999LL) return false;
    v = v * 10 + (c - '0');
  }
  return true;
}

std::optional<int> fixed_number(std::string_view text, std::size_t pos, std::size_t len) {
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (text[i] - '0');
  return v;
}

bool all_digits(std::string_view text) {
  auto first = text.begin();
  return x3::parse(first, text.end(), *x3::digit) && first == text.end();
}

}  // namespace

std::optional<model::Money> parse_amount(std::string_view text) {
  auto parts = split_real(text);
  if (!parts) return std::nullopt;
  std::string_view fraction = parts->fraction;
  // Extra decimals are allowed only when they are zeros (R "12.340" is 12.34 exactly).
  while (fraction.size() > 2 && fraction.back() == '0') fraction.remove_suffix(1);
  if (fraction.size() > 2) return std::nullopt;
  std::int64_t cents = 0;
  if (!accumulate(parts->whole, cents)) return std::nullopt;
  if (!accumulate(fraction, cents)) return std::nullopt;
  // Cents are the whole digits and two fraction digits, under the same 18-digit limit.
  for (std::size_t i = fraction.size(); i < 2; ++i)
    if (!accumulate("0", cents)) return std::nullopt;
  return model::Money::from_cents(parts->negative ? -cents : cents);
}

std::optional<model::Decimal> parse_decimal(std::string_view text) {
  auto parts = split_real(text);
  if (!parts) return std::nullopt;
  std::string_view fraction = parts->fraction;
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  if (fraction.size() > 18) return std::nullopt;
  std::int64_t coefficient = 0;
  if (!accumulate(parts->whole, coefficient) || !accumulate(fraction, coefficient)) return std::nullopt;
  model::Decimal d{parts->negative ? -coefficient : coefficient, static_cast<std::int8_t>(fraction.size())};
  return d.normalized();
}

std::optional<model::Decimal> parse_implied(std::string_view text, int implied_decimals) {
  auto first = text.begin();
  std::tuple<bool, std::string> attr;
  if (!x3::parse(first, text.end(), x3::matches[x3::lit('-')] >> digits, attr) || first != text.end()) return std::nullopt;
  std::int64_t v = 0;
  if (!accumulate(std::get<1>(attr), v)) return std::nullopt;
  model::Decimal d{std::get<0>(attr) ? -v : v, static_cast<std::int8_t>(implied_decimals)};
  return d.normalized();
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  auto d = parse_implied(text, 0);
  if (!d || d->scale != 0) return std::nullopt;
  return d->coefficient;
}

std::optional<TimeOfDay> parse_tm(std::string_view text) {
  if (!(text.size() == 4 || text.size() == 6 || text.size() == 7 || text.size() == 8) || !all_digits(text))
    return std::nullopt;
  TimeOfDay t;
  t.hour = static_cast<std::uint8_t>(*fixed_number(text, 0, 2));
  t.minute = static_cast<std::uint8_t>(*fixed_number(text, 2, 2));
  if (text.size() >= 6) t.second = static_cast<std::uint8_t>(*fixed_number(text, 4, 2));
  if (text.size() == 7) t.hundredths = static_cast<std::uint8_t>(*fixed_number(text, 6, 1) * 10);
  if (text.size() == 8) t.hundredths = static_cast<std::uint8_t>(*fixed_number(text, 6, 2));
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return std::nullopt;
  return t;
}

}  // namespace clearhouse::x12::grammar
