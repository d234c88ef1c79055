#include "engine/patient_billing/statements_run.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "engine/patient/statement_builder.hpp"
#include "engine/worklist/worklist.hpp"
#include "generators/statements/statement_html.hpp"
#include "generators/statements/statement_json.hpp"
#include "generators/statements/statement_pdf.hpp"

namespace clearhouse::patient_billing {

namespace fs = std::filesystem;

namespace {

struct PendingFile {
  fs::path temp, final;
};

// "" when written, else what went wrong, naming the file and the system's reason.
std::string write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (out.flush()) return {};
  return fmt::format("{}: cannot be written: {}", path.string(), std::strerror(errno));
}

}  // namespace

StatementsRun run_statements(ledger::Ledger& ledger, const StatementsOptions& options, const rules::RulesConfig& config) {
  StatementsRun run;
  auto& c = ledger.connection();
  ledger::sql::Transaction tx(c);
  ledger::PatientStore store(c);
  run.assignment = store.assign_accounts(options.now);
  const auto numbers = store.account_numbers();
  run.accounts = numbers.size();
  std::vector<std::string> files;  // per statement sent, its file name ("" for json/html)
  worklist::Worklist items(c, config);
  // One account at a time, so memory stays flat over the accounts read.
  store.for_each_account(numbers, ledger::PatientStore::AccountDetail::statement, [&](ledger::PatientAccountRecord& rec) {
    patient::StatementInput input;
    input.account = std::move(rec.account);
    input.claims = std::move(rec.claims);
    input.account_entries = std::move(rec.account_entries);
    input.practice = std::move(rec.practice);
    input.as_of = options.as_of;
    input.min_balance = options.min_balance;
    if (const auto last = store.last_statement(input.account.account_number))
      input.previous = patient::PreviousStatement{last->date, last->amount_due, last->number};
    auto decision = patient::build_statement(input, config);
    run.outcomes.push_back({input.account.account_number, decision.send, decision.reason, decision.statement.amount_due});
    if (!decision.send) {
      if (options.keep_unsent) run.unsent.push_back(std::move(decision.statement));
      return;
    }
    ++run.sent;
    if (decision.statement.in_credit()) ++run.in_credit;
    const auto& st = decision.statement;
    const std::string file =
        options.format == "pdf" ? fmt::format("{}-{}.pdf", st.account_number, st.statement_number)
                                : (options.format == "html" ? "statements.html" : "statements.json");
    if (options.record) {
      store.record_statement({st.account_number, st.statement_number, st.statement_date, st.amount_due, options.format,
                              options.write_files ? file : std::string()},
                             options.now);
      for (const auto& f : decision.findings) {
        worklist::ClaimReview review;
        review.payer_id = f.payer_id;
        review.claim_id = f.claim_id;
        review.reference_date = options.as_of;
        review.findings.push_back(f);
        run.worklist += items.apply(review, options.now);
      }
    }
    run.statements.push_back(std::move(decision.statement));
  });

  // The files, as temporaries until the cycle is committed.
  std::vector<PendingFile> pending;
  if (options.write_files && !run.statements.empty()) {
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec) {
      run.errors.push_back(fmt::format("cannot create {}: {}", options.out_dir.string(), ec.message()));
      return run;  // nothing recorded
    }
    const auto stage = [&](const std::string& name) {
      pending.push_back({options.out_dir / ("." + name + ".tmp"), options.out_dir / name});
      return pending.back().temp;
    };
    if (options.format == "pdf") {
      for (const auto& st : run.statements) {
        const std::string name = fmt::format("{}-{}.pdf", st.account_number, st.statement_number);
        std::string error;
        if (!statements::write_statement_pdf(st, stage(name).string(), error))
          run.errors.push_back(fmt::format("{}: {}", name, error));
      }
    } else if (options.format == "html") {
      if (auto error = write_text(stage("statements.html"), statements::statements_html(run.statements)); !error.empty())
        run.errors.push_back(std::move(error));
    } else {
      if (auto error = write_text(stage("statements.json"), statements::statements_json(run.statements)); !error.empty())
        run.errors.push_back(std::move(error));
    }
    if (!run.errors.empty()) {
      for (const auto& p : pending) fs::remove(p.temp, ec);
      run.statements.clear();
      return run;  // the transaction rolls back: no cycle recorded for statements not written
    }
  }
  if (options.record) tx.commit();
  for (const auto& p : pending) {
    std::error_code ec;
    fs::rename(p.temp, p.final, ec);
    if (ec) run.errors.push_back(fmt::format("{}: {}", p.final.filename().string(), ec.message()));
    else run.files.push_back(p.final.filename().string());
  }
  return run;
}

void write_statements_fields(render::JsonWriter& json, const StatementsRun& run) {
  json.key("accounts").unsigned_number(run.accounts);
  json.key("sent").unsigned_number(run.sent);
  json.key("in_credit").unsigned_number(run.in_credit);
  json.key("accounts_opened").unsigned_number(run.assignment.opened);
  json.key("claims_given_accounts").unsigned_number(run.assignment.claims);
  json.key("accounts_refused").unsigned_number(run.assignment.refused);
  json.key("collections_items").unsigned_number(run.worklist.opened + run.worklist.reopened);
  json.field("files", run.files);
  json.field("errors", run.errors);
  json.key("outcomes").begin_array();
  for (const auto& o : run.outcomes) {
    json.begin_object();
    json.field("account", o.account);
    json.field("sent", o.sent);
    json.field("reason", o.reason);
    json.key("amount_due_cents").number(o.amount_due.cents());
    json.end_object();
  }
  json.end_array();
}

}  // namespace clearhouse::patient_billing
