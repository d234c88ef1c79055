// The structure walker on the 837P spec: loop paths as segments are placed, entry keys that
// tell sibling loops apart, required segments and loops reported missing, max use, segments
// that fit nowhere, and the spec staying untouched (two walkers over one spec agree).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/x12/input_source.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12/spec/structure_walker.hpp"
#include "tests/support/spec_paths.hpp"

namespace clearhouse::x12::spec {
namespace {

const TransactionSpec& claim_spec() {
  const auto* spec = testing::spec_catalog()->find("837", "005010X222A1");
  EXPECT_NE(spec, nullptr);
  return *spec;
}

const std::string kIsa =
    "ISA*00*          *00*          *ZZ*SENDER01       *ZZ*CLEARHOUSE     *240601*1200*^*00501*000000101*1*P*:~";

struct Placed {
  std::string id, path;
  std::vector<StructureEvent> events;
};

// Steps a walker over the body segments given (no ST/SE), then finish().
std::vector<Placed> walk(StructureWalker& walker, const std::string& body, std::vector<StructureEvent>* at_end = nullptr) {
  const std::string text = kIsa + body;
  MemorySource source(text);
  Diagnostics diagnostics;
  SegmentReader reader(source, diagnostics);
  std::vector<Placed> out;
  walker.start();
  while (reader.next()) {
    const Segment& s = reader.segment();
    if (s.is("ISA")) continue;
    walker.step(s);
    out.push_back({std::string(s.id()), walker.loop_path(), walker.events()});
  }
  walker.finish();
  if (at_end) *at_end = walker.events();
  return out;
}

const std::string kHeader =
    "BHT*0019*00*B1*20240601*1200*CH~NM1*41*2*SUBMITTER*****46*S1~PER*IC*EDI*TE*8005550100~"
    "NM1*40*2*RECEIVER*****46*R1~";
const std::string kBilling = "HL*1**20*1~NM1*85*2*CLINIC*****XX*1234567893~N3*1 MAIN ST~N4*SPRINGFIELD*IL*62704~REF*EI*123456789~";
const std::string kSubscriber =
    "HL*2*1*22*0~SBR*P*18*GRP******CI~NM1*IL*1*DOE*JANE****MI*W1~NM1*PR*2*PLAN*****PI*60054~";
const std::string kClaim = "CLM*C1*100***11:B:1*Y*A*Y*Y~HI*ABK:J069~LX*1~SV1*HC:99213*100*UN*1***1~DTP*472*D8*20240520~";

bool has(const std::vector<StructureEvent>& events, StructureEventKind kind, const std::string& what = {}) {
  for (const auto& e : events) {
    if (e.kind != kind) continue;
    if (what.empty()) return true;
    if (e.node != nullptr && e.node->is_loop() && e.node->loop->id == what) return true;
    if (e.node != nullptr && !e.node->is_loop() && e.node->segment->id == what) return true;
    if (e.node == nullptr && e.loop != nullptr && e.loop->id == what) return true;
  }
  return false;
}

TEST(StructureWalker, PlacesSegmentsInTheirLoops) {
  StructureWalker walker(claim_spec());
  std::vector<StructureEvent> end;
  const auto placed = walk(walker, kHeader + kBilling + kSubscriber + kClaim, &end);
  ASSERT_EQ(placed.size(), 18u);
  EXPECT_EQ(placed[1].path, "1000A");                     // NM1*41
  EXPECT_EQ(placed[3].path, "1000B");                     // NM1*40
  EXPECT_EQ(placed[4].path, "2000A");                     // HL*20
  EXPECT_EQ(placed[5].path, "2000A/2010AA");              // NM1*85
  EXPECT_EQ(placed[9].path, "2000A/2000B");               // HL*22
  EXPECT_EQ(placed[11].path, "2000A/2000B/2010BA");       // NM1*IL
  EXPECT_EQ(placed[12].path, "2000A/2000B/2010BB");       // NM1*PR
  EXPECT_EQ(placed[13].path, "2000A/2000B/2300");         // CLM
  EXPECT_EQ(placed[15].path, "2000A/2000B/2300/2400");    // LX
  for (const auto& p : placed) {
    EXPECT_FALSE(has(p.events, StructureEventKind::missing)) << p.id << " " << p.path;
    EXPECT_FALSE(has(p.events, StructureEventKind::unrecognized)) << p.id;
    EXPECT_FALSE(has(p.events, StructureEventKind::unexpected)) << p.id;
  }
  EXPECT_FALSE(has(end, StructureEventKind::missing));
}

TEST(StructureWalker, ReportsARequiredLoopThatNeverCame) {
  StructureWalker walker(claim_spec());
  // No NM1*85: the billing provider name loop 2010AA is required.
  const std::string billing = "HL*1**20*1~N3*1 MAIN ST~";
  const auto placed = walk(walker, kHeader + billing + kSubscriber + kClaim);
  bool reported = false;
  for (const auto& p : placed) reported |= has(p.events, StructureEventKind::missing, "2010AA");
  EXPECT_TRUE(reported);
}

TEST(StructureWalker, ReportsSegmentsThatFitNowhere) {
  StructureWalker walker(claim_spec());
  const auto placed = walk(walker, kHeader + kBilling + "ZZZ*1~" + kSubscriber + kClaim);
  EXPECT_TRUE(has(placed[9].events, StructureEventKind::unrecognized));
  StructureWalker again(claim_spec());
  // An 835 segment is unknown to the 837P; a BHT after the HL tree began is out of place.
  const auto second = walk(again, kHeader + kBilling + "BHT*0019*00*B1*20240601*1200*CH~" + kSubscriber + kClaim);
  EXPECT_TRUE(has(second[9].events, StructureEventKind::out_of_order) ||
              has(second[9].events, StructureEventKind::unexpected));
}

TEST(StructureWalker, ReportsMaxUseExceeded) {
  StructureWalker walker(claim_spec());
  // 2010AA N3 has max use 1.
  const std::string billing = "HL*1**20*1~NM1*85*2*CLINIC*****XX*1234567893~N3*1 MAIN ST~N3*2 MAIN ST~"
                              "N4*SPRINGFIELD*IL*62704~REF*EI*123456789~";
  const auto placed = walk(walker, kHeader + billing + kSubscriber + kClaim);
  EXPECT_TRUE(has(placed[7].events, StructureEventKind::over_max, "N3"));
}

TEST(StructureWalker, TwoWalkersOverOneSpecAgree) {
  StructureWalker a(claim_spec()), b(claim_spec());
  const std::string body = kHeader + kBilling + kSubscriber + kClaim + kClaim;
  const auto first = walk(a, body);
  const auto second = walk(b, body);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].path, second[i].path);
  // A second claim in the same subscriber loop is a new 2300 instance, not an error.
  EXPECT_EQ(first.back().path, "2000A/2000B/2300/2400");
  EXPECT_TRUE(has(first[first.size() - 5].events, StructureEventKind::loop_opened, "2300"));
}

// The walker remembers where a segment went per stack of open loops, segment id and qualifier.
// A walker that has seen other sets (so that it places most segments from memory) must place
// every segment and report every event exactly as a fresh one: qualifiers that pick sibling
// loops (NM1*DN/82/77/DQ in 2310x), more qualifiers at one place than it keeps (REF in 2300),
// variants told apart by counts (two PWK in 2300), and broken sets in between.
TEST(StructureWalker, PlacesFromMemoryAsAFreshWalkerWould) {
  const std::string refs = "REF*G1*A~REF*9F*B~REF*F8*C~REF*X4*D~REF*9A*E~REF*9C*F~REF*LX*G~REF*D9*H~REF*EA*I~REF*P4*J~";
  const std::string providers = "NM1*DN*1*REF*DOC****XX*1234567893~NM1*82*1*REND*DOC****XX*1234567893~"
                                "NM1*77*2*LAB*****XX*1234567893~NM1*DQ*1*SUP*DOC****XX*1234567893~";
  const std::string claim = "CLM*C1*100***11:B:1*Y*A*Y*Y~PWK*OZ*BM~PWK*AS*FX~PWK*B2*EL~" + refs +
                            "HI*ABK:J069~" + providers + "LX*1~SV1*HC:99213*100*UN*1***1~DTP*472*D8*20240520~";
  const std::vector<std::string> bodies = {
      kHeader + kBilling + kSubscriber + claim,
      kHeader + "HL*1**20*1~N3*1 MAIN ST~" + kSubscriber + claim,  // 2010AA missing
      kHeader + kBilling + "ZZZ*1~" + kSubscriber + claim + claim,
      kHeader + kBilling + kSubscriber + kClaim + refs + claim + "REF*G1*A~" + kClaim,
      kHeader + kBilling + "N3*2 MAIN ST~" + kSubscriber + providers + claim,
  };
  auto same = [](const std::vector<Placed>& a, const std::vector<Placed>& b, std::size_t body) {
    ASSERT_EQ(a.size(), b.size()) << "body " << body;
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].id, b[i].id) << "body " << body << " segment " << i;
      EXPECT_EQ(a[i].path, b[i].path) << "body " << body << " segment " << i << " " << a[i].id;
      ASSERT_EQ(a[i].events.size(), b[i].events.size()) << "body " << body << " segment " << i << " " << a[i].id;
      for (std::size_t k = 0; k < a[i].events.size(); ++k) {
        EXPECT_EQ(a[i].events[k].kind, b[i].events[k].kind) << "body " << body << " segment " << i;
        EXPECT_EQ(a[i].events[k].node, b[i].events[k].node) << "body " << body << " segment " << i;
        EXPECT_EQ(a[i].events[k].loop, b[i].events[k].loop) << "body " << body << " segment " << i;
      }
    }
  };
  StructureWalker warm(claim_spec());
  for (int round = 0; round < 3; ++round) {
    for (std::size_t b = 0; b < bodies.size(); ++b) {
      StructureWalker fresh(claim_spec());
      std::vector<StructureEvent> fresh_end, warm_end;
      const auto expected = walk(fresh, bodies[b], &fresh_end);
      const auto placed = walk(warm, bodies[b], &warm_end);
      same(placed, expected, b);
      same({{"SE", "", warm_end}}, {{"SE", "", fresh_end}}, b);
    }
  }
  // The qualifiers did pick different loops: the memory is keyed by them.
  StructureWalker walker(claim_spec());
  const auto placed = walk(walker, bodies[0]);
  std::vector<std::string> provider_paths;
  for (const auto& p : placed)
    if (p.id == "NM1" && p.path.find("2310") != std::string::npos) provider_paths.push_back(p.path);
  EXPECT_EQ(provider_paths, (std::vector<std::string>{"2000A/2000B/2300/2310A", "2000A/2000B/2300/2310B",
                                                      "2000A/2000B/2300/2310C", "2000A/2000B/2300/2310D"}));
}

}  // namespace
}  // namespace clearhouse::x12::spec
