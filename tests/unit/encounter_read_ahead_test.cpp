// Encounters read ahead on a thread come out exactly as the reader gives them on the caller's
// thread: in order, each with its problems, unknown fields and bytes consumed, across chunk
// boundaries, and stopping early never waits.
#include "engine/submit/encounter_read_ahead.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/edit_helpers.hpp"
#include "tests/support/sample_encounter.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::submit {
namespace {

namespace fs = std::filesystem;

struct Seen {
  std::string claim_id;
  std::uint64_t source_line = 0;
  std::size_t lines = 0;
  std::vector<std::string> problems;
  std::vector<std::string> unknown;
  std::uint64_t bytes_consumed = 0;
  friend bool operator==(const Seen&, const Seen&) = default;
};

// A file of n encounters; every 50th line is broken JSON, every 70th names an unknown field,
// and blank lines sit between some.
fs::path write_encounters(const std::string& name, int n) {
  const auto path = testing::scratch_dir(name) / "encounters.jsonl";
  std::ofstream out(path);
  const std::string base = testing::sample_encounter_json();
  for (int i = 1; i <= n; ++i) {
    std::string line = testing::replaced(base, R"("claim_id":"T1001")", "\"claim_id\":\"C" + std::to_string(i) + "\"");
    if (i % 50 == 0) line = "{\"claim_id\":\"BROKEN" + std::to_string(i) + "\",";
    if (i % 70 == 0) line = testing::replaced(line, R"("claim_id":)", R"("colour":"red","claim_id":)");
    out << line << "\n";
    if (i % 33 == 0) out << "\n";
  }
  return path;
}

std::vector<Seen> read_all(const fs::path& path, bool on_thread, std::uint64_t* total_bytes = nullptr) {
  std::string error;
  auto reader = encounter::EncounterReader::open(path.string(), error);
  EXPECT_TRUE(reader) << error;
  EncounterReadAhead ahead(std::move(reader), on_thread);
  std::vector<Seen> seen;
  while (ahead.next()) {
    Seen s{ahead.encounter().claim.claim_id, ahead.encounter().source_line, ahead.encounter().claim.lines.size(),
           {}, {}, ahead.bytes_consumed()};
    for (const auto& p : ahead.problems()) s.problems.push_back(p.code + ":" + p.message);
    for (const auto& u : ahead.unknown_fields()) s.unknown.push_back(encounter::to_warning(u));
    seen.push_back(std::move(s));
  }
  EXPECT_EQ(ahead.read_error(), "");
  if (total_bytes != nullptr) *total_bytes = ahead.bytes_consumed();
  return seen;
}

TEST(EncounterReadAhead, ReadsOnAThreadExactlyWhatTheReaderGivesInOrder) {
  // More than a few chunks, and not a whole number of them.
  const int n = static_cast<int>(EncounterReadAhead::kChunkSize * (EncounterReadAhead::kChunksInFlight + 3) + 17);
  const auto path = write_encounters("read_ahead_order", n);
  std::uint64_t here_bytes = 0, ahead_bytes = 0;
  const auto here = read_all(path, false, &here_bytes);
  const auto ahead = read_all(path, true, &ahead_bytes);
  ASSERT_EQ(here.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(ahead, here);
  EXPECT_EQ(ahead_bytes, fs::file_size(path));
  EXPECT_EQ(here_bytes, fs::file_size(path));
  // What the file holds came through: a good claim, a broken line, an unknown field.
  EXPECT_EQ(here[0].claim_id, "C1");
  EXPECT_EQ(here[0].lines, 2u);
  EXPECT_TRUE(here[0].problems.empty());
  EXPECT_FALSE(here[49].problems.empty());
  EXPECT_EQ(here[49].claim_id, "BROKEN50");
  ASSERT_EQ(here[69].unknown.size(), 1u);
  EXPECT_NE(here[69].unknown[0].find("colour"), std::string::npos);
  EXPECT_GT(here[40].source_line, 41u) << "blank lines count as lines";
}

TEST(EncounterReadAhead, AnEmptyFileEndsAtOnce) {
  const auto path = testing::scratch_dir("read_ahead_empty") / "empty.jsonl";
  std::ofstream(path) << "\n\n";
  EXPECT_TRUE(read_all(path, true).empty());
  EXPECT_TRUE(read_all(path, false).empty());
}

TEST(EncounterReadAhead, StoppingEarlyDoesNotWaitForTheRest) {
  const auto path = write_encounters("read_ahead_stop", 5000);
  std::string error;
  auto reader = encounter::EncounterReader::open(path.string(), error);
  ASSERT_TRUE(reader);
  {
    EncounterReadAhead ahead(std::move(reader), true);
    ASSERT_TRUE(ahead.next());
    EXPECT_EQ(ahead.encounter().claim.claim_id, "C1");
  }  // destroyed with most of the file unread: the reading thread stops, the destructor returns
  SUCCEED();
}

}  // namespace
}  // namespace clearhouse::submit
