// The one CSV writer (RFC 4180 quoting, LF records) and every `--format csv` through it: post's
// postings, the worklist and the billing report, each rendered by its real renderer with fields
// that hold commas, double quotes, line breaks and leading/trailing spaces, and read back with
// an RFC 4180 reader to the same values.
#include "generators/render/csv_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "engine/cli/posting_csv.hpp"
#include "engine/report/billing_report.hpp"
#include "engine/worklist/worklist_format.hpp"

namespace clearhouse {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// RFC 4180 section 2 read back (records end with LF or CRLF).
Rows read_csv(const std::string& text) {
  Rows rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string& field = rows.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field.push_back(text[++i]);
      else if (c == '"') quoted = false;
      else field.push_back(c);
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else if (c != '\r' || i + 1 >= text.size() || text[i + 1] != '\n') {
      field.push_back(c);
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();  // after the last LF
  return rows;
}

// What a renderer writes to a FILE*.
std::string rendered(const std::function<void(std::FILE*)>& render) {
  char* data = nullptr;
  std::size_t size = 0;
  std::FILE* out = open_memstream(&data, &size);
  render(out);
  std::fclose(out);
  std::string text(data, size);
  std::free(data);
  return text;
}

const std::string kComma = "Smith, Jones";
const std::string kQuote = "the \"best\" plan";
const std::string kNewline = "line one\nline two\r\nthree";
const std::string kSpaces = "  padded  ";

TEST(CsvWriter, QuotesOnlyWhatRfc4180Requires) {
  render::CsvWriter csv;
  csv.field("plain").field(kComma).field(kQuote).field(kNewline).field(kSpaces).empty().field(-42).field(7u);
  csv.end_row();
  csv.field("a").end_row();
  EXPECT_EQ(csv.text(),
            "plain,\"Smith, Jones\",\"the \"\"best\"\" plan\",\"line one\nline two\r\nthree\",  padded  ,,-42,7\na\n");
  EXPECT_EQ(read_csv(csv.text()),
            (Rows{{"plain", kComma, kQuote, kNewline, kSpaces, "", "-42", "7"}, {"a"}}));
}

TEST(CsvWriter, FlushesToAFileInBlocks) {
  const std::string text = rendered([](std::FILE* out) {
    render::CsvWriter csv(out, 64);
    for (int i = 0; i < 100; ++i) {
      csv.field(i).field(kComma).end_row();
      EXPECT_LT(csv.text().size(), 64u + 20u);  // written out as it goes
    }
  });
  const Rows rows = read_csv(text);
  ASSERT_EQ(rows.size(), 100u);
  EXPECT_EQ(rows[99], (std::vector<std::string>{"99", kComma}));
}

TEST(CsvRenderers, PostFormatCsv) {
  model::Remittance remittance;
  remittance.trace.reference = kComma;
  model::Posting posting;
  posting.claim_id = kSpaces;
  posting.payer_id = "60054";
  posting.payer_claim_control_number = kQuote;
  posting.matched = true;
  model::LinePosting line;
  line.line_number = 1;
  line.line_control_number = kNewline;
  posting.lines.push_back(line);
  const Rows rows = read_csv(rendered([&](std::FILE* out) {
    cli::PostingCsv csv(out);
    csv.header();
    csv.write(remittance, posting);
  }));
  ASSERT_EQ(rows.size(), 3u);  // header, claim, line
  const auto& header = rows[0];
  auto column = [&](const std::vector<std::string>& row, const std::string& name) {
    const auto at = std::find(header.begin(), header.end(), name);
    EXPECT_NE(at, header.end()) << name;
    return row.at(static_cast<std::size_t>(at - header.begin()));
  };
  for (std::size_t r = 1; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), header.size());
    EXPECT_EQ(column(rows[r], "trace_number"), kComma);
    EXPECT_EQ(column(rows[r], "claim_id"), kSpaces);
    EXPECT_EQ(column(rows[r], "payer_claim_control_number"), kQuote);
  }
  EXPECT_EQ(column(rows[1], "level"), "claim");
  EXPECT_EQ(column(rows[2], "level"), "line");
  EXPECT_EQ(column(rows[2], "line_control_number"), kNewline);
}

TEST(CsvRenderers, WorklistFormatCsv) {
  worklist::WorklistPage page;
  worklist::WorklistRow row;
  row.item.claim_id = kSpaces;
  row.item.payer_id = kComma;
  row.item.category = "coding";
  row.item.owner = kQuote;
  row.item.action = kNewline;
  row.item.rules = {"rule,one", "two"};
  row.item.amount = model::Money::from_cents(-12345);
  page.rows.push_back(row);
  const Rows rows = read_csv(rendered([&](std::FILE* out) { worklist::write_worklist_csv(page, out); }));
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].size(), 14u);
  ASSERT_EQ(rows[1].size(), 14u);
  EXPECT_EQ(rows[0][0], "claim_id");
  EXPECT_EQ(rows[1][0], kSpaces);
  EXPECT_EQ(rows[1][1], kComma);
  EXPECT_EQ(rows[1][3], "-12345");
  EXPECT_EQ(rows[1][7], kQuote);
  EXPECT_EQ(rows[1][10], kNewline);
  EXPECT_EQ(rows[1][11], "rule,one two");
}

TEST(CsvRenderers, ReportFormatCsv) {
  report::BillingReport r;
  report::PayerLine payer;
  payer.payer_id = kComma;
  payer.submitted = 3;
  r.payers.push_back(payer);
  report::DenialRate denial;
  denial.key = kQuote;
  denial.claims = 1;
  r.denials_by_category.push_back(denial);
  r.ar_aging.push_back({kNewline, 2, model::Money::from_cents(500)});
  r.ar_aging.push_back({kSpaces, 0, model::Money()});
  const std::string text = rendered([&](std::FILE* out) { report::write_report_csv(r, out); });
  EXPECT_EQ(text.rfind("section,key,metric,value\n", 0), 0u);
  EXPECT_NE(text.find("payer,\"Smith, Jones\",submitted,3\n"), std::string::npos) << text;
  const Rows rows = read_csv(text);
  for (const auto& row : rows) ASSERT_EQ(row.size(), 4u) << row[0];
  auto has = [&](const std::vector<std::string>& want) { return std::find(rows.begin(), rows.end(), want) != rows.end(); };
  EXPECT_TRUE(has({"payer", kComma, "submitted", "3"}));
  EXPECT_TRUE(has({"denial_category", kQuote, "claims", "1"}));
  EXPECT_TRUE(has({"ar_aging", kNewline, "amount_cents", "500"}));
  EXPECT_TRUE(has({"ar_aging", kSpaces, "claims", "0"}));
}

}  // namespace
}  // namespace clearhouse
