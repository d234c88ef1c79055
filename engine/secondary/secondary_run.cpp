#include "engine/secondary/secondary_run.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <map>
#include <stdexcept>

#include "engine/ledger/coordination_store.hpp"
#include "engine/submit/batch_set.hpp"
#include "engine/submit/claim_rendering.hpp"
#include "engine/submit/rejection_report.hpp"
#include "engine/submit/submission_ledger.hpp"
#include "engine/submit/submit_run.hpp"
#include "engine/util/timestamp.hpp"

namespace clearhouse::secondary {
namespace {

namespace fs = std::filesystem;

struct Planned {
  PlannedClaim plan;
  std::string unreadable;  // why the rendering did not read back
};

std::vector<Planned> plan_all(ledger::Ledger& ledger, model::Date as_of) {
  auto rows = ledger::read_coordination_candidates(ledger.connection(), as_of.to_iso());
  std::vector<Planned> out;
  out.reserve(rows.size());
  for (auto& row : rows) {
    Planned p;
    std::string error;
    auto claim = submit::read_rendered_claim(row.claim.rendering, error);
    if (!claim) {
      p.plan.claim_row = row.claim.row_id;
      p.plan.claim_id = row.claim.claim_id;
      p.plan.payer_id = row.claim.payer_id;
      p.plan.decision = Decision::unreadable;
      p.unreadable = error;
      out.push_back(std::move(p));
      continue;
    }
    Candidate candidate{std::move(row), std::move(*claim)};
    p.plan = plan_claim(candidate);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::vector<PlannedClaim> plan_secondary(ledger::Ledger& ledger, model::Date as_of,
                                         std::vector<DecisionSummary>* unreadable) {
  std::vector<PlannedClaim> out;
  for (auto& p : plan_all(ledger, as_of)) {
    if (p.plan.decision == Decision::unreadable && unreadable != nullptr)
      unreadable->push_back({p.plan.claim_id, p.plan.payer_id, "", "", "unreadable", p.unreadable});
    out.push_back(std::move(p.plan));
  }
  return out;
}

SecondaryReport run_secondary(ledger::Ledger& ledger, const SecondaryOptions& o) {
  const submit::OutputDirectoryLock lock(o.out_dir);  // creates the directory
  submit::LedgerSubmission recorder(ledger);
  submit::finish_interrupted_runs(o.out_dir, recorder);

  SecondaryReport report;
  auto planned = plan_all(ledger, o.as_of);
  report.candidates = planned.size();
  const util::LocalTime when = util::local_time(o.now);
  submit::BatchSet batches(
      submit::BatchSetOptions{o.out_dir, when, o.production, o.line_breaks, o.max_claims_per_transaction}, recorder);
  submit::RejectionReport rejections(o.out_dir);
  const std::string now = util::utc_timestamp(o.now);

  struct Pending {
    ledger::CoordinationEvent event;
    std::optional<submit::PlacedClaim> placed;
  };
  std::vector<Pending> pending;
  try {
    for (auto& item : planned) {
      auto& p = item.plan;
      if (p.decision == Decision::unreadable) {
        rejections.add({model::Rejection{p.claim_id, 0, "", "rendering_unreadable",
                                         fmt::format("payer {}: the claim as stored does not read back: {}", p.payer_id,
                                                     item.unreadable)}});
        ++report.rejected;
        report.decisions.push_back({p.claim_id, p.payer_id, "", "", "rejected", item.unreadable});
        continue;
      }
      if (!p.records_event()) continue;
      if (p.decision == Decision::send && ledger.has_live_claim(p.next_payer_id, p.claim_id)) {
        const std::string why =
            fmt::format("claim id already submitted to payer {} outside coordination of benefits", p.next_payer_id);
        rejections.add({model::Rejection{p.claim_id, 0, "", "already_submitted_to_next_payer", why}});
        ++report.rejected;
        report.decisions.push_back({p.claim_id, p.payer_id, p.next_payer_id, p.next_level, "rejected", why});
        continue;
      }
      Pending entry;
      auto& e = entry.event;
      e.claim_row = p.claim_row;
      e.claim_id = p.claim_id;
      e.payer_id = p.payer_id;
      e.next_payer_id = p.next_payer_id;
      e.next_level = p.next_level;
      e.event = std::string(to_string(p.decision));
      e.based_on_payment = p.based_on_payment;
      e.message = p.message;
      e.at = now;
      if (p.next_claim) entry.placed = batches.add(*p.next_claim);
      switch (p.decision) {
        case Decision::send: ++report.sent; break;
        case Decision::replace: ++report.replacements; break;
        case Decision::forwarded: ++report.forwarded; break;
        case Decision::nothing_owed: ++report.nothing_owed; break;
        default: ++report.waiting; break;
      }
      report.decisions.push_back({p.claim_id, p.payer_id, p.next_payer_id, p.next_level, e.event, p.message});
      pending.push_back(std::move(entry));
    }
    batches.close();
    rejections.finish();
    auto& connection = ledger.connection();
    recorder.commit(batches.records(now), now, [&](const std::vector<ledger::BatchRecord>& stored) {
      std::map<int, std::int64_t> batch_rows;
      std::size_t k = 0;
      for (const auto& b : stored) batch_rows[static_cast<int>(k++)] = b.row_id;
      std::vector<ledger::CoordinationEvent> events;
      for (auto& entry : pending) {
        if (entry.placed) {
          const std::int64_t batch_id = batch_rows.at(entry.placed->batch_key);
          const std::int64_t row = ledger::claim_row_at(connection, batch_id, entry.placed->batch_sequence);
          if (row == 0) throw ledger::LedgerError("secondary: a claim just recorded was not found");
          ledger::link_next_claim(connection, row, entry.event.claim_row);
          entry.event.batch_id = batch_id;
          entry.event.next_claim_row = row;
        }
        events.push_back(entry.event);
      }
      ledger::insert_coordination_events(connection, events);
    });
  } catch (...) {
    batches.abandon();
    rejections.abandon();
    recorder.discard();
    throw;
  }
  report.files = batches.publish(report.bytes);
  rejections.publish();
  submit::sync_directory(o.out_dir);
  report.rejections_file = rejections.final_path().string();
  spdlog::debug("secondary: {} candidates, {} sent, {} replacements, {} forwarded, {} waiting, {} files",
                report.candidates, report.sent, report.replacements, report.forwarded, report.waiting,
                report.files.size());
  return report;
}

}  // namespace clearhouse::secondary
