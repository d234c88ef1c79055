#include "engine/reconcile/remittance_read_ahead.hpp"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace clearhouse::testing
