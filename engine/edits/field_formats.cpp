#include "engine/edits/field_formats.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace clearhouse::edits {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

namespace {

// A set of two-character ASCII codes as a bitmap over both bytes: one lookup, no search.
class TwoCharCodes {
 public:
  template <std::size_t N>
  constexpr explicit TwoCharCodes(const std::array<std::string_view, N>& codes) {
    for (auto c : codes) bits_[index(c[0], c[1]) / 64] |= std::uint64_t{1} << (index(c[0], c[1]) % 64);
  }
  constexpr bool contains(std::string_view code) const {
    if (code.size() != 2 || static_cast<unsigned char>(code[0]) > 0x7F || static_cast<unsigned char>(code[1]) > 0x7F)
      return false;
    const std::size_t i = index(code[0], code[1]);
    return (bits_[i / 64] >> (i % 64)) & 1;
  }

 private:
  static constexpr std::size_t index(char a, char b) {
    return static_cast<std::size_t>(static_cast<unsigned char>(a)) * 128 + static_cast<unsigned char>(b);
  }
  std::array<std::uint64_t, 128 * 128 / 64> bits_{};
};

constexpr std::array<std::string_view, 62> kStates = {
    "AA", "AE", "AK", "AL", "AP", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "FM", "GA",
    "GU", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MH", "MI", "MN", "MO",
    "MP", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR",
    "PW", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY"};
constexpr TwoCharCodes kStateCodes(kStates);

constexpr std::array<std::string_view, 23> kClaimFilingIndicators = {
    "11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS",
    "FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ"};
constexpr TwoCharCodes kClaimFilingIndicatorCodes(kClaimFilingIndicators);

}  // namespace

bool is_us_state(std::string_view code) { return kStateCodes.contains(code); }

std::string normalize_zip(std::string_view zip) {
  if (zip.size() == 10 && zip[5] == '-') return std::string(zip.substr(0, 5)) + std::string(zip.substr(6));
  return std::string(zip);
}

bool is_zip(std::string_view zip) {
  if (zip.size() == 10 && zip[5] == '-') return all_digits(zip.substr(0, 5)) && all_digits(zip.substr(6));
  return (zip.size() == 5 || zip.size() == 9) && all_digits(zip);
}

std::string normalize_ein(std::string_view ein) {
  if (ein.size() == 10 && ein[2] == '-') return std::string(ein.substr(0, 2)) + std::string(ein.substr(3));
  return std::string(ein);
}

bool is_ein(std::string_view ein) {
  if (ein.size() == 10 && ein[2] == '-') return all_digits(ein.substr(0, 2)) && all_digits(ein.substr(3));
  return ein.size() == 9 && all_digits(ein);
}

bool is_gender(std::string_view code) { return code == "M" || code == "F" || code == "U"; }

bool is_taxonomy(std::string_view code) {
  if (code.size() != 10 || code[9] != 'X') return false;
  return std::all_of(code.begin(), code.end() - 1,
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); });
}

bool is_claim_filing_indicator(std::string_view code) { return kClaimFilingIndicatorCodes.contains(code); }

bool is_payer_responsibility(std::string_view code) {
  return code.size() == 1 && std::string_view("ABCDEFGHPSTU").find(code[0]) != std::string_view::npos;
}

bool is_patient_relationship(std::string_view code) {
  static constexpr std::array<std::string_view, 8> kCodes = {"01", "19", "20", "21", "39", "40", "53", "G8"};
  return std::find(kCodes.begin(), kCodes.end(), code) != kCodes.end();
}

namespace {

// kX12Text[byte]: printable ASCII other than the delimiters * : ^ ~ (one lookup per character).
constexpr std::array<bool, 256> kX12Text = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c <= 0x7E; ++c) t[static_cast<std::size_t>(c)] = true;
  for (char d : {'*', ':', '^', '~'}) t[static_cast<unsigned char>(d)] = false;
  return t;
}();

}  // namespace

bool is_x12_text(std::string_view text) {
  bool ok = true;
  for (char c : text) ok &= kX12Text[static_cast<unsigned char>(c)];  // no branch per character
  return ok;
}

bool is_po_box(std::string_view line) {
  // Compare the first letters, upper-cased, ignoring dots and blanks (no allocation).
  char s[16];
  std::size_t n = 0;
  for (char c : line) {
    if (c == '.' || c == ' ') continue;
    s[n++] = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    if (n == sizeof s) break;
  }
  const std::string_view v(s, n);
  return v.starts_with("POBOX") || v.starts_with("POSTOFFICEBOX") || v.starts_with("LOCKBOX");
}

}  // namespace clearhouse::edits
