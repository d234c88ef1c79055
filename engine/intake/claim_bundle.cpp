#include "engine/intake/claim_bundle.hpp"

#include <map>
#include <string_view>

namespace clearhouse::intake {
namespace {

// Element i (0 = the segment id) of a raw segment.
std::string_view element(std::string_view raw, char sep, std::size_t i) {
  for (std::size_t k = 0; k < i; ++k) {
    const auto cut = raw.find(sep);
    if (cut == std::string_view::npos) return {};
    raw.remove_prefix(cut + 1);
  }
  return raw.substr(0, raw.find(sep));
}

std::string_view component(std::string_view value, char sep, std::size_t k) { return element(value, sep, k - 1); }

std::string trimmed(std::string_view v) {
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return std::string(v);
}

bool is(std::string_view raw, char sep, std::string_view id) { return element(raw, sep, 0) == id; }

}  // namespace

TransactionBundle bundle_transaction(const std::vector<std::string>& segments, const model::Delimiters& d) {
  TransactionBundle out;
  const char e = d.element;
  std::map<std::string, std::size_t> block_by_id;
  enum class Place { header, block, claim } place = Place::header;
  for (const std::string& raw : segments) {
    if (is(raw, e, "ST") || is(raw, e, "SE")) continue;
    if (is(raw, e, "BHT")) {
      out.bht_purpose = std::string(element(raw, e, 2));
      out.bht_type = std::string(element(raw, e, 6));
      continue;
    }
    if (is(raw, e, "HL")) {
      HlBlock b{std::string(element(raw, e, 1)), std::string(element(raw, e, 2)), std::string(element(raw, e, 3)),
                std::string(element(raw, e, 4)), {raw}};
      block_by_id[b.id] = out.blocks.size();
      out.blocks.push_back(std::move(b));
      place = Place::block;
      continue;
    }
    if (is(raw, e, "CLM")) {
      if (out.blocks.empty()) {
        out.problems.push_back("claim " + std::string(element(raw, e, 1)) + " is not under an HL");
        place = Place::header;
        continue;
      }
      ClaimUnit c;
      c.claim_id = std::string(element(raw, e, 1));
      c.frequency_code = std::string(component(element(raw, e, 5), d.component, 3));
      // The chain of HL blocks above the claim, following HL02 up to the top.
      std::vector<std::size_t> chain;
      for (std::size_t at = out.blocks.size() - 1;;) {
        chain.insert(chain.begin(), at);
        const auto it = block_by_id.find(out.blocks[at].parent);
        if (out.blocks[at].parent.empty() || it == block_by_id.end() || chain.size() > 8) break;
        at = it->second;
      }
      c.chain = std::move(chain);
      // The payer: NM1*PR of the subscriber (2000B) block in the chain.
      for (std::size_t b : c.chain) {
        if (out.blocks[b].level != "22") continue;
        for (const auto& s : out.blocks[b].segments) {
          if (is(s, e, "NM1") && element(s, e, 1) == "PR") {
            c.payer_id = trimmed(element(s, e, 9));
            c.payer_name = trimmed(element(s, e, 3));
          }
        }
      }
      c.segments.push_back(raw);
      out.claims.push_back(std::move(c));
      place = Place::claim;
      continue;
    }
    if (place == Place::claim) out.claims.back().segments.push_back(raw);
    else if (place == Place::block) out.blocks.back().segments.push_back(raw);
    // header segments (1000A submitter, 1000B receiver) are replaced when re-enveloped
  }
  for (const auto& c : out.claims)
    if (c.payer_id.empty()) out.problems.push_back("claim " + c.claim_id + " has no payer (2010BB NM1*PR)");
  return out;
}

}  // namespace clearhouse::intake
