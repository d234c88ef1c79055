#include "parsers/x12/spec/spec_catalog.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace clearhouse::x12::spec {
namespace {

using Value = rapidjson::Value;

std::string read_text(const std::filesystem::path& p, std::string& error) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    error = "cannot read " + p.string();
    return {};
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Usage parse_usage(std::string_view u) {
  return u == "R" ? Usage::required : u == "N" ? Usage::not_used : Usage::situational;
}

DataType parse_type(std::string_view t) {
  if (t == "ID") return DataType::ID;
  if (t == "N0") return DataType::N0;
  if (t == "N1") return DataType::N1;
  if (t == "N2") return DataType::N2;
  if (t == "R") return DataType::R;
  if (t == "DT") return DataType::DT;
  if (t == "TM") return DataType::TM;
  if (t == "B") return DataType::B;
  return DataType::AN;
}

std::uint32_t parse_count(const Value& v) { return v.IsUint() ? v.GetUint() : 0u; }

// The kind of code a SNIP 5 code set of the specs holds (engine/codes checks it).
std::optional<codes::CodeKind> code_set_kind(std::string_view set) {
  if (set == "pos") return codes::CodeKind::pos;
  if (set == "adjustment_reason") return codes::CodeKind::carc;
  if (set == "remark_code") return codes::CodeKind::rarc;
  if (set == "claim_status_cat") return codes::CodeKind::claim_status_category;
  if (set == "claim_status") return codes::CodeKind::claim_status;
  if (set == "entity_id") return codes::CodeKind::entity;
  return std::nullopt;
}

std::string str(const Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  return it != obj.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                       : std::string();
}

std::vector<std::string> strings(const Value& obj, const char* key) {
  std::vector<std::string> out;
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& s : it->value.GetArray())
    if (s.IsString()) out.emplace_back(s.GetString(), s.GetStringLength());
  return out;
}

// Where X12 says "this identifier is an NPI": qualifier data element, identifier data element,
// qualifier code (66 Identification Code Qualifier XX; 128 Reference Identification Qualifier HPI).
struct NpiQualifier {
  const char* qualifier_de;
  const char* identifier_de;
  const char* code;
};
constexpr NpiQualifier kNpiQualifiers[] = {{"66", "67", "XX"}, {"128", "127", "HPI"}};

class Builder {
 public:
  Builder(TransactionSpec& out, const std::map<std::string, const CodeTable*>& tables) : out_(out), tables_(tables) {}

  ElementSpec element(const Value& e) {
    ElementSpec el;
    el.pos = static_cast<std::uint8_t>(e["pos"].GetUint());
    el.ref = str(e, "ref");
    el.data_element = str(e, "de");
    el.name = str(e, "name");
    el.usage = parse_usage(str(e, "usage"));
    if (e.HasMember("composite")) {
      el.type = DataType::composite;
      if (e.HasMember("components"))
        for (const auto& c : e["components"].GetArray()) el.components.push_back(element(c));
    } else {
      el.type = parse_type(str(e, "type"));
      el.min_length = static_cast<std::uint16_t>(e.HasMember("min") ? e["min"].GetUint() : 0);
      el.max_length = static_cast<std::uint16_t>(e.HasMember("max") ? e["max"].GetUint() : 0);
    }
    if (e.HasMember("repeat")) el.repeat = static_cast<std::uint16_t>(e["repeat"].GetUint());
    el.codes = strings(e, "codes");
    const std::string table = str(e, "code_table");
    if (!table.empty()) {
      auto it = tables_.find(table);
      if (it != tables_.end()) el.code_table = it->second;  // strict list
      else if (code_set_kind(table)) el.code_set = table;    // SNIP 5 code set
      else if (problem_.empty()) problem_ = el.ref + ": unknown code_table '" + table + "'";
    }
    el.pattern = str(e, "pattern");
    el.is_period = el.data_element == "1251";
    el.decide_check();
    return el;
  }

  MatchKey key(const Value& k) {
    MatchKey m;
    if (k.HasMember("element")) m.element = static_cast<std::uint8_t>(k["element"].GetUint());
    if (k.HasMember("component")) m.component = static_cast<std::uint8_t>(k["component"].GetUint());
    m.codes = strings(k, "codes");
    return m;
  }

  SegmentSpec segment(const Value& s) {
    SegmentSpec seg;
    seg.id = str(s, "id");
    seg.key = segment_key(seg.id);
    seg.name = str(s, "name");
    seg.max_use = parse_count(s["max_use"]);
    if (s.HasMember("match")) seg.match = key(s["match"]);
    if (s.HasMember("syntax")) {
      for (const auto& r : s["syntax"].GetArray()) {
        SyntaxRule rule;
        rule.kind = r["rule"].GetString()[0];
        for (const auto& p : r["elements"].GetArray()) rule.elements.push_back(static_cast<std::uint8_t>(p.GetUint()));
        seg.syntax.push_back(std::move(rule));
      }
    }
    for (const auto& e : s["elements"].GetArray()) seg.elements.push_back(element(e));
    for (const auto& e : seg.elements) {
      if (e.usage == Usage::required) seg.last_required = e.pos;
      if (!e.code_set.empty()) seg.code_set_slots.push_back({e.pos, 0, *code_set_kind(e.code_set)});
      for (const auto& c : e.components)
        if (!c.code_set.empty()) seg.code_set_slots.push_back({e.pos, c.pos, *code_set_kind(c.code_set)});
    }
    for (std::size_t i = 0; i + 1 < seg.elements.size(); ++i) {
      const ElementSpec& qualifier = seg.elements[i];
      const ElementSpec& identifier = seg.elements[i + 1];
      if (identifier.pos != qualifier.pos + 1) continue;
      for (const auto& [qualifier_de, identifier_de, code] : kNpiQualifiers)
        if (qualifier.data_element == qualifier_de && identifier.data_element == identifier_de &&
            (qualifier.codes.empty() || qualifier.allows(code)))
          seg.npi_slots.push_back({qualifier.pos, identifier.pos, code});
    }
    out_.segment_ids.insert(seg.key);
    return seg;
  }

  // Builds a loop; `path` is the loop path ("2000A/2000B/2300") used to resolve copy_of.
  const LoopSpec* loop(const Value& l, const std::string& path, std::string& error) {
    auto owned = std::make_unique<LoopSpec>();
    LoopSpec* lp = owned.get();
    out_.loop_store.push_back(std::move(owned));
    lp->id = str(l, "id");
    lp->name = str(l, "name");
    for (const auto& c : l["children"].GetArray()) {
      NodeSpec node;
      node.usage = parse_usage(str(c, "usage"));
      node.group = static_cast<std::uint16_t>(c.HasMember("group") ? c["group"].GetUint() : 0);
      if (str(c, "kind") == "segment") {
        out_.segment_store.push_back(std::make_unique<SegmentSpec>(segment(c)));
        node.segment = out_.segment_store.back().get();
        node.max = parse_count(c["max_use"]);
      } else {
        const std::string id = str(c, "id");
        const std::string child_path = path.empty() ? id : path + "/" + id;
        if (c.HasMember("copy_of")) {
          auto it = by_path_.find(str(c, "copy_of"));
          if (it == by_path_.end()) {
            error = "copy_of " + str(c, "copy_of") + " names no earlier loop";
            return nullptr;
          }
          node.loop = it->second;
          node.max = copy_repeat_.at(it->second);
        } else {
          node.loop = loop(c, child_path, error);
          if (node.loop == nullptr) return nullptr;
          node.max = parse_count(c["repeat"]);
          by_path_[child_path] = node.loop;
          copy_repeat_[node.loop] = node.max;
          if (node.loop->children.empty() || node.loop->children.front().is_loop()) {
            error = "loop " + child_path + " does not start with a segment";
            return nullptr;
          }
        }
      }
      node.entry_segment = node.segment != nullptr ? node.segment : node.loop->children.front().entry_segment;
      node.entry_key = node.entry_segment->key;
      if (node.usage == Usage::required)
        lp->required_children.push_back(static_cast<std::uint16_t>(lp->children.size()));
      lp->children.push_back(node);
    }
    mark_twins(*lp);
    return lp;
  }

  // The first problem met while building (an unknown code_table); empty when none.
  const std::string& problem() const { return problem_; }

 private:
  // Two siblings at one position whose qualifiers can both match one segment: the walker
  // then picks by the other codes (choose_variant); all other segments skip that search.
  static bool may_match_same(const SegmentSpec& a, const SegmentSpec& b) {
    if (a.key != b.key) return false;
    if (a.match.element == 0 || b.match.element == 0) return true;
    if (a.match.element != b.match.element || a.match.component != b.match.component) return true;
    for (const auto& x : a.match.codes)
      for (const auto& y : b.match.codes)
        if (x == y) return true;
    return false;
  }

  static void pack_qualifiers(const LoopSpec& lp, LoopSpec::KeyedChildren& k) {
    k.packed = true;
    for (std::uint16_t i : k.indexes) {
      const MatchKey& m = lp.children[i].entry().match;
      if (m.element == 0) {
        k.by_code.push_back({kAnyQualifier, i});
        continue;
      }
      if (k.element == 0) {
        k.element = m.element;
        k.component = m.component;
      } else if (k.element != m.element || k.component != m.component) {
        k.packed = false;
      }
      for (const auto& code : m.codes) {
        const std::uint64_t packed = pack_code(code);
        if (packed == kUnpacked) k.packed = false;
        k.by_code.push_back({packed, i});
      }
    }
    if (!k.packed) k.by_code.clear();
  }

  static void mark_twins(LoopSpec& lp) {
    auto& c = lp.children;
    for (std::size_t i = 0; i < c.size(); ++i) {
      auto it = std::find_if(lp.by_key.begin(), lp.by_key.end(), [&](const auto& k) { return k.key == c[i].entry_key; });
      if (it == lp.by_key.end()) {
        LoopSpec::KeyedChildren keyed;
        keyed.key = c[i].entry_key;
        it = lp.by_key.insert(lp.by_key.end(), std::move(keyed));
      }
      it->indexes.push_back(static_cast<std::uint16_t>(i));
    }
    for (auto& k : lp.by_key) pack_qualifiers(lp, k);
    for (std::size_t i = 0; i < c.size(); ++i)
      for (std::size_t j = i + 1; j < c.size() && c[j].group == c[i].group; ++j)
        if (may_match_same(*c[i].entry_segment, *c[j].entry_segment)) c[i].has_twin = true;
  }

  TransactionSpec& out_;
  const std::map<std::string, const CodeTable*>& tables_;
  std::map<std::string, const LoopSpec*> by_path_;
  std::map<const LoopSpec*, std::uint32_t> copy_repeat_;
  std::string problem_;
};

// Collects the HL levels: a loop whose entry is HL told apart by HL03 is a level; the nearest
// level loop around it is its parent.
void collect_levels(const LoopSpec& loop, const HierarchyLevel* parent, std::vector<HierarchyLevel>& out) {
  for (const NodeSpec& child : loop.children) {
    if (!child.is_loop()) continue;
    const SegmentSpec& entry = child.entry();
    if (entry.id != "HL" || entry.match.element != 3) {
      collect_levels(*child.loop, parent, out);
      continue;
    }
    std::size_t first = out.size();
    for (const auto& code : entry.match.codes) {
      HierarchyLevel level;
      level.code = code;
      level.loop = child.loop;
      if (parent != nullptr) {
        level.depth = static_cast<std::uint8_t>(parent->depth + 1);
        for (const auto& p : out)
          if (p.loop == parent->loop) level.parents.push_back(p.code);
      }
      out.push_back(std::move(level));
    }
    // A copy, not a pointer into out: out grows while the children are collected.
    if (first < out.size()) {
      const HierarchyLevel here = out[first];
      collect_levels(*child.loop, &here, out);
    }
  }
}

bool parse_json(const std::filesystem::path& p, rapidjson::Document& doc, std::string& error) {
  const std::string text = read_text(p, error);
  if (!error.empty()) return false;
  doc.Parse(text.c_str(), text.size());
  if (doc.HasParseError()) {
    error = p.filename().string() + ": " + rapidjson::GetParseError_En(doc.GetParseError()) + " at byte " +
            std::to_string(doc.GetErrorOffset());
    return false;
  }
  return true;
}

}  // namespace

std::shared_ptr<const SpecCatalog> SpecCatalog::load(const std::string& dir) {
  auto catalog = std::make_shared<SpecCatalog>();
  catalog->dir_ = dir;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    catalog->error_ = "spec directory not found: " + dir;
    return catalog;
  }
  std::map<std::string, const CodeTable*> tables;
  {
    rapidjson::Document doc;
    if (!parse_json(fs::path(dir) / "code_tables.json", doc, catalog->error_)) return catalog;
    for (const auto& m : doc["tables"].GetObject()) {
      auto table = std::make_unique<CodeTable>();
      table->name = m.name.GetString();
      for (const auto& c : m.value.GetArray()) table->codes.emplace(c.GetString(), c.GetStringLength());
      tables[table->name] = table.get();
      catalog->tables_.push_back(std::move(table));
    }
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && name != "code_tables.json" && name.find("schema") == std::string::npos)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    rapidjson::Document doc;
    if (!parse_json(file, doc, catalog->error_)) return catalog;
    if (doc.HasMember("segments")) {
      TransactionSpec scratch;
      Builder b(scratch, tables);
      for (const auto& s : doc["segments"].GetArray()) {
        SegmentSpec seg = b.segment(s);
        catalog->envelope_.segments.emplace(seg.id, std::move(seg));
      }
      if (!b.problem().empty()) {
        catalog->error_ = file.filename().string() + ": " + b.problem();
        return catalog;
      }
      continue;
    }
    auto spec = std::make_unique<TransactionSpec>();
    spec->id = str(doc, "id");
    spec->transaction_set = str(doc, "transaction_set");
    spec->implementation = str(doc, "implementation");
    spec->accepted_versions = strings(doc, "accepted_versions");
    spec->functional_id = str(doc, "functional_id");
    spec->name = str(doc, "name");
    Builder b(*spec, tables);
    spec->header = b.segment(doc["header"]);
    spec->trailer = b.segment(doc["trailer"]);
    std::string error;
    spec->body = b.loop(doc["body"], "", error);
    if (spec->body == nullptr || !b.problem().empty()) {
      catalog->error_ = file.filename().string() + ": " + (spec->body == nullptr ? error : b.problem());
      return catalog;
    }
    collect_levels(*spec->body, nullptr, spec->hierarchy);
    catalog->specs_.push_back(std::move(spec));
  }
  if (catalog->envelope_.segments.empty()) catalog->error_ = "no envelope spec in " + dir;
  return catalog;
}

const TransactionSpec* SpecCatalog::find(std::string_view transaction_set, std::string_view version) const {
  const TransactionSpec* fallback = nullptr;
  for (const auto& s : specs_) {
    if (s->transaction_set != transaction_set) continue;
    if (version.empty() || s->accepts_version(version)) return s.get();
    if (fallback == nullptr) fallback = s.get();
  }
  return version.empty() ? fallback : nullptr;
}

const TransactionSpec* SpecCatalog::find_for_group(std::string_view functional_id, std::string_view version) const {
  for (const auto& s : specs_)
    if (s->functional_id == functional_id && s->accepts_version(version)) return s.get();
  return nullptr;
}

bool SpecCatalog::supports_group(std::string_view functional_id) const {
  for (const auto& s : specs_)
    if (s->functional_id == functional_id) return true;
  return false;
}

const TransactionSpec* SpecCatalog::find_by_id(std::string_view id) const {
  for (const auto& s : specs_)
    if (s->id == id) return s.get();
  return nullptr;
}

}  // namespace clearhouse::x12::spec
