#include "parsers/x12/spec/code_set_checker.hpp"

#include <fstream>

namespace clearhouse::x12::spec {
namespace {

bool upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }

bool all_of(std::string_view s, bool (*pred)(char)) {
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}

// ICD-10-CM without the dot: letter, digit, alphanumeric, then up to 4 more alphanumerics.
bool icd10_format(std::string_view c) {
  return c.size() >= 3 && c.size() <= 7 && upper(c[0]) && digit(c[1]) && all_of(c.substr(2), upper_or_digit);
}
// ICD-9-CM without the dot: 3-5 digits, V + 2-4 digits, E + 3-4 digits.
bool icd9_format(std::string_view c) {
  if (c.empty()) return false;
  if (c[0] == 'V') return c.size() >= 3 && c.size() <= 5 && all_of(c.substr(1), digit);
  if (c[0] == 'E') return c.size() >= 4 && c.size() <= 5 && all_of(c.substr(1), digit);
  return c.size() >= 3 && c.size() <= 5 && all_of(c, digit);
}
// CPT (5 digits, or 4 digits + F/T/U) or HCPCS Level II (letter + 4 digits).
bool procedure_format(std::string_view c) {
  if (c.size() != 5) return false;
  if (upper(c[0])) return all_of(c.substr(1), digit);
  return all_of(c.substr(0, 4), digit) && (digit(c[4]) || c[4] == 'F' || c[4] == 'T' || c[4] == 'U');
}
bool modifier_format(std::string_view c) { return c.size() == 2 && all_of(c, upper_or_digit); }
bool pos_format(std::string_view c) { return c.size() == 2 && all_of(c, digit); }
bool carc_format(std::string_view c) { return !c.empty() && c.size() <= 3 && all_of(c, upper_or_digit); }
bool rarc_format(std::string_view c) {
  std::size_t i = 0;
  while (i < c.size() && upper(c[i])) ++i;
  return i >= 1 && i <= 2 && c.size() > i && c.size() - i <= 4 && all_of(c.substr(i), digit);
}

bool format_ok(std::string_view set, std::string_view code) {
  if (set == "icd10cm") return icd10_format(code);
  if (set == "icd9cm") return icd9_format(code);
  if (set == "procedure") return procedure_format(code);
  if (set == "modifier") return modifier_format(code);
  if (set == "pos") return pos_format(code);
  if (set == "carc") return carc_format(code);
  if (set == "rarc") return rarc_format(code);
  return true;
}

const char* set_label(std::string_view set) {
  if (set == "icd10cm") return "ICD-10-CM diagnosis";
  if (set == "icd9cm") return "ICD-9-CM diagnosis";
  if (set == "procedure") return "CPT/HCPCS procedure";
  if (set == "modifier") return "procedure modifier";
  if (set == "pos") return "place of service";
  if (set == "carc") return "claim adjustment reason code";
  if (set == "rarc") return "remark code";
  return "code";
}

// The code set of a health-care code composite (HI) by its qualifier.
const char* hi_set(std::string_view qualifier) {
  if (qualifier == "ABK" || qualifier == "ABF" || qualifier == "ABJ" || qualifier == "ABN") return "icd10cm";
  if (qualifier == "BK" || qualifier == "BF" || qualifier == "BJ" || qualifier == "BN") return "icd9cm";
  if (qualifier == "BP" || qualifier == "BO") return "procedure";
  return nullptr;
}

}  // namespace

bool is_known_code_set(const std::string& name) {
  return name == "icd10cm" || name == "icd9cm" || name == "procedure" || name == "modifier" || name == "pos" ||
         name == "carc" || name == "rarc";
}

bool CodeSetLists::load(const std::string& name, const std::string& path, std::string& error) {
  if (!is_known_code_set(name)) {
    error = "unknown code set '" + name + "' (icd10cm, icd9cm, procedure, modifier, pos, carc, rarc)";
    return false;
  }
  std::ifstream in(path);
  if (!in) {
    error = "cannot read code set file " + path;
    return false;
  }
  auto& set = lists[name];
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string code;
    for (char c : line) {
      if (c == ' ' || c == '\t' || c == ',' || c == '|' || c == '\r') break;
      if (c != '.') code += c;
    }
    if (!code.empty()) set.insert(code);
  }
  return true;
}

const std::unordered_set<std::string>* CodeSetLists::find(const std::string& name) const {
  auto it = lists.find(name);
  return it == lists.end() ? nullptr : &it->second;
}

void CodeSetChecker::check(const SegmentContext& ctx, FindingSink& sink, std::string_view set, std::string_view code,
                           int element, int component) const {
  if (code.empty()) return;
  // Codes are not personal data except diagnoses: those are never echoed.
  const bool diagnosis = set == "icd10cm" || set == "icd9cm";
  if (!format_ok(set, code)) {
    sink.element_finding(ctx.ref(), element_ref(ctx, element, component), "7", model::SnipLevel::code_set,
                         diagnosis ? std::string_view{} : code,
                         std::string("not a valid ") + set_label(set) + " code format");
    return;
  }
  if (lists_ == nullptr) return;
  const auto* list = lists_->find(std::string(set));
  if (list == nullptr || list->count(std::string(code)) != 0) return;
  sink.element_finding(ctx.ref(), element_ref(ctx, element, component), "7", model::SnipLevel::code_set,
                       diagnosis ? std::string_view{} : code,
                       std::string(set_label(set)) + " code not in the " + std::string(set) + " code set",
                       lists_->strict ? model::FindingSeverity::error : model::FindingSeverity::warning);
}

void CodeSetChecker::on_segment(const SegmentContext& ctx, FindingSink& sink) const {
  if (ctx.spec == nullptr) return;
  const Segment& s = ctx.segment;
  if (ctx.is(segment_key("HI"))) {
    for (std::size_t i = 1; i <= s.size(); ++i) {
      if (const char* set = hi_set(s.component(i, 1))) check(ctx, sink, set, s.component(i, 2), static_cast<int>(i), 2);
    }
    return;
  }
  // Procedure composites: SV101, SVD03, SVC01/SVC06 with qualifier HC.
  int composite = 0;
  if (ctx.is(segment_key("SV1"))) composite = 1;
  else if (ctx.is(segment_key("SVD"))) composite = 3;
  else if (ctx.is(segment_key("SVC"))) composite = 1;
  if (composite != 0) {
    for (int c : {composite, ctx.is(segment_key("SVC")) ? 6 : 0}) {
      if (c == 0 || s.component(static_cast<std::size_t>(c), 1) != "HC") continue;
      check(ctx, sink, "procedure", s.component(static_cast<std::size_t>(c), 2), c, 2);
      for (int m = 3; m <= 6; ++m) check(ctx, sink, "modifier", s.component(static_cast<std::size_t>(c), static_cast<std::size_t>(m)), c, m);
    }
  }
  // Elements the specs tie to a code set (place of service, CARC, RARC).
  for (const auto& slot : ctx.spec->code_set_slots) {
    const std::string_view set = slot.set == "adjustment_reason" ? "carc" : slot.set == "remark_code" ? "rarc" : std::string_view(slot.set);
    const std::string_view code = slot.component == 0 ? s[slot.element] : s.component(slot.element, slot.component);
    check(ctx, sink, set, code, slot.element, slot.component);
  }
}

}  // namespace clearhouse::x12::spec
