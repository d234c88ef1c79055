#include "parsers/encounter/encounter_reader.hpp"

// RapidJSON's SSE2 string scan (SSE2 is part of x86-64) in a namespace of this file's own, so
// its templates never mix with the scalar ones other files instantiate (one definition rule).
// The scan reads whole aligned 16-byte blocks: the buffers parsed here keep 16 bytes of
// padding after each line's terminating NUL.
#if defined(__SSE2__)
#define RAPIDJSON_SSE2
#endif
#define RAPIDJSON_NAMESPACE clearhouse_encounter_rapidjson
#define RAPIDJSON_NAMESPACE_BEGIN namespace clearhouse_encounter_rapidjson {
#define RAPIDJSON_NAMESPACE_END }
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
namespace rapidjson = clearhouse_encounter_rapidjson;

#include <algorithm>
#include <array>
#include <initializer_list>
#include <bit>
#include <cstring>
#include <memory>
#include <fmt/format.h>

#include "parsers/x12/grammar/value_grammar.hpp"

namespace clearhouse::encounter {
namespace {

using model::Rejection;
using Value = rapidjson::Value;

constexpr std::size_t kChunk = 1 << 20;
// Bytes kept free after the data in a parse buffer: the NUL ending a line and a whole 16-byte
// block for the SIMD string scan.
constexpr std::size_t kPadding = 1 + 16;

// Builds field paths only when a problem is reported (the hot path never formats).
struct Path {
  const Path* parent = nullptr;
  std::string_view key;  // object member
  int index = -1;        // array element when >= 0

  std::string str() const {
    std::string prefix = parent != nullptr ? parent->str() : std::string();
    if (index >= 0) return fmt::format("{}[{}]", prefix, index);
    if (prefix.empty()) return std::string(key);
    return prefix + "." + std::string(key);
  }
};

// Every member name of schemas/encounter.schema.json, at any level (which names each object
// may have is its Shape, below).
constexpr std::array<std::string_view, 91> kKeyNames = {
    // encounter ("batch" is gen_x12.py metadata the schema names and the reader ignores)
    "batch", "claim_id", "frequency_code", "place_of_service", "total_charge", "original_claim_number",
    "prior_authorization", "referral_number", "onset_date", "provider_signature_on_file", "assignment",
    "benefits_assigned", "release_of_information", "diagnoses", "accident", "submitter", "receiver", "payer",
    "billing_provider", "pay_to_address", "rendering_provider", "referring_provider", "service_facility",
    "subscriber", "patient", "service_lines",
    // parties, providers, people, addresses
    "cause", "date", "state", "country", "name", "id", "contact_name", "phone", "email",
    "claim_filing_indicator", "address", "tax_id", "entity_type", "last", "first", "middle", "suffix", "npi",
    "taxonomy", "member_id", "dob", "gender", "group_number", "group_name", "payer_responsibility",
    "insurance_type_code", "relationship", "line1", "line2", "city", "zip",
    // service lines
    "line", "procedure_code", "modifiers", "units", "unit_code", "charge", "date_end", "diagnosis_pointers",
    "line_control_number",
    // supplemental information: attachments, notes, CLIA, drugs, ambulance transport
    "clia_number", "attachments", "note", "ambulance", "drug", "ndc", "quantity", "unit", "prescription_number",
    "report_type", "transmission", "control_number", "code", "text", "patient_weight", "transport_reason",
    "distance", "round_trip_purpose", "stretcher_purpose", "certifications", "pick_up", "drop_off", "answer",
    "conditions",
    // coordination of benefits
    "other_coverage"};

// Open-addressing index of kKeyNames, built at compile time. A JSON member name is looked up
// a word at a time: its first eight bytes and its length pick the bucket, and the candidate is
// confirmed by comparing whole words (no call to memcmp, no byte loop).
class KeyIndex {
 public:
  static constexpr std::size_t kBuckets = 256;
  static constexpr std::size_t kWords = 4;  // names of up to 32 bytes (the longest has 26)
  static_assert(std::endian::native == std::endian::little, "names are packed as little-endian words");

  consteval KeyIndex() {
    for (auto& b : buckets_) b = -1;
    for (std::size_t i = 0; i < kKeyNames.size(); ++i) {
      const std::string_view name = kKeyNames[i];
      if (name.empty() || name.size() > kWords * 8) throw "key name too long";
      lengths_[i] = static_cast<std::uint8_t>(name.size());
      for (std::size_t k = 0; k < name.size(); ++k)
        words_[i][k / 8] |= static_cast<std::uint64_t>(static_cast<unsigned char>(name[k])) << (8 * (k % 8));
      std::size_t h = hash(words_[i][0], name.size());
      while (buckets_[h] >= 0) {
        if (kKeyNames[static_cast<std::size_t>(buckets_[h])] == name) throw "duplicate key name";
        h = (h + 1) % kBuckets;
      }
      buckets_[h] = static_cast<std::int16_t>(i);
    }
  }

  // The position in kKeyNames of the n-byte name at p, or -1 for a name the shape does not
  // have. Reads whole words: up to 7 bytes past the name, which the parse buffer's padding
  // keeps readable (see parse_encounter_line).
  int find(const char* p, std::size_t n) const {
    if (n == 0 || n > kWords * 8) return -1;
    const std::uint64_t first = word(p, 0, n);
    for (std::size_t h = hash(first, n);; h = (h + 1) % kBuckets) {
      const int i = buckets_[h];
      if (i < 0) return -1;
      const auto& w = words_[static_cast<std::size_t>(i)];
      if (lengths_[static_cast<std::size_t>(i)] != n || w[0] != first) continue;
      bool same = true;
      for (std::size_t at = 8; at < n; at += 8) same &= word(p, at, n) == w[at / 8];
      if (same) return i;
    }
  }

  // The position of a name the code uses (compile time).
  static consteval int index_of(std::string_view name) {
    for (std::size_t i = 0; i < kKeyNames.size(); ++i)
      if (kKeyNames[i] == name) return static_cast<int>(i);
    return -1;
  }

 private:
  // Bytes [at, at + 8) of the name as a word, those past its end zeroed.
  static std::uint64_t word(const char* p, std::size_t at, std::size_t n) {
    std::uint64_t w;
    std::memcpy(&w, p + at, 8);
    const std::size_t left = n - at;
    return left >= 8 ? w : w & ((std::uint64_t{1} << (8 * left)) - 1);
  }
  static constexpr std::size_t hash(std::uint64_t first, std::size_t n) {
    return static_cast<std::size_t>(((first ^ n) * 0x9E3779B97F4A7C15ull) >> 56);
  }

  std::array<std::int16_t, kBuckets> buckets_{};
  std::array<std::array<std::uint64_t, kWords>, kKeyNames.size()> words_{};
  std::array<std::uint8_t, kKeyNames.size()> lengths_{};
};

constexpr KeyIndex kKeyIndex;

// A member name as the code names it: resolved to its slot at compile time, so a name missing
// from kKeyNames does not compile.
struct Key {
  consteval Key(const char* text) : name(text), slot(KeyIndex::index_of(text)) {
    if (slot < 0) throw "key missing from kKeyNames";
  }
  constexpr operator std::string_view() const { return name; }
  std::string_view name;
  int slot;
};

// The member names one kind of object has in schemas/encounter.schema.json, as a set of
// kKeyNames slots (tests/unit/encounter_schema_test.cpp checks every level against the schema).
class Shape {
 public:
  consteval Shape(std::initializer_list<Key> keys) {
    for (const Key& k : keys) bits_[static_cast<std::size_t>(k.slot) / 64] |= std::uint64_t{1} << (k.slot % 64);
  }
  bool has(int slot) const {
    return slot >= 0 && ((bits_[static_cast<std::size_t>(slot) / 64] >> (slot % 64)) & 1) != 0;
  }

 private:
  std::array<std::uint64_t, (kKeyNames.size() + 63) / 64> bits_{};
};

constexpr Shape kEncounterShape{
    "batch", "claim_id", "frequency_code", "place_of_service", "total_charge", "original_claim_number",
    "prior_authorization", "referral_number", "onset_date", "provider_signature_on_file", "assignment",
    "benefits_assigned", "release_of_information", "diagnoses", "accident", "submitter", "receiver", "payer",
    "billing_provider", "pay_to_address", "rendering_provider", "referring_provider", "service_facility",
    "subscriber", "patient", "service_lines", "clia_number", "attachments", "note", "ambulance", "other_coverage"};
constexpr Shape kAccidentShape{"cause", "date", "state", "country"};
constexpr Shape kSubmitterShape{"name", "id", "contact_name", "phone", "email"};
constexpr Shape kReceiverShape{"name", "id"};
constexpr Shape kPayerShape{"name", "id", "claim_filing_indicator", "address"};
constexpr Shape kAddressShape{"line1", "line2", "city", "state", "zip", "country"};
constexpr Shape kProviderShape{"entity_type", "last", "first", "middle", "suffix", "name", "npi", "taxonomy"};
constexpr Shape kBillingProviderShape{"entity_type", "last", "first", "middle", "suffix", "name", "npi", "taxonomy",
                                      "tax_id", "address"};
constexpr Shape kServiceFacilityShape{"name", "npi", "address"};
constexpr Shape kSubscriberShape{"last", "first", "middle", "suffix", "member_id", "dob", "gender", "address",
                                 "group_number", "group_name", "payer_responsibility", "insurance_type_code"};
constexpr Shape kPatientShape{"relationship", "last", "first", "middle", "suffix", "dob", "gender", "address"};
constexpr Shape kServiceLineShape{"line", "procedure_code", "modifiers", "units", "unit_code", "charge", "date",
                                  "date_end", "place_of_service", "diagnosis_pointers", "line_control_number",
                                  "prior_authorization", "referral_number", "attachments", "note", "drug"};
constexpr Shape kDrugShape{"ndc", "quantity", "unit", "prescription_number"};
constexpr Shape kAttachmentShape{"report_type", "transmission", "control_number"};
constexpr Shape kNoteShape{"code", "text"};
constexpr Shape kAmbulanceShape{"patient_weight", "transport_reason", "distance", "round_trip_purpose",
                                "stretcher_purpose", "certifications", "pick_up", "drop_off"};
constexpr Shape kAmbulanceCertificationShape{"answer", "conditions"};
constexpr Shape kPickUpShape{"address"};
constexpr Shape kDropOffShape{"name", "address"};
constexpr Shape kOtherCoverageShape{"payer", "subscriber", "relationship"};

// One JSON object's members by name, indexed in a single pass over them (instead of a linear
// FindMember per lookup). As with FindMember, the first occurrence of a name counts. A name the
// object's shape does not have goes to on_unknown (a known name costs one bit test more).
class Members {
 public:
  template <class OnUnknown>
  Members(const Value& object, const Shape& shape, OnUnknown&& on_unknown) {
    for (const auto& m : object.GetObject()) {
      const int slot = kKeyIndex.find(m.name.GetString(), m.name.GetStringLength());
      if (!shape.has(slot)) [[unlikely]] {
        on_unknown(std::string_view(m.name.GetString(), m.name.GetStringLength()));
        continue;
      }
      if (slots_[static_cast<std::size_t>(slot)] == nullptr) slots_[static_cast<std::size_t>(slot)] = &m.value;
    }
  }
  // The member, or nullptr when missing or null.
  const Value* get(Key key) const {
    const Value* v = slots_[static_cast<std::size_t>(key.slot)];
    return v == nullptr || v->IsNull() ? nullptr : v;
  }

 private:
  std::array<const Value*, kKeyNames.size()> slots_{};
};

// Number texts in the forms that make up nearly all input ("2", "137.00", "30.5") are read
// here directly; every other text goes to the X12 value grammar, which reads these forms to
// the same values (numbers arrive as their source text: kParseNumbersAsStringsFlag).
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Up to 9 digits, no sign: the value; otherwise the grammar's integer.
std::optional<std::int64_t> integer_text(std::string_view s) {
  if (s.empty() || s.size() > 9) return x12::grammar::parse_integer(s);
  std::int64_t v = 0;
  for (char c : s) {
    if (!is_digit(c)) return x12::grammar::parse_integer(s);
    v = v * 10 + (c - '0');
  }
  return v;
}

// Up to 15 digits, optionally "." and one or two digits: cents; otherwise the grammar's amount.
std::optional<model::Money> amount_text(std::string_view s) {
  std::size_t i = 0;
  std::int64_t cents = 0;
  while (i < s.size() && i < 15 && is_digit(s[i])) cents = cents * 10 + (s[i++] - '0');
  if (i == 0) return x12::grammar::parse_amount(s);
  int decimals = 0;
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && decimals < 2 && is_digit(s[i]); ++i, ++decimals) cents = cents * 10 + (s[i] - '0');
    if (decimals == 0) return x12::grammar::parse_amount(s);
  }
  if (i != s.size()) return x12::grammar::parse_amount(s);
  for (; decimals < 2; ++decimals) cents *= 10;
  return model::Money::from_cents(cents);
}

// Up to 9 digits, no sign or point: that integer; otherwise the grammar's decimal.
std::optional<model::Decimal> decimal_text(std::string_view s) {
  if (s.empty() || s.size() > 9) return x12::grammar::parse_decimal(s);
  std::int64_t v = 0;
  for (char c : s) {
    if (!is_digit(c)) return x12::grammar::parse_decimal(s);
    v = v * 10 + (c - '0');
  }
  return model::Decimal::from_integer(v);
}

// A member name from the input as a message shows it: control characters as '?', at most 64
// bytes (cut where a UTF-8 character starts, then "...").
std::string shown_name(std::string_view name) {
  constexpr std::size_t kMax = 64;
  std::size_t n = name.size();
  if (n > kMax) {
    n = kMax;
    while (n > 0 && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) --n;
  }
  std::string out(name.substr(0, n));
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  if (n < name.size()) out += "...";
  return out;
}

class Typer {
 public:
  Typer(std::uint64_t line, std::vector<Rejection>& problems, std::vector<UnknownField>* unknown)
      : line_(line), problems_(problems), unknown_(unknown) {}

  void problem(const Path& p, std::string_view code, std::string message) {
    problems_.push_back(Rejection{claim_id_, line_, p.str(), std::string(code), std::move(message)});
  }

  // The members of an object at path p whose names the schema gives it; any other name is
  // reported.
  Members members(const Value& object, const Shape& shape, const Path& p) {
    return Members(object, shape, [&](std::string_view name) {
      if (unknown_ == nullptr) return;
      const std::string shown = shown_name(name);
      unknown_->push_back(UnknownField{line_, Path{&p, shown}.str()});
    });
  }
  void set_claim_id(std::string_view id) { claim_id_ = std::string(id); }

  // A member, or nullptr when missing or null.
  static const Value* member(const Members& obj, Key key) { return obj.get(key); }

  // Text of a string (numbers arrive as their source text, so 12345 reads as "12345").
  void text(const Members& obj, Key key, const Path& parent, std::string& out) {
    const Value* v = member(obj, key);
    if (v == nullptr) return;
    if (v->IsString()) {
      out.assign(v->GetString(), v->GetStringLength());
      return;
    }
    problem({&parent, key}, "wrong_type", "expected a string");
  }

  const Value* object(const Members& obj, Key key, const Path& parent) {
    const Value* v = member(obj, key);
    if (v == nullptr) return nullptr;
    if (v->IsObject()) return v;
    problem({&parent, key}, "wrong_type", "expected an object");
    return nullptr;
  }

  const Value* array(const Members& obj, Key key, const Path& parent) {
    const Value* v = member(obj, key);
    if (v == nullptr) return nullptr;
    if (v->IsArray()) return v;
    problem({&parent, key}, "wrong_type", "expected an array");
    return nullptr;
  }

  std::optional<model::Money> money(const Members& obj, Key key, const Path& parent) {
    const Value* v = member(obj, key);
    if (v == nullptr) return std::nullopt;
    if (v->IsString()) {
      const std::string_view s(v->GetString(), v->GetStringLength());
      if (auto m = amount_text(s); m && !s.empty()) return m;
      problem({&parent, key}, "invalid_amount", "expected a decimal amount with at most 2 decimals, e.g. \"125.00\"");
      return std::nullopt;
    }
    problem({&parent, key}, "wrong_type", "expected a decimal amount as a string, e.g. \"125.00\"");
    return std::nullopt;
  }

  void decimal(const Members& obj, Key key, const Path& parent, model::Decimal& out) {
    const Value* v = member(obj, key);
    if (v == nullptr) return;
    if (v->IsString()) {
      if (auto d = decimal_text(std::string_view(v->GetString(), v->GetStringLength()))) {
        out = *d;
        return;
      }
      problem({&parent, key}, "invalid_number", "expected a decimal number, e.g. 1 or 1.5");
      return;
    }
    problem({&parent, key}, "wrong_type", "expected a number");
  }

  // "YYYY-MM-DD" or "CCYYMMDD" into fields; whether the date is real is an edit.
  void date(const Members& obj, Key key, const Path& parent, model::Date& out) {
    const Value* v = member(obj, key);
    if (v == nullptr) return;
    if (!v->IsString()) {
      problem({&parent, key}, "wrong_type", "expected a date string YYYY-MM-DD");
      return;
    }
    const std::string_view s(v->GetString(), v->GetStringLength());
    if (s.empty()) return;
    if (auto d = model::Date::read_fields(s)) out = *d;
    else problem({&parent, key}, "invalid_date", "expected a date YYYY-MM-DD");
  }

  // true/false, or "Y"/"N" text.
  void flag(const Members& obj, Key key, const Path& parent, std::string& out, std::string_view yes,
            std::string_view no) {
    const Value* v = member(obj, key);
    if (v == nullptr) return;
    if (v->IsBool()) {
      out = std::string(v->GetBool() ? yes : no);
      return;
    }
    if (v->IsString()) {
      out.assign(v->GetString(), v->GetStringLength());
      return;
    }
    problem({&parent, key}, "wrong_type", "expected true/false or a code");
  }

  void strings(const Members& obj, Key key, const Path& parent, std::vector<std::string>& out) {
    const Value* a = array(obj, key, parent);
    if (a == nullptr) return;
    out.reserve(a->Size());
    int i = 0;
    for (const auto& v : a->GetArray()) {
      if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
      else {
        const Path arr{&parent, key};
        problem({&arr, {}, i}, "wrong_type", "expected a string");
      }
      ++i;
    }
  }

  void integers(const Members& obj, Key key, const Path& parent, std::vector<int>& out) {
    const Value* a = array(obj, key, parent);
    if (a == nullptr) return;
    int i = 0;
    for (const auto& v : a->GetArray()) {
      const Path arr{&parent, key};
      auto n = v.IsString() ? integer_text(std::string_view(v.GetString(), v.GetStringLength()))
                            : std::nullopt;
      if (n && *n >= -1000 && *n <= 1000) out.push_back(static_cast<int>(*n));
      else problem({&arr, {}, i}, "wrong_type", "expected an integer");
      ++i;
    }
  }

  void address(const Value& value, const Path& p, model::Address& out) {
    const Members obj = members(value, kAddressShape, p);
    text(obj, "line1", p, out.line1);
    text(obj, "line2", p, out.line2);
    text(obj, "city", p, out.city);
    text(obj, "state", p, out.state);
    text(obj, "zip", p, out.postal_code);
    text(obj, "country", p, out.country);
  }

  void address_member(const Members& obj, Key key, const Path& parent, model::Address& out) {
    if (const Value* a = object(obj, key, parent)) {
      const Path p{&parent, key};
      address(*a, p, out);
    }
  }

  void optional_address(const Members& obj, Key key, const Path& parent,
                        std::optional<model::Address>& out) {
    if (const Value* a = object(obj, key, parent)) {
      const Path p{&parent, key};
      out.emplace();
      address(*a, p, *out);
    }
  }

  void provider(const Value& value, const Path& p, model::Provider& out) {
    provider(members(value, kProviderShape, p), p, out);
  }

  // A provider named either as a person (last/first) or an organisation (name).
  void provider(const Members& obj, const Path& p, model::Provider& out) {
    std::string entity;
    text(obj, "entity_type", p, entity);
    std::string last;
    text(obj, "last", p, last);
    text(obj, "name", p, out.name);
    if (entity == "1" || entity == "person" || (entity.empty() && !last.empty())) {
      out.entity = model::EntityType::person;
      if (!last.empty()) out.name = std::move(last);
    } else {
      out.entity = model::EntityType::organization;
      if (out.name.empty()) out.name = std::move(last);
    }
    text(obj, "first", p, out.first);
    text(obj, "middle", p, out.middle);
    text(obj, "suffix", p, out.suffix);
    text(obj, "npi", p, out.npi);
    text(obj, "taxonomy", p, out.taxonomy);
  }

  void person_name(const Members& obj, const Path& p, model::PersonName& out) {
    text(obj, "last", p, out.last);
    text(obj, "first", p, out.first);
    text(obj, "middle", p, out.middle);
    text(obj, "suffix", p, out.suffix);
  }

  void service_line(const Value& value, const Path& p, model::ServiceLine& out) {
    const Members obj = members(value, kServiceLineShape, p);
    if (const Value* n = member(obj, "line")) {
      auto v = n->IsString() ? integer_text(std::string_view(n->GetString(), n->GetStringLength()))
                             : std::nullopt;
      if (v && *v > 0 && *v < 100000) out.line_number = static_cast<int>(*v);
      else problem({&p, "line"}, "wrong_type", "expected a positive integer");
    }
    text(obj, "procedure_code", p, out.procedure_code);
    strings(obj, "modifiers", p, out.modifiers);
    decimal(obj, "units", p, out.units);
    text(obj, "unit_code", p, out.unit_code);
    if (auto m = money(obj, "charge", p)) out.charge = *m;
    date(obj, "date", p, out.service_date);
    date(obj, "date_end", p, out.service_date_end);
    text(obj, "place_of_service", p, out.place_of_service);
    integers(obj, "diagnosis_pointers", p, out.diagnosis_pointers);
    text(obj, "line_control_number", p, out.line_control_number);
    // Few lines carry these: read out of line, so the common line stays small.
    if (member(obj, "prior_authorization") || member(obj, "referral_number") || member(obj, "attachments") ||
        member(obj, "note") || member(obj, "drug")) [[unlikely]]
      line_supplements(obj, p, out);
  }

  [[gnu::noinline]] void line_supplements(const Members& obj, const Path& p, model::ServiceLine& line) {
    model::LineSupplements& out = line.supplements.edit();
    text(obj, "prior_authorization", p, out.prior_authorization);
    text(obj, "referral_number", p, out.referral_number);
    attachments(obj, p, out.attachments);
    note(obj, p, out.note);
    if (const Value* d = object(obj, "drug", p)) {
      const Path dp{&p, "drug"};
      const Members dm = members(*d, kDrugShape, dp);
      out.drug.emplace();
      text(dm, "ndc", dp, out.drug->ndc);
      decimal(dm, "quantity", dp, out.drug->quantity);
      text(dm, "unit", dp, out.drug->unit);
      text(dm, "prescription_number", dp, out.drug->prescription_number);
    }
  }

  // The claim's supplemental information, out of line like the lines'.
  [[gnu::noinline]] void claim_supplements(const Members& root, const Path& top, model::Claim& c) {
    text(root, "clia_number", top, c.clia_number);
    attachments(root, top, c.attachments);
    note(root, top, c.note);
    if (const Value* a = object(root, "ambulance", top)) {
      const Path p{&top, "ambulance"};
      c.ambulance.emplace();
      ambulance(*a, p, *c.ambulance);
    }
  }

  // "attachments": [{report_type, transmission, control_number}] (PWK), claim or line.
  [[gnu::noinline]] void attachments(const Members& obj, const Path& parent, std::vector<model::Attachment>& out) {
    const Value* a = array(obj, "attachments", parent);
    if (a == nullptr) return;
    const Path arr{&parent, "attachments"};
    out.resize(a->Size());
    int i = 0;
    for (const auto& v : a->GetArray()) {
      const Path p{&arr, {}, i};
      auto& at = out[static_cast<std::size_t>(i++)];
      if (!v.IsObject()) {
        problem(p, "wrong_type", "expected an object");
        continue;
      }
      const Members m = members(v, kAttachmentShape, p);
      text(m, "report_type", p, at.report_type);
      text(m, "transmission", p, at.transmission);
      text(m, "control_number", p, at.control_number);
    }
  }

  // "note": {code, text} (NTE), claim or line.
  [[gnu::noinline]] void note(const Members& obj, const Path& parent, std::optional<model::Note>& out) {
    if (const Value* n = object(obj, "note", parent)) {
      const Path p{&parent, "note"};
      const Members m = members(*n, kNoteShape, p);
      out.emplace();
      text(m, "code", p, out->code);
      text(m, "text", p, out->text);
    }
  }

  // "ambulance": CR1 and CRC, with the pick-up and drop-off locations (2310E/2310F).
  [[gnu::noinline]] void ambulance(const Value& value, const Path& p, model::AmbulanceTransport& out) {
    const Members m = members(value, kAmbulanceShape, p);
    if (member(m, "patient_weight") != nullptr) {
      out.patient_weight.emplace();
      decimal(m, "patient_weight", p, *out.patient_weight);
    }
    text(m, "transport_reason", p, out.transport_reason);
    decimal(m, "distance", p, out.distance);
    text(m, "round_trip_purpose", p, out.round_trip_purpose);
    text(m, "stretcher_purpose", p, out.stretcher_purpose);
    if (const Value* a = array(m, "certifications", p)) {
      const Path arr{&p, "certifications"};
      out.certifications.resize(a->Size());
      int i = 0;
      for (const auto& v : a->GetArray()) {
        const Path cp{&arr, {}, i};
        auto& c = out.certifications[static_cast<std::size_t>(i++)];
        if (!v.IsObject()) {
          problem(cp, "wrong_type", "expected an object");
          continue;
        }
        const Members cm = members(v, kAmbulanceCertificationShape, cp);
        flag(cm, "answer", cp, c.answer, "Y", "N");
        strings(cm, "conditions", cp, c.conditions);
      }
    }
    if (const Value* u = object(m, "pick_up", p)) {
      const Path up{&p, "pick_up"};
      address_member(members(*u, kPickUpShape, up), "address", up, out.pick_up);
    }
    if (const Value* d = object(m, "drop_off", p)) {
      const Path dp{&p, "drop_off"};
      const Members dm = members(*d, kDropOffShape, dp);
      text(dm, "name", dp, out.drop_off_name);
      address_member(dm, "address", dp, out.drop_off);
    }
  }

  // An other coverage's payer and subscriber: the shapes of the claim's (read in encounter(),
  // whose code stays as it was so that encounters without other coverage cost nothing more).
  void payer(const Value& value, const Path& p, model::Payer& out) {
    const Members m = members(value, kPayerShape, p);
    text(m, "name", p, out.name);
    text(m, "id", p, out.id);
    text(m, "claim_filing_indicator", p, out.claim_filing_indicator);
    optional_address(m, "address", p, out.address);
  }

  void subscriber(const Value& value, const Path& p, model::Subscriber& out) {
    const Members m = members(value, kSubscriberShape, p);
    person_name(m, p, out.name);
    text(m, "member_id", p, out.member_id);
    date(m, "dob", p, out.birth_date);
    text(m, "gender", p, out.gender);
    address_member(m, "address", p, out.address);
    text(m, "group_number", p, out.group_number);
    text(m, "group_name", p, out.group_name);
    text(m, "payer_responsibility", p, out.payer_responsibility);
    text(m, "insurance_type_code", p, out.insurance_type_code);
  }

  // "other_coverage": [{payer, subscriber, relationship}] (2320/2330A/2330B), in payment order
  // after the primary.
  [[gnu::noinline, gnu::cold]] void other_coverage(const Members& root, const Path& top, std::vector<model::OtherCoverage>& out) {
    const Value* a = array(root, "other_coverage", top);
    if (a == nullptr) return;
    const Path arr{&top, "other_coverage"};
    out.resize(a->Size());
    int i = 0;
    for (const auto& v : a->GetArray()) {
      const Path p{&arr, {}, i};
      auto& o = out[static_cast<std::size_t>(i++)];
      if (!v.IsObject()) {
        problem(p, "wrong_type", "expected an object");
        continue;
      }
      const Members m = members(v, kOtherCoverageShape, p);
      if (const Value* pay = object(m, "payer", p)) payer(*pay, {&p, "payer"}, o.payer);
      if (const Value* s = object(m, "subscriber", p)) subscriber(*s, {&p, "subscriber"}, o.subscriber);
      o.relationship.clear();
      text(m, "relationship", p, o.relationship);
    }
  }

  [[gnu::noinline]] void encounter(const Value& value, model::Encounter& e) {
    const Path top;
    const Members root = members(value, kEncounterShape, top);
    model::Claim& c = e.claim;
    text(root, "claim_id", top, c.claim_id);
    claim_id_ = c.claim_id;
    for (auto& p : problems_)
      if (p.claim_id.empty()) p.claim_id = c.claim_id;
    text(root, "frequency_code", top, c.frequency_code);
    text(root, "place_of_service", top, c.place_of_service);
    e.declared_total = money(root, "total_charge", top);
    text(root, "original_claim_number", top, c.original_claim_number);
    text(root, "prior_authorization", top, c.prior_authorization);
    text(root, "referral_number", top, c.referral_number);
    date(root, "onset_date", top, c.onset_date);
    flag(root, "provider_signature_on_file", top, c.provider_signature, "Y", "N");
    text(root, "assignment", top, c.assignment);
    flag(root, "benefits_assigned", top, c.benefits_assignment, "Y", "N");
    flag(root, "release_of_information", top, c.release_of_information, "Y", "I");
    strings(root, "diagnoses", top, c.diagnoses);
    if (member(root, "clia_number") || member(root, "attachments") || member(root, "note") ||
        member(root, "ambulance")) [[unlikely]]
      claim_supplements(root, top, c);
    if (member(root, "other_coverage")) [[unlikely]]
      other_coverage(root, top, c.other_coverage);

    if (const Value* a = object(root, "accident", top)) {
      const Path p{&top, "accident"};
      const Members am = members(*a, kAccidentShape, p);
      c.accident.emplace();
      text(am, "cause", p, c.accident->cause);
      date(am, "date", p, c.accident->date);
      text(am, "state", p, c.accident->state);
      text(am, "country", p, c.accident->country);
    }
    if (const Value* s = object(root, "submitter", top)) {
      const Path p{&top, "submitter"};
      const Members sm = members(*s, kSubmitterShape, p);
      e.has_submitter = true;
      text(sm, "name", p, c.submitter.name);
      text(sm, "id", p, c.submitter.id);
      text(sm, "contact_name", p, c.submitter.contact_name);
      text(sm, "phone", p, c.submitter.phone);
      text(sm, "email", p, c.submitter.email);
    }
    if (const Value* r = object(root, "receiver", top)) {
      const Path p{&top, "receiver"};
      const Members rm = members(*r, kReceiverShape, p);
      e.has_receiver = true;
      text(rm, "name", p, c.receiver.name);
      text(rm, "id", p, c.receiver.id);
    }
    if (const Value* pay = object(root, "payer", top)) {
      const Path p{&top, "payer"};
      const Members paym = members(*pay, kPayerShape, p);
      text(paym, "name", p, c.payer.name);
      text(paym, "id", p, c.payer.id);
      text(paym, "claim_filing_indicator", p, c.payer.claim_filing_indicator);
      optional_address(paym, "address", p, c.payer.address);
    }
    if (const Value* b = object(root, "billing_provider", top)) {
      const Path p{&top, "billing_provider"};
      const Members bm = members(*b, kBillingProviderShape, p);
      provider(bm, p, c.billing_provider.provider);
      text(bm, "tax_id", p, c.billing_provider.tax_id);
      address_member(bm, "address", p, c.billing_provider.address);
    }
    optional_address(root, "pay_to_address", top, c.pay_to_address);
    if (const Value* r = object(root, "rendering_provider", top)) {
      const Path p{&top, "rendering_provider"};
      c.rendering_provider.emplace();
      provider(*r, p, *c.rendering_provider);
    }
    if (const Value* r = object(root, "referring_provider", top)) {
      const Path p{&top, "referring_provider"};
      c.referring_provider.emplace();
      provider(*r, p, *c.referring_provider);
    }
    if (const Value* f = object(root, "service_facility", top)) {
      const Path p{&top, "service_facility"};
      const Members fm = members(*f, kServiceFacilityShape, p);
      c.service_facility.emplace();
      text(fm, "name", p, c.service_facility->name);
      text(fm, "npi", p, c.service_facility->npi);
      address_member(fm, "address", p, c.service_facility->address);
    }
    if (const Value* s = object(root, "subscriber", top)) {
      const Path p{&top, "subscriber"};
      const Members sm = members(*s, kSubscriberShape, p);
      person_name(sm, p, c.subscriber.name);
      text(sm, "member_id", p, c.subscriber.member_id);
      date(sm, "dob", p, c.subscriber.birth_date);
      text(sm, "gender", p, c.subscriber.gender);
      address_member(sm, "address", p, c.subscriber.address);
      text(sm, "group_number", p, c.subscriber.group_number);
      text(sm, "group_name", p, c.subscriber.group_name);
      text(sm, "payer_responsibility", p, c.subscriber.payer_responsibility);
      text(sm, "insurance_type_code", p, c.subscriber.insurance_type_code);
    }
    if (const Value* pt = object(root, "patient", top)) {
      const Path p{&top, "patient"};
      const Members ptm = members(*pt, kPatientShape, p);
      c.patient.relationship.clear();
      text(ptm, "relationship", p, c.patient.relationship);
      person_name(ptm, p, c.patient.name);
      date(ptm, "dob", p, c.patient.birth_date);
      text(ptm, "gender", p, c.patient.gender);
      address_member(ptm, "address", p, c.patient.address);
    }
    if (const Value* lines = array(root, "service_lines", top)) {
      const Path arr{&top, "service_lines"};
      c.lines.resize(lines->Size());
      int i = 0;
      for (const auto& v : lines->GetArray()) {
        const Path p{&arr, {}, i};
        if (v.IsObject()) service_line(v, p, c.lines[static_cast<std::size_t>(i)]);
        else problem(p, "wrong_type", "expected an object");
        ++i;
      }
    }
  }

 private:
  std::uint64_t line_;
  std::vector<Rejection>& problems_;
  std::vector<UnknownField>* unknown_;
  std::string claim_id_;
};

// True when no byte has the high bit set (eight at a time).
bool is_ascii(const char* text, std::size_t n) {
  std::uint64_t seen = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text + i, 8);
    seen |= word;
  }
  for (; i < n; ++i) seen |= static_cast<unsigned char>(text[i]);
  return (seen & 0x8080808080808080ull) == 0;
}

// Makes e a default encounter again, destroyed and built in place: cheaper than assigning a
// temporary (which moves some eighty strings and destroys the temporary's). Building the
// defaults allocates nothing; if it ever threw, noexcept ends the process rather than leave e
// destroyed.
void start_over(model::Encounter& e) noexcept {
  std::destroy_at(&e);
  std::construct_at(&e);
}

// Finds "claim_id":"..." in a line that is not valid JSON, so its rejection can name the claim.
std::string salvage_claim_id(std::string_view text) {
  const auto key = text.find("\"claim_id\"");
  if (key == std::string_view::npos) return {};
  auto pos = text.find(':', key + 10);
  if (pos == std::string_view::npos) return {};
  pos = text.find_first_not_of(" \t", pos + 1);
  if (pos == std::string_view::npos || text[pos] != '"') return {};
  const auto end = text.find('"', pos + 1);
  if (end == std::string_view::npos || end - pos - 1 > 64) return {};
  return std::string(text.substr(pos + 1, end - pos - 1));
}

}  // namespace

std::string to_warning(const UnknownField& field) {
  return fmt::format("line {}: unknown field \"{}\" (not in schemas/encounter.schema.json); ignored", field.line,
                     field.path);
}

const std::vector<std::string_view>& known_member_names() {
  static const std::vector<std::string_view> names(kKeyNames.begin(), kKeyNames.end());
  return names;
}

bool parse_encounter_line(char* json, std::uint64_t line_number, model::Encounter& out,
                          std::vector<Rejection>& problems, std::vector<UnknownField>* unknown) {
  start_over(out);
  out.source_line = line_number;
  // Fixed pools: no heap allocation per line for typical encounters.
  char value_buffer[32768];
  char parse_buffer[4096];
  rapidjson::MemoryPoolAllocator<> value_allocator(value_buffer, sizeof value_buffer);
  rapidjson::MemoryPoolAllocator<> parse_allocator(parse_buffer, sizeof parse_buffer);
  rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>, rapidjson::MemoryPoolAllocator<>>
      doc(&value_allocator, sizeof parse_buffer, &parse_allocator);
  const std::size_t length = std::strlen(json);
  // Parsing in place overwrites the text: keep the claim id a broken line may still name.
  const std::string salvaged = salvage_claim_id(std::string_view(json, std::min<std::size_t>(length, 8192)));
  // ASCII is valid UTF-8 by construction: only other text needs the parser's per-byte check
  // (which also turns off its fast string scan).
  constexpr unsigned kFlags = rapidjson::kParseInsituFlag | rapidjson::kParseNumbersAsStringsFlag;
  if (is_ascii(json, length)) doc.ParseInsitu<kFlags>(json);
  else doc.ParseInsitu<kFlags | rapidjson::kParseValidateEncodingFlag>(json);
  if (doc.HasParseError()) {
    problems.push_back(Rejection{salvaged, line_number, "", "json_syntax",
                                 fmt::format("not valid JSON at column {}: {}", doc.GetErrorOffset() + 1,
                                             rapidjson::GetParseError_En(doc.GetParseError()))});
    out.claim.claim_id = problems.back().claim_id;
    return false;
  }
  if (!doc.IsObject()) {
    problems.push_back(Rejection{"", line_number, "", "not_an_object", "each line must be one JSON object"});
    return false;
  }
  Typer typer(line_number, problems, unknown);
  typer.encounter(doc, out);
  return true;
}

bool parse_encounter_text(std::string_view text, std::uint64_t line_number, model::Encounter& out,
                          std::vector<Rejection>& problems, std::vector<UnknownField>* unknown) {
  std::string copy(text);
  copy.append(kPadding, '\0');
  return parse_encounter_line(copy.data(), line_number, out, problems, unknown);
}

std::unique_ptr<EncounterReader> EncounterReader::open(const std::string& path, std::string& error) {
  if (path == "-") return std::make_unique<EncounterReader>(stdin, false);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    error = std::strerror(errno);
    return nullptr;
  }
  return std::make_unique<EncounterReader>(f, true);
}

EncounterReader::EncounterReader(std::FILE* in, bool owned) : in_(in), owned_(owned), buffer_(kChunk + kPadding) {}

EncounterReader::~EncounterReader() {
  if (owned_ && in_ != nullptr) std::fclose(in_);
}

bool EncounterReader::fill() {
  if (eof_) return false;
  // Keep the unread tail at the front; grow when one line is longer than the buffer.
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ + kChunk / 4 > buffer_.size() - kPadding) buffer_.resize(buffer_.size() * 2);
  const std::size_t n = std::fread(buffer_.data() + end_, 1, buffer_.size() - kPadding - end_, in_);
  if (n == 0) {
    if (std::ferror(in_)) read_error_ = "read error";
    eof_ = true;
    return false;
  }
  end_ += n;
  return true;
}

bool EncounterReader::next() {
  problems_.clear();
  unknown_.clear();
  while (true) {
    char* data = buffer_.data();
    void* nl = std::memchr(data + begin_, '\n', end_ - begin_);
    if (nl == nullptr && !eof_) {
      fill();
      continue;
    }
    std::size_t line_end = nl != nullptr ? static_cast<std::size_t>(static_cast<char*>(nl) - data) : end_;
    if (nl == nullptr && begin_ == end_) return false;  // end of input
    const std::size_t next_begin = nl != nullptr ? line_end + 1 : end_;
    consumed_ += next_begin - begin_;
    ++line_number_;
    std::size_t start = begin_;
    begin_ = next_begin;
    if (line_end > start && data[line_end - 1] == '\r') --line_end;  // CRLF files
    while (start < line_end && (data[start] == ' ' || data[start] == '\t')) ++start;
    if (start == line_end) continue;  // blank line
    data[line_end] = '\0';
    parse_encounter_line(data + start, line_number_, encounter_, problems_, &unknown_);
    return true;
  }
}

}  // namespace clearhouse::encounter
