#include "engine/reconcile/remittance_read_ahead.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "engine/reconcile/remittance_parts_ahead.hpp"

#include "parsers/x12/input_source.hpp"

namespace clearhouse::testing {
namespace {

// n 835 sets (claims C1..Cn, set k holding claim Ck) and one 999 in another group.
std::string file_with_sets(int n) {
  std::string sets;
  for (int k = 1; k <= n; ++k) {
    const std::string st = std::to_string(1000 + k);
    const std::string body = "BPR*I*5*C*CHK************20240405~TRN*1*T" + std::to_string(k) +
                             "*1999999999~N1*PR*PAYER*XV*P1~N1*PE*CLINIC*XX*1234567893~CLP*C" + std::to_string(k) +
                             "*1*10*5*0*12*P1~SVC*HC:99211*10*5~CAS*CO*45*5~";
    std::size_t count = 2;
    for (char ch : body) count += ch == '~';
    sets += "ST*835*" + st + "~" + body + "SE*" + std::to_string(count) + "*" + st + "~";
  }
  return "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240401*1200*^*00501*000000001*0*T*:~"
         "GS*HP*SENDER*RECEIVER*20240401*1200*1*X*005010X221A1~" + sets + "GE*" + std::to_string(n) + "*1~"
         "GS*FA*SENDER*RECEIVER*20240401*1200*2*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HC*1*005010X222A1~"
         "AK9*A*1*1*1~SE*4*0001~GE*1*2~IEA*2*000000001~";
}

TEST(RemittanceReadAhead, HandsOverEverySetInOrderThenWhatTheFileEndedWith) {
  const std::string text = file_with_sets(7);
  x12::MemorySource source(text, "<memory>");
  reconcile::RemittanceReadAhead ahead(source, "<memory>");
  EXPECT_TRUE(ahead.on_own_thread());
  int k = 0;
  std::uint64_t last_offset = 0;
  while (auto* item = ahead.next()) {
    ++k;
    ASSERT_EQ(item->remittance.claims.size(), 1u);
    EXPECT_EQ(item->remittance.claims[0].patient_control_number, "C" + std::to_string(k));
    EXPECT_EQ(item->remittance.trace.reference, "T" + std::to_string(k));
    EXPECT_TRUE(item->remittance.complete);
    EXPECT_GT(item->bytes_consumed, last_offset);
    last_offset = item->bytes_consumed;
  }
  EXPECT_EQ(k, 7);
  EXPECT_EQ(ahead.next(), nullptr);  // and stays at the end
  EXPECT_EQ(ahead.skipped_transactions(), 1u);
  EXPECT_FALSE(ahead.fatal());
  EXPECT_TRUE(ahead.file_findings().empty());
}

// Stdin from a pipe: reading waits on the other end, so it happens on the caller's thread.
class PipeLikeSource final : public x12::InputSource {
 public:
  explicit PipeLikeSource(std::string_view bytes) : memory_(bytes) {}
  std::ptrdiff_t read(char* dst, std::size_t n) override { return memory_.read(dst, n < 7 ? n : 7); }
  const std::string& name() const override { return memory_.name(); }
  bool may_wait() const override { return true; }

 private:
  x12::MemorySource memory_;
};

TEST(RemittanceReadAhead, ReadsAnInputThatMayWaitOnTheCallersThread) {
  const std::string text = file_with_sets(3);
  PipeLikeSource source(text);
  reconcile::RemittanceReadAhead ahead(source, "-");
  EXPECT_FALSE(ahead.on_own_thread());
  int k = 0;
  while (auto* item = ahead.next()) {
    ++k;
    ASSERT_EQ(item->remittance.claims.size(), 1u);
    EXPECT_EQ(item->remittance.claims[0].patient_control_number, "C" + std::to_string(k));
  }
  EXPECT_EQ(k, 3);
  EXPECT_EQ(ahead.next(), nullptr);
  EXPECT_EQ(ahead.skipped_transactions(), 1u);
}

TEST(RemittanceReadAhead, StopsWhenLeftPartWay) {
  const std::string text = file_with_sets(50);
  x12::MemorySource source(text, "<memory>");
  {
    reconcile::RemittanceReadAhead ahead(source, "<memory>");
    ASSERT_NE(ahead.next(), nullptr);
    ASSERT_NE(ahead.next(), nullptr);
  }  // the poster gave up (say, the database failed): the thread stops, nothing hangs
  SUCCEED();
}

TEST(RemittanceReadAhead, ReportsAnInputThatIsNotX12) {
  const std::string text = "this is not an interchange";
  x12::MemorySource source(text, "<memory>");
  reconcile::RemittanceReadAhead ahead(source, "<memory>");
  EXPECT_EQ(ahead.next(), nullptr);
  EXPECT_TRUE(ahead.fatal());
  ASSERT_FALSE(ahead.file_findings().empty());
  EXPECT_EQ(ahead.file_findings()[0].rule, "read.no_isa");
}

// Read in parts on threads (post --jobs): the same sets, positions and findings as one set
// ahead, in file order, in small parts (the splitter reads 4 KiB at a time: about 18 sets a part).
class SmallParts : public ::testing::Test {
 protected:
  void SetUp() override { ::setenv("CLEARHOUSE_PART_BYTES", "64", 1); }
  void TearDown() override { ::unsetenv("CLEARHOUSE_PART_BYTES"); }
};

TEST_F(SmallParts, HandOverWhatTheReadAheadHandsOver) {
  std::string text = file_with_sets(400);
  // A bad amount in set 200 (a finding inside a part a worker reads) and a stray segment
  // between sets 300 and 301 (a file finding, read in order).
  const auto clp = text.find("*C200*1*10*5*");
  text.replace(clp + 11, 1, "5X");
  const auto st301 = text.find("ST*835*1301~");
  text.insert(st301, "ZZZ*1~");
  x12::MemorySource one_source(text, "<memory>"), parts_source(text, "<memory>");
  reconcile::RemittanceReadAhead one(one_source, "<memory>");
  reconcile::RemittancePartsAhead parts(parts_source, "<memory>", 3);
  int k = 0, findings = 0, file_findings = 0;
  for (;;) {
    auto* a = one.next();
    auto* b = parts.next();
    ASSERT_EQ(a == nullptr, b == nullptr) << "set " << k + 1;
    if (a == nullptr) break;
    ++k;
    const auto& ra = a->remittance;
    const auto& rb = b->remittance;
    EXPECT_EQ(rb.control_number, ra.control_number);
    EXPECT_EQ(rb.segment, ra.segment) << k;
    EXPECT_EQ(rb.offset, ra.offset) << k;
    EXPECT_EQ(rb.payment.segment, ra.payment.segment) << k;
    EXPECT_EQ(rb.content_hash, ra.content_hash) << k;
    ASSERT_EQ(rb.claims.size(), ra.claims.size());
    EXPECT_EQ(rb.claims[0].segment, ra.claims[0].segment) << k;
    EXPECT_EQ(rb.claims[0].offset, ra.claims[0].offset) << k;
    EXPECT_EQ(rb.claims[0].lines[0].segment, ra.claims[0].lines[0].segment) << k;
    EXPECT_EQ(rb.claims[0].paid, ra.claims[0].paid) << k;
    ASSERT_EQ(rb.findings.size(), ra.findings.size()) << k;
    for (std::size_t i = 0; i < ra.findings.size(); ++i) {
      EXPECT_EQ(rb.findings[i].location, ra.findings[i].location) << k;
      EXPECT_EQ(rb.findings[i].message, ra.findings[i].message) << k;
    }
    findings += static_cast<int>(ra.findings.size());
    ASSERT_EQ(b->file_findings.size(), a->file_findings.size()) << k;
    for (std::size_t i = 0; i < a->file_findings.size(); ++i)
      EXPECT_EQ(b->file_findings[i].location, a->file_findings[i].location) << k;
    file_findings += static_cast<int>(a->file_findings.size());
  }
  EXPECT_EQ(k, 400);
  EXPECT_GE(findings, 1);
  EXPECT_GE(file_findings, 1);
  EXPECT_EQ(parts.skipped_transactions(), one.skipped_transactions());
  EXPECT_EQ(parts.fatal(), one.fatal());
  EXPECT_EQ(parts.file_findings().size(), one.file_findings().size());
  EXPECT_GE(parts.parts_read().parts_taken, 15u);  // the workers' parts, not only the ordering thread's
}

TEST_F(SmallParts, StopWhenLeftPartWay) {
  const std::string text = file_with_sets(200);
  x12::MemorySource source(text, "<memory>");
  {
    reconcile::RemittancePartsAhead ahead(source, "<memory>", 2);
    ASSERT_NE(ahead.next(), nullptr);
    ASSERT_NE(ahead.next(), nullptr);
  }  // the poster gave up: the ordering thread and the workers stop, nothing hangs
  SUCCEED();
}

TEST_F(SmallParts, ReportAnInputThatIsNotX12) {
  const std::string text = "this is not an interchange";
  x12::MemorySource source(text, "<memory>");
  reconcile::RemittancePartsAhead ahead(source, "<memory>", 2);
  EXPECT_EQ(ahead.next(), nullptr);
  EXPECT_TRUE(ahead.fatal());
  ASSERT_FALSE(ahead.file_findings().empty());
  EXPECT_EQ(ahead.file_findings()[0].rule, "read.no_isa");
}

}  // namespace
}  // namespace clearhouse::testing
