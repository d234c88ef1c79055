#include "engine/ledger/coordination_store.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>

#include "engine/ledger/adjustment_codec.hpp"
#include "engine/ledger/sql/batch_insert.hpp"

namespace clearhouse::ledger {
namespace {

constexpr std::string_view kHistoryColumns =
    "h.id, h.claim_row, h.claim_id, h.payer_id, h.next_payer_id, h.next_level, h.event, h.based_on_payment, "
    "h.next_claim_row, h.batch_id, b.file_name, h.message, h.at";

CoordinationEvent read_event(const sql::Statement& q) {
  CoordinationEvent e;
  e.id = q.column_int(0);
  e.claim_row = q.column_int(1);
  e.claim_id = q.column_text(2);
  e.payer_id = q.column_text(3);
  e.next_payer_id = q.column_text(4);
  e.next_level = q.column_text(5);
  e.event = q.column_text(6);
  e.based_on_payment = q.column_is_null(7) ? 0 : q.column_int(7);
  e.next_claim_row = q.column_is_null(8) ? 0 : q.column_int(8);
  e.batch_id = q.column_is_null(9) ? 0 : q.column_int(9);
  e.file_name = q.column_text(10);
  e.message = q.column_text(11);
  e.at = q.column_text(12);
  return e;
}

}  // namespace

std::vector<CoordinationCandidate> read_coordination_candidates(sql::Connection& c, std::string_view as_of) {
  std::vector<CoordinationCandidate> out;
  std::map<std::int64_t, std::size_t> by_row;
  {
    auto q = c.prepare(
        "SELECT c.id, c.batch_id, c.claim_id, c.payer_id, c.payer_name, c.billing_npi, c.frequency_code, "
        "c.billed_cents, c.payer_level, c.follows_claim_row, c.payer_claim_control_number, r.x12 "
        "FROM claims c JOIN claim_renderings r ON r.claim_row = c.id "
        "WHERE c.id = (SELECT MAX(d.id) FROM claims d WHERE d.payer_id = c.payer_id AND d.claim_id = c.claim_id) "
        "AND EXISTS (SELECT 1 FROM claim_payments p JOIN remittances m ON m.id = p.remittance_id "
        "WHERE p.payer_id = c.payer_id AND p.claim_id = c.claim_id AND p.claim_row = c.id "
        "AND COALESCE(NULLIF(m.payment_date, ''), substr(m.posted_at, 1, 10)) <= ?) ORDER BY c.id");
    q->bind(1, as_of);
    while (q->step()) {
      CoordinationCandidate cand;
      auto& cl = cand.claim;
      cl.row_id = q->column_int(0);
      cl.batch_id = q->column_int(1);
      cl.claim_id = q->column_text(2);
      cl.payer_id = q->column_text(3);
      cl.payer_name = q->column_text(4);
      cl.billing_npi = q->column_text(5);
      cl.frequency_code = q->column_text(6);
      cl.billed_cents = q->column_int(7);
      cl.payer_level = q->column_text(8);
      cl.follows_claim_row = q->column_is_null(9) ? 0 : q->column_int(9);
      cand.payer_claim_control_number = q->column_text(10);
      cl.rendering = q->column_text(11);
      by_row.emplace(cl.row_id, out.size());
      out.push_back(std::move(cand));
    }
  }
  if (out.empty()) return out;

  auto payments = c.prepare(
      "SELECT p.id, p.status_code, p.reversal, p.reversed_by, p.paid_cents, p.patient_responsibility_cents, "
      "p.payer_claim_control_number, p.adjustments, p.crossover_payer, m.payment_date, m.posted_at "
      "FROM claim_payments p JOIN remittances m ON m.id = p.remittance_id "
      "WHERE p.payer_id = ? AND p.claim_id = ? AND p.claim_row = ? AND COALESCE(NULLIF(m.payment_date, ''), substr(m.posted_at, 1, 10)) <= ? ORDER BY p.id");
  auto lines = c.prepare(
      "SELECT l.claim_payment_id, COALESCE(s.line_number, 0), l.procedure_code, l.modifiers, l.billed_cents, "
      "l.paid_cents, l.paid_units, l.adjustments FROM line_payments l "
      "LEFT JOIN service_lines s ON s.id = l.service_line_row WHERE l.claim_payment_id = ? ORDER BY l.line_number");
  auto history = c.prepare(fmt::format(
      "SELECT {} FROM coordination_history h LEFT JOIN batches b ON b.id = h.batch_id "
      "WHERE h.claim_id = ? AND h.payer_id = ? ORDER BY h.id",
      kHistoryColumns));
  auto next_number = c.prepare(
      "SELECT COALESCE((SELECT p.payer_claim_control_number FROM claim_payments p WHERE p.claim_row = c.id "
      "AND p.payer_id = c.payer_id AND p.claim_id = c.claim_id AND p.payer_claim_control_number <> '' "
      "ORDER BY p.id DESC LIMIT 1), c.payer_claim_control_number, '') FROM claims c WHERE c.id = ?");
  for (auto& cand : out) {
    const auto& cl = cand.claim;
    payments->bind(1, cl.payer_id).bind(2, cl.claim_id).bind(3, cl.row_id).bind(4, as_of);
    while (payments->step()) {
      CoordinationPayment p;
      p.id = payments->column_int(0);
      p.status_code = payments->column_text(1);
      p.reversal = payments->column_int(2) != 0;
      p.reversed_by = payments->column_is_null(3) ? 0 : payments->column_int(3);
      p.paid_cents = payments->column_int(4);
      p.patient_responsibility_cents = payments->column_int(5);
      p.payer_claim_control_number = payments->column_text(6);
      p.adjustments = decode_adjustments(payments->column_text(7));
      p.crossover_payer = payments->column_text(8);
      p.payment_date = payments->column_text(9);
      p.posted_at = payments->column_text(10);
      cand.payments.push_back(std::move(p));
    }
    payments->reset();
    for (auto& p : cand.payments) {
      lines->bind(1, p.id);
      while (lines->step()) {
        CoordinationPayment::Line l;
        l.submitted_line = lines->column_int(1);
        l.procedure_code = lines->column_text(2);
        l.modifiers = lines->column_text(3);
        l.billed_cents = lines->column_int(4);
        l.paid_cents = lines->column_int(5);
        l.paid_units = lines->column_text(6);
        l.adjustments = decode_adjustments(lines->column_text(7));
        p.lines.push_back(std::move(l));
      }
      lines->reset();
    }
    history->bind(1, cl.claim_id).bind(2, cl.payer_id);
    while (history->step()) cand.history.push_back(read_event(*history));
    history->reset();
    for (const auto& e : cand.history) {
      std::string number;
      if (e.next_claim_row != 0) {
        next_number->bind(1, e.next_claim_row);
        if (next_number->step()) number = next_number->column_text(0);
        next_number->reset();
      }
      cand.next_claim_numbers.push_back(std::move(number));
    }
  }
  return out;
}

void insert_coordination_events(sql::Connection& c, std::span<const CoordinationEvent> events) {
  if (events.empty()) return;
  sql::BatchInsert insert(c, "coordination_history",
                          {"claim_row", "claim_id", "payer_id", "next_payer_id", "next_level", "event",
                           "based_on_payment", "next_claim_row", "batch_id", "message", "at"});
  const auto id_or_null = [](std::int64_t v) { return v != 0 ? std::optional<std::int64_t>(v) : std::nullopt; };
  for (const auto& e : events) {
    insert.row()
        .value(e.claim_row)
        .value(e.claim_id)
        .value(e.payer_id)
        .value(e.next_payer_id)
        .value(e.next_level)
        .value(e.event)
        .value(id_or_null(e.based_on_payment))
        .value(id_or_null(e.next_claim_row))
        .value(id_or_null(e.batch_id))
        .value(e.message)
        .value(e.at);
  }
  insert.flush();
}

std::vector<CoordinationEvent> read_coordination_history(sql::Connection& c, std::string_view claim_id) {
  auto q = c.prepare(fmt::format(
      "SELECT {} FROM coordination_history h LEFT JOIN batches b ON b.id = h.batch_id WHERE h.claim_id = ? ORDER BY h.id",
      kHistoryColumns));
  q->bind(1, claim_id);
  std::vector<CoordinationEvent> out;
  while (q->step()) out.push_back(read_event(*q));
  return out;
}

std::int64_t claim_row_at(sql::Connection& c, std::int64_t batch_id, std::int64_t batch_sequence) {
  auto q = c.prepare("SELECT id FROM claims WHERE batch_id = ? AND batch_sequence = ?");
  q->bind(1, batch_id).bind(2, batch_sequence);
  return q->single_int().value_or(0);
}

void link_next_claim(sql::Connection& c, std::int64_t next_claim_row, std::int64_t follows_claim_row) {
  auto q = c.prepare("UPDATE claims SET follows_claim_row = ? WHERE id = ?");
  q->bind(1, follows_claim_row).bind(2, next_claim_row);
  q->run();
}

}  // namespace clearhouse::ledger
