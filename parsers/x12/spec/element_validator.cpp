#include "parsers/x12/spec/element_validator.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "engine/model/date.hpp"
#include "parsers/x12/grammar/value_grammar.hpp"

namespace clearhouse::x12::spec {
namespace {

bool printable(std::string_view v) {
  for (char c : v) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7E) return false;
  }
  return true;
}

bool all_digits(std::string_view v) {
  if (v.empty()) return false;
  for (char c : v)
    if (c < '0' || c > '9') return false;
  return true;
}

// Digits of an N or R value (sign and decimal point do not count toward the length); -1 when
// the value is not numeric.
int numeric_length(std::string_view v, bool allow_point) {
  if (!v.empty() && v.front() == '-') v.remove_prefix(1);
  int digits = 0;
  bool point = false;
  for (char c : v) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '.' && allow_point && !point) {
      point = true;
    } else {
      return -1;
    }
  }
  // "100." is not a decimal number: a point must be followed by digits (as IG validators read R).
  if (point && !v.empty() && v.back() == '.') return -1;
  return digits == 0 ? -1 : digits;
}

bool matches_pattern(std::string_view value, const std::string& pattern) {
  // The specs use "[0-9]{n}" only; anything else is accepted rather than guessed at.
  if (pattern.rfind("[0-9]{", 0) == 0 && pattern.back() == '}') {
    const auto n = static_cast<std::size_t>(std::stoi(pattern.substr(6, pattern.size() - 7)));
    return value.size() == n && all_digits(value);
  }
  return true;
}

bool present(std::string_view v) { return !v.empty(); }

// Values are short: one pass looking for a character beats a memchr call.
bool contains(std::string_view v, char c) {
  for (char x : v)
    if (x == c) return true;
  return false;
}

}  // namespace

bool is_sensitive(const ElementSpec& e, std::string_view segment_id) {
  switch (e.type) {
    case DataType::ID:
    case DataType::N0:
    case DataType::N1:
    case DataType::N2:
    case DataType::R:
    case DataType::DT:
    case DataType::TM:
      return false;
    default:
      break;
  }
  // Dates other than birth dates are not personal; names, ids, addresses and diagnoses are.
  return !(e.data_element == "1251" && segment_id != "DMG");
}

bool ElementValidator::valid_period(std::string_view qualifier, std::string_view value) {
  if (qualifier == "D8") return model::Date::parse_ccyymmdd(value).has_value();
  if (qualifier == "RD8") return model::DateRange::parse_rd8(value).has_value();
  if (qualifier == "DT") {
    return value.size() == 12 && all_digits(value) && model::Date::parse_ccyymmdd(value.substr(0, 8)).has_value() &&
           grammar::parse_tm(value.substr(8)).has_value();
  }
  if (qualifier == "TM") return grammar::parse_tm(value).has_value();
  return true;  // other formats are not checked
}

const char* ElementValidator::check_value(std::string_view value, const ElementSpec& e, const char** what) {
  if (!printable(value)) {
    *what = "invalid character";
    return "6";
  }
  return check_printable_value(value, e, what);
}

const char* ElementValidator::check_printable_value(std::string_view value, const ElementSpec& e, const char** what) {
  return printable_value(value, e, what);
}

// Inlined into validate, where most values are checked: no call, no frame of its own.
inline const char* ElementValidator::printable_value(std::string_view value, const ElementSpec& e, const char** what) {
  // Dates, times, code tables and patterns take the whole sequence of checks below; the values
  // most elements hold (text, codes, numbers) are decided here, in the same order, with a
  // small frame.
  using Check = ElementSpec::ValueCheck;
  const Check check = e.check != Check::general ? e.check : e.value_check();
  if (check == Check::typed) return check_typed_value(value, e, what);
  std::size_t length = value.size();
  if (check == Check::integer || check == Check::decimal) {
    const bool decimal = check == Check::decimal;
    const int n = numeric_length(value, decimal);
    if (n < 0) {
      *what = decimal ? "not a decimal number" : "not a number";
      return "6";
    }
    length = static_cast<std::size_t>(n);
  }
  if (e.min_length != 0 && length < e.min_length) {
    *what = "too short";
    return "4";
  }
  if (e.max_length != 0 && length > e.max_length) {
    *what = "too long";
    return "5";
  }
  if (!e.codes.empty() && !e.allows(value)) {
    *what = "invalid code value";
    return "7";
  }
  return nullptr;
}

const char* ElementValidator::check_typed_value(std::string_view value, const ElementSpec& e, const char** what) {
  auto fail = [&](const char* code, const char* reason) {
    *what = reason;
    return code;
  };
  std::size_t length = value.size();
  switch (e.type) {
    case DataType::N0:
    case DataType::N1:
    case DataType::N2: {
      const int n = numeric_length(value, false);
      if (n < 0) return fail("6", "not a number");
      length = static_cast<std::size_t>(n);
      break;
    }
    case DataType::R: {
      const int n = numeric_length(value, true);
      if (n < 0) return fail("6", "not a decimal number");
      length = static_cast<std::size_t>(n);
      break;
    }
    case DataType::DT:
      if (!all_digits(value)) return fail("8", "not a date");
      break;
    case DataType::TM:
      if (!all_digits(value)) return fail("9", "not a time");
      break;
    default:
      break;
  }
  if (e.min_length != 0 && length < e.min_length) return fail("4", "too short");
  if (e.max_length != 0 && length > e.max_length) return fail("5", "too long");
  if (e.type == DataType::DT) {
    const bool ok = value.size() == 8 ? model::Date::parse_ccyymmdd(value).has_value() : model::Date::parse_yymmdd(value).has_value();
    if (!ok) return fail("8", "invalid date");
  }
  if (e.type == DataType::TM && !grammar::parse_tm(value).has_value()) return fail("9", "invalid time");
  if (!e.codes.empty() && !e.allows(value)) return fail("7", "invalid code value");
  if (e.code_table != nullptr && !e.code_table->contains(value)) return fail("7", "code not in its code list");
  if (!e.pattern.empty() && !matches_pattern(value, e.pattern)) return fail("I12", "does not match its pattern");
  return nullptr;
}

void ElementValidator::check_element(std::string_view value, const ElementSpec& e, const Delimiters& d, int pos,
                                     std::vector<ElementProblem>& out) const {
  auto problem = [&](int comp, int rep, const ElementSpec* spec, const char* code, std::string_view v,
                     const char* what) { out.push_back({pos, comp, rep, spec, code, v, what}); };
  if (value.empty()) {
    if (e.usage == Usage::required) problem(0, 0, &e, "1", {}, "required element missing");
    return;
  }
  if (e.usage == Usage::not_used) {
    problem(0, 0, &e, "I10", {}, "element marked not used is present");
    return;
  }
  if (raw_) {
    // ISA fields hold the separators themselves: checked as plain values.
    const char* what = "";
    if (const char* code = check_value(value, e, &what)) problem(0, 0, &e, code, value, what);
    return;
  }
  if (!e.is_composite()) {
    // The common case, a simple value: one pass for separators and characters.
    std::uint8_t seen = 0;
    for (char c : value) seen |= classes_[static_cast<unsigned char>(c)];
    if ((seen & 1) == 0) {
      const bool odd = (seen & 2) != 0;
      const char* what = "";
      const char* code = odd ? (what = "invalid character", "6") : check_printable_value(value, e, &what);
      if (code != nullptr) problem(0, 0, &e, code, value, what);
      return;
    }
  }
  int rep = 0;
  const bool repeats = d.has_repetition() && contains(value, d.repetition);
  if (repeats && e.repeat <= 1) {
    problem(0, 0, &e, "12", {}, "too many repetitions");
    return;
  }
  std::string_view rest = value;
  while (true) {
    std::string_view one = rest;
    if (repeats) {
      const auto cut = rest.find(d.repetition);
      one = rest.substr(0, cut);
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    }
    ++rep;
    const int rep_pos = repeats ? rep : 0;
    if (rep > e.repeat) {
      problem(0, rep_pos, &e, "12", {}, "too many repetitions");
      return;
    }
    const bool last = !repeats || rest.data() == nullptr;
    if (!e.is_composite()) {
      if (contains(one, d.component)) {
        problem(0, rep_pos, &e, "6", {}, "component separator in a simple element");
      } else {
        const char* what = "";
        if (const char* code = check_value(one, e, &what)) problem(0, rep_pos, &e, code, one, what);
      }
      if (last) break;
      continue;
    }
    if (e.components.empty()) {  // composite not described (not used): presence only
      if (last) break;
      continue;
    }
    int k = 0;
    for (std::string_view part : Split(one, d.component)) {
      ++k;
      if (static_cast<std::size_t>(k) > e.components.size()) {
        if (!part.empty()) {
          problem(k, rep_pos, nullptr, "13", {}, "too many components");
          break;
        }
        continue;
      }
      const ElementSpec& c = e.components[static_cast<std::size_t>(k - 1)];
      if (part.empty()) {
        if (c.usage == Usage::required) problem(k, rep_pos, &c, "1", {}, "required component missing");
        continue;
      }
      if (c.usage == Usage::not_used) {
        problem(k, rep_pos, &c, "I10", {}, "component marked not used is present");
        continue;
      }
      const char* what = "";
      if (const char* code = check_value(part, c, &what)) problem(k, rep_pos, &c, code, part, what);
    }
    for (std::size_t j = static_cast<std::size_t>(k); j < e.components.size(); ++j) {
      if (e.components[j].usage == Usage::required)
        problem(static_cast<int>(j + 1), rep_pos, &e.components[j], "1", {}, "required component missing");
    }
    if (last) break;
  }
}

void ElementValidator::check_syntax(const Segment& segment, const SegmentSpec& spec, std::uint64_t present_bits,
                                    std::vector<ElementProblem>& out) const {
  const bool memo = segment.elements().size() <= 64;
  CleanSyntax& clean = clean_syntax(spec);
  const std::size_t before = out.size();
  auto spec_at = [&](int pos) -> const ElementSpec* {
    const auto i = static_cast<std::size_t>(pos - 1);
    return i < spec.elements.size() ? &spec.elements[i] : nullptr;
  };
  for (const SyntaxRule& r : spec.syntax) {
    int count = 0, first_missing = 0, second_present = 0;
    for (std::uint8_t p : r.elements) {
      if (present(segment[p])) {
        ++count;
        if (count == 2) second_present = p;
      } else if (first_missing == 0) {
        first_missing = p;
      }
    }
    const bool first = present(segment[r.elements.front()]);
    const int n = static_cast<int>(r.elements.size());
    switch (r.kind) {
      case 'P':
        if (count > 0 && count < n) out.push_back({first_missing, 0, 0, spec_at(first_missing), "2", {}, "paired element missing"});
        break;
      case 'R':
        if (count == 0) out.push_back({r.elements.front(), 0, 0, spec_at(r.elements.front()), "2", {}, "one of the elements is required"});
        break;
      case 'C':
        if (first && count < n) out.push_back({first_missing, 0, 0, spec_at(first_missing), "2", {}, "conditional element missing"});
        break;
      case 'E':
        if (count > 1) out.push_back({second_present, 0, 0, spec_at(second_present), "10", {}, "exclusion condition violated"});
        break;
      case 'L':
        if (first && count < 2) out.push_back({r.elements[1], 0, 0, spec_at(r.elements[1]), "2", {}, "list condition: another element required"});
        break;
      default:
        break;
    }
  }
  if (memo && out.size() == before) clean = {&spec, present_bits};
}

bool ElementValidator::plain_segment(std::string_view raw) const {
  const char* p = raw.data();
  const std::size_t n = raw.size();
#if defined(__SSE2__)
  if (n >= 16) {
    // Signed bytes below 0x20 are the control characters and everything from 0x80 up.
    const __m128i component = _mm_set1_epi8(component_);
    const __m128i repetition = _mm_set1_epi8(repetition_ != 0 ? repetition_ : component_);
    const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
    auto special = [&](const char* at) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
      return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, component), _mm_cmpeq_epi8(x, repetition)),
                          _mm_or_si128(_mm_cmplt_epi8(x, space), _mm_cmpeq_epi8(x, del)));
    };
    __m128i any = special(p + n - 16);  // the last 16 bytes, overlapping the loop's last block
    for (std::size_t i = 0; i + 16 < n; i += 16) any = _mm_or_si128(any, special(p + i));
    return _mm_movemask_epi8(any) == 0;
  }
#endif
  std::uint8_t seen = 0;
  for (std::size_t i = 0; i < n; ++i) seen |= classes_[static_cast<unsigned char>(p[i])];
  return seen == 0;
}

void ElementValidator::learn_delimiters(const Delimiters& d) const {
  if (classes_ready_ && d.component == component_ && d.repetition == repetition_) return;
  for (int c = 0; c < 256; ++c) classes_[static_cast<std::size_t>(c)] = (c < 0x20 || c > 0x7E) ? 2 : 0;
  classes_[static_cast<unsigned char>(d.component)] = 1;
  if (d.has_repetition()) classes_[static_cast<unsigned char>(d.repetition)] = 1;
  component_ = d.component;
  repetition_ = d.repetition;
  classes_ready_ = true;
}

void ElementValidator::validate(const Segment& segment, const SegmentSpec& spec, std::vector<ElementProblem>& out) const {
  const Delimiters& d = segment.delimiters();
  learn_delimiters(d);
  const auto elements = segment.elements();
  const std::size_t n = segment.size();
  raw_ = spec.key == segment_key("ISA");  // validated as an ISA (only an ISA matches its spec)
  // Most segments hold no component or repetition separator and nothing unprintable: one pass
  // over the whole segment tells, and spares a pass (and a loop exit to mispredict) per element.
  const bool plain = !raw_ && plain_segment(segment.raw());
  for (std::size_t i = spec.elements.size() + 1; i <= n; ++i) {
    if (!elements[i].empty()) {
      out.push_back({static_cast<int>(i), 0, 0, nullptr, "3", {}, "too many data elements"});
      break;
    }
  }
  // Elements present in the segment, then the required ones after its last element. The
  // positions holding a value are gathered on the way for the syntax rules (bit p: position p).
  std::uint64_t present_bits = 0;
  const std::size_t present = n < spec.elements.size() ? n : spec.elements.size();
  for (std::size_t i = 0; i < present; ++i) {
    const std::string_view value = elements[i + 1];
    const ElementSpec& e = spec.elements[i];
    if (value.empty()) {
      if (e.usage == Usage::required) out.push_back({static_cast<int>(i + 1), 0, 0, &e, "1", {}, "required element missing"});
      continue;
    }
    present_bits |= std::uint64_t{i + 1 < 64} << ((i + 1) & 63);
    if (!raw_ && e.check != ElementSpec::ValueCheck::general) {  // not a composite, not used, a period
      // Most elements: a simple value in use. One pass over its characters tells whether it
      // holds a separator (then check_element splits it); otherwise its value decides.
      std::uint8_t seen = 0;
      if (!plain)
        for (char c : value) seen |= classes_[static_cast<unsigned char>(c)];
      if ((seen & 1) == 0) {
        const char* what = "";
        const char* code = (seen & 2) != 0 ? (what = "invalid character", "6") : printable_value(value, e, &what);
        if (code != nullptr) out.push_back({static_cast<int>(i + 1), 0, 0, &e, code, value, what});
        continue;
      }
    }
    const std::size_t before = out.size();
    check_element(value, e, d, static_cast<int>(i + 1), out);
    // A date-time period is checked against its format qualifier (the element before it).
    if (e.is_period && i > 0 && out.size() == before && spec.elements[i - 1].data_element == "1250" &&
        !valid_period(elements[i], value)) {
      out.push_back({static_cast<int>(i + 1), 0, 0, &e, "8", value, "invalid date for its format qualifier"});
    }
  }
  for (std::size_t i = present; i < spec.last_required; ++i) {
    const ElementSpec& e = spec.elements[i];
    if (e.usage == Usage::required) out.push_back({static_cast<int>(i + 1), 0, 0, &e, "1", {}, "required element missing"});
  }
  for (std::size_t p = present + 1; p <= n && p < 64; ++p) present_bits |= std::uint64_t{!elements[p].empty()} << p;
  // The rules see only which positions hold a value: a segment whose pattern passed them
  // last time (the usual case, segments of a kind are written alike) passes them again.
  if (spec.syntax.empty()) return;
  const CleanSyntax& clean = clean_syntax(spec);
  if (n < 64 && clean.spec == &spec && clean.present == present_bits) return;
  check_syntax(segment, spec, present_bits, out);
}

}  // namespace clearhouse::x12::spec
