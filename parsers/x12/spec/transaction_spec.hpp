#pragma once
// A transaction-set specification (an implementation guide as data), loaded once from
// schemas/x12/*.json and shared read-only by every walker. Nothing here changes after
// loading: repeat counts and positions live in the walker's state.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/codes/code_kind.hpp"
#include "parsers/x12/segment.hpp"  // x12::segment_key: segment ids as integers

namespace clearhouse::x12::spec {

enum class Usage : std::uint8_t { required, situational, not_used };

enum class DataType : std::uint8_t { AN, ID, N0, N1, N2, R, DT, TM, B, composite };

// A named list of codes from schemas/x12/code_tables.json (states, countries, currencies).
struct CodeTable {
  std::string name;
  std::unordered_set<std::string> codes;
  bool contains(std::string_view code) const { return codes.count(std::string(code)) != 0; }
};

// The fields every value reads (usage, type, check, lengths, codes) come first and the struct is
// aligned to a cache line, so that the element loop touches one line per element; names, refs
// and patterns, read only to report or on the typed path, follow.
struct alignas(64) ElementSpec {
  // How a simple value of this element is checked, decided once on load (decide_check) so that
  // the element loop reads one byte instead of five fields: text (lengths, codes), an integer
  // or a decimal (digits, lengths, codes), typed (dates, times, code tables, patterns); general:
  // a composite, an element not used or a period, which take the general path (and what no
  // loader decided).
  enum class ValueCheck : std::uint8_t { text, integer, decimal, typed, general };

  std::uint8_t pos = 0;          // 1-based position in the segment (or composite)
  Usage usage = Usage::situational;
  DataType type = DataType::AN;
  ValueCheck check = ValueCheck::general;
  bool is_period = false;        // a 1251 date-time period (checked against its 1250 qualifier)
  std::uint16_t min_length = 0, max_length = 0;
  std::uint16_t repeat = 1;      // repetitions allowed
  std::vector<std::string> codes;            // empty: no list
  const CodeTable* code_table = nullptr;     // pyx12 external lists we check strictly

  std::string ref;               // "CLM02", "SV101-01"
  std::string data_element;      // "782", "C003"
  std::string name;
  std::string code_set;                      // SNIP 5 code set (pos, adjustment_reason, remark_code) when not strict
  std::string pattern;                       // "[0-9]{9}" style patterns (digits{n} only)
  std::vector<ElementSpec> components;       // composites

  bool is_composite() const { return type == DataType::composite; }
  bool allows(std::string_view code) const;
  // The check of a simple value of this element, whatever its usage.
  ValueCheck value_check() const;
  void decide_check() {
    check = is_composite() || usage == Usage::not_used || is_period ? ValueCheck::general : value_check();
  }
};

inline ElementSpec::ValueCheck ElementSpec::value_check() const {
  if (type == DataType::DT || type == DataType::TM || code_table != nullptr || !pattern.empty()) return ValueCheck::typed;
  if (type == DataType::R) return ValueCheck::decimal;
  if (type == DataType::N0 || type == DataType::N1 || type == DataType::N2) return ValueCheck::integer;
  return ValueCheck::text;
}

struct SyntaxRule {
  char kind = 'P';                    // P paired, R required, C conditional, E exclusion, L list
  std::vector<std::uint8_t> elements; // 1-based positions
};

// Which qualifier tells a segment (or loop entry) apart: element (and component) codes.
struct MatchKey {
  std::uint8_t element = 0;    // 0: the segment id alone
  std::uint8_t component = 0;  // 0: the whole element
  std::vector<std::string> codes;
};

struct SegmentSpec {
  // Elements and components tied to a SNIP 5 code set (place of service, CARC, RARC).
  struct CodeSetSlot {
    std::uint8_t element = 0, component = 0;  // component 0: the whole element
    codes::CodeKind kind = codes::CodeKind::pos;
  };
  // Identifiers that are NPIs when their qualifier says so (set on load from the data
  // elements): NM108/N103 (66) = XX before NM109/N104 (67), REF01 (128) = HPI before REF02 (127).
  struct NpiSlot {
    std::uint8_t qualifier = 0, identifier = 0;  // element positions
    std::string code;                            // "XX" or "HPI"
  };

  // What every segment reads comes first: its elements, rules and code-set slots.
  std::uint32_t key = 0;
  std::uint8_t last_required = 0;  // position of the last required element (set on load)
  std::vector<ElementSpec> elements;
  std::vector<SyntaxRule> syntax;
  std::vector<CodeSetSlot> code_set_slots;
  std::vector<NpiSlot> npi_slots;
  std::string id;
  std::string name;
  std::uint32_t max_use = 1;   // 0: unbounded
  MatchKey match;
};

struct LoopSpec;

// A child of a loop: a segment or a loop, with its placement (usage, repeat, position group).
struct NodeSpec {
  const SegmentSpec* segment = nullptr;  // set for segments
  const LoopSpec* loop = nullptr;        // set for loops
  const SegmentSpec* entry_segment = nullptr;  // the segment that opens this node (set on load)
  std::uint32_t entry_key = 0;                 // its id as an integer
  Usage usage = Usage::situational;
  std::uint32_t max = 1;                 // max use / loop repeat; 0: unbounded
  std::uint16_t group = 0;               // same group = same position: any order among them
  bool has_twin = false;  // a later sibling at its position may match the same segment (set on load)
  bool is_loop() const { return loop != nullptr; }
  // The segment that opens this node (the loop's entry segment for loops).
  const SegmentSpec& entry() const;
};

struct LoopSpec {
  std::string id;
  std::string name;
  std::vector<NodeSpec> children;  // for loops other than the body, children[0] is the entry
  std::vector<std::uint16_t> required_children;  // indexes of required children (set on load)
  // Children by entry segment id, in order (set on load): the walker looks at these only.
  struct KeyedChildren {
    std::uint32_t key = 0;
    std::vector<std::uint16_t> indexes;
    // When every candidate that has a qualifier reads the same element (and component) and
    // each of its codes packs (pack_code), the candidates' codes in candidate order, so that
    // the walker reads the segment's qualifier once and compares integers (set on load).
    struct QualifiedChild {
      std::uint64_t code = 0;  // pack_code of one of its codes, or kAnyQualifier
      std::uint16_t index = 0;
    };
    bool packed = false;
    std::uint8_t element = 0, component = 0;  // the qualifier (element 0: none has one)
    std::vector<QualifiedChild> by_code;
  };
  std::vector<KeyedChildren> by_key;
  const KeyedChildren* children_with(std::uint32_t key) const {
    for (const auto& k : by_key)
      if (k.key == key) return &k;
    return nullptr;
  }
};

// A code of up to 7 bytes and its length as one integer (equal exactly when the codes are equal);
// kUnpacked for a longer one. kAnyQualifier: a child with no qualifier, which any segment fits.
inline constexpr std::uint64_t kUnpacked = ~std::uint64_t{0};
inline constexpr std::uint64_t kAnyQualifier = ~std::uint64_t{0} - 1;
inline std::uint64_t pack_code(std::string_view code) {
  if (code.size() > 7) return kUnpacked;
  std::uint64_t v = code.size();
  for (std::size_t i = 0; i < code.size(); ++i) v |= std::uint64_t{static_cast<unsigned char>(code[i])} << (8 * (i + 1));
  return v;
}

// One level of the HL hierarchy: the loop an HL03 code opens and the level its HL02 must name,
// as the spec's loop nesting says (set on load). 837P: 20, 22 under 20, 23 under 22; 277CA:
// 20, 21, 19, PT; 276/277: 20, 21, 19, 22, 23 under 22.
struct HierarchyLevel {
  std::string code;                  // HL03: "20", "22", "PT"
  const LoopSpec* loop = nullptr;    // the loop it opens ("2000A")
  std::vector<std::string> parents;  // HL03 codes of the enclosing level's loop; empty at the top
  std::uint8_t depth = 1;            // 1 for the top level, 2 below it, ...
};

struct TransactionSpec {
  std::string id;               // "837P"
  std::string transaction_set;  // "837"
  std::string implementation;   // "005010X222A1"
  std::vector<std::string> accepted_versions;
  std::string functional_id;    // "HC"
  std::string name;
  SegmentSpec header;           // ST
  SegmentSpec trailer;          // SE
  const LoopSpec* body = nullptr;
  std::unordered_set<std::uint32_t> segment_ids;  // every segment id used anywhere
  std::vector<HierarchyLevel> hierarchy;          // HL levels in guide order (empty without HL)

  // Storage: specs hold stable pointers into these.
  std::vector<std::unique_ptr<SegmentSpec>> segment_store;
  std::vector<std::unique_ptr<LoopSpec>> loop_store;
  std::vector<std::unique_ptr<CodeTable>> table_store;

  bool accepts_version(std::string_view v) const;
  // The level HL03 = code opens; nullptr when the guide has no such level.
  const HierarchyLevel* level(std::string_view code) const;
};

// Segments of the interchange and group envelopes (ISA, GS, GE, IEA, TA1).
struct EnvelopeSpec {
  std::unordered_map<std::string, SegmentSpec> segments;
  const SegmentSpec* find(std::string_view id) const;
};

inline const SegmentSpec& NodeSpec::entry() const { return *entry_segment; }

// Codes are short (2 or 3 bytes mostly): comparing them in a loop beats a memcmp call.
inline bool same_code(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

inline bool ElementSpec::allows(std::string_view code) const {
  for (const auto& c : codes)
    if (same_code(c, code)) return true;
  return false;
}

inline bool TransactionSpec::accepts_version(std::string_view v) const {
  for (const auto& a : accepted_versions)
    if (a == v) return true;
  return false;
}

inline const HierarchyLevel* TransactionSpec::level(std::string_view code) const {
  for (const auto& l : hierarchy)
    if (l.code == code) return &l;
  return nullptr;
}

inline const SegmentSpec* EnvelopeSpec::find(std::string_view id) const {
  auto it = segments.find(std::string(id));
  return it == segments.end() ? nullptr : &it->second;
}

}  // namespace clearhouse::x12::spec
