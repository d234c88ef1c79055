#include "engine/secondary/secondary_planner.hpp"

#include <fmt/format.h>

#include "engine/model/claim_payment.hpp"
#include "parsers/x12/grammar/value_grammar.hpp"

namespace clearhouse::secondary {
namespace {

// The latest payment that is neither a reversal nor reversed, nor a predetermination (CLP02 25).
const ledger::CoordinationPayment* standing_payment(const std::vector<ledger::CoordinationPayment>& payments) {
  const ledger::CoordinationPayment* out = nullptr;
  for (const auto& p : payments)
    if (!p.reversal && p.reversed_by == 0 && p.status_code != "25") out = &p;
  return out;
}

model::Date date_of(const ledger::CoordinationPayment& p) {
  if (auto d = model::Date::parse_iso(p.payment_date)) return *d;
  if (p.posted_at.size() >= 10)
    if (auto d = model::Date::parse_iso(std::string_view(p.posted_at).substr(0, 10))) return *d;
  return {};
}

std::string level_name(std::string_view level) {
  if (level == "P") return "primary";
  if (level == "S") return "secondary";
  if (level == "T") return "tertiary";
  return fmt::format("level {}", level);
}

// The latest history event about this next payer, and the latest claim actually sent to it.
struct PastDecisions {
  const ledger::CoordinationEvent* latest = nullptr;
  const ledger::CoordinationEvent* last_sent = nullptr;
  std::string last_sent_number;  // the next payer's claim number for last_sent, "" unknown
};

PastDecisions past_decisions(const ledger::CoordinationCandidate& row, std::string_view next_payer_id) {
  PastDecisions out;
  for (std::size_t i = 0; i < row.history.size(); ++i) {
    const auto& e = row.history[i];
    if (e.next_payer_id != next_payer_id) continue;
    out.latest = &e;
    if (e.event == "sent" || e.event == "replacement_sent") {
      out.last_sent = &e;
      out.last_sent_number = i < row.next_claim_numbers.size() ? row.next_claim_numbers[i] : std::string();
    }
  }
  return out;
}

}  // namespace

std::string_view to_string(Decision d) {
  switch (d) {
    case Decision::send: return "sent";
    case Decision::replace: return "replacement_sent";
    case Decision::forwarded: return "forwarded";
    case Decision::waiting_reversed: return "waiting_reversed";
    case Decision::waiting_claim_number: return "waiting_claim_number";
    case Decision::nothing_owed: return "nothing_owed";
    case Decision::nothing: return "nothing";
    case Decision::no_next_payer: return "no_next_payer";
    case Decision::unreadable: return "unreadable";
  }
  return "unknown";
}

model::Claim build_next_claim(const model::Claim& claim, std::string_view payer_level,
                              const ledger::CoordinationPayment& payment, std::size_t next) {
  model::Claim out = claim;
  const model::OtherCoverage& coverage = claim.other_coverage.at(next);
  const model::Date adjudicated = date_of(payment);

  // The claim's own payer becomes an other payer, with what it decided.
  model::OtherCoverage current;
  current.payer = claim.payer;
  current.subscriber = claim.subscriber;
  current.subscriber.payer_responsibility = std::string(payer_level);
  current.relationship = claim.patient.relationship;
  current.benefits_assignment = claim.benefits_assignment;
  current.release_of_information = claim.release_of_information;
  model::PriorAdjudication adjudication;
  adjudication.paid = model::Money::from_cents(payment.paid_cents);
  adjudication.remaining_patient_liability = model::Money::from_cents(payment.patient_responsibility_cents);
  adjudication.adjustments = payment.adjustments;
  adjudication.adjudication_date = adjudicated;
  adjudication.payer_claim_number = payment.payer_claim_control_number;
  current.adjudication = std::move(adjudication);

  out.other_coverage.clear();
  for (std::size_t i = 0; i < next; ++i) out.other_coverage.push_back(claim.other_coverage[i]);
  out.other_coverage.push_back(std::move(current));
  for (std::size_t i = next + 1; i < claim.other_coverage.size(); ++i) out.other_coverage.push_back(claim.other_coverage[i]);

  // The next payer and its subscriber; the patient as that subscriber's relation.
  out.payer = coverage.payer;
  out.subscriber = coverage.subscriber;
  if (out.subscriber.payer_responsibility.empty()) out.subscriber.payer_responsibility = next == 0 ? "S" : "T";
  const bool was_self = claim.patient.is_subscriber();
  out.patient.relationship = coverage.relationship;
  if (!out.patient.is_subscriber() && was_self) {
    // The patient was the first subscriber: their demographics move to the patient loop.
    out.patient.name = claim.subscriber.name;
    out.patient.birth_date = claim.subscriber.birth_date;
    out.patient.gender = claim.subscriber.gender;
    out.patient.address = claim.subscriber.address;
  } else if (out.patient.is_subscriber() && !was_self) {
    // The patient is this payer's subscriber: the 2010BA carries their demographics.
    if (out.subscriber.birth_date.empty()) out.subscriber.birth_date = claim.patient.birth_date;
    if (out.subscriber.gender.empty()) out.subscriber.gender = claim.patient.gender;
    if (out.subscriber.address == model::Address{}) out.subscriber.address = claim.patient.address;
  } else if (out.patient.is_subscriber() && was_self) {
    if (out.subscriber.birth_date.empty()) out.subscriber.birth_date = claim.subscriber.birth_date;
    if (out.subscriber.gender.empty()) out.subscriber.gender = claim.subscriber.gender;
    if (out.subscriber.address == model::Address{}) out.subscriber.address = claim.subscriber.address;
  }
  // A payer that was its own receiver: the next payer is.
  if (claim.receiver.id == claim.payer.id) out.receiver = model::Receiver{coverage.payer.name, coverage.payer.id};
  out.frequency_code = "1";
  out.original_claim_number.clear();

  // Per line, the payer's SVC as a 2430.
  for (auto& line : out.lines) {
    for (const auto& paid : payment.lines) {
      if (paid.submitted_line != line.line_number) continue;
      model::LineAdjudication a;
      a.payer_id = claim.payer.id;
      a.paid = model::Money::from_cents(paid.paid_cents);
      a.procedure_code = paid.procedure_code;
      for (const auto m : ledger::split_modifiers(paid.modifiers)) a.modifiers.emplace_back(m);
      if (!paid.paid_units.empty())
        if (auto units = x12::grammar::parse_decimal(paid.paid_units)) a.paid_units = *units;
      a.adjustments = paid.adjustments;
      a.adjudication_date = adjudicated;
      line.supplements.edit().prior_adjudications.push_back(std::move(a));
      break;
    }
  }
  return out;
}

PlannedClaim plan_claim(const Candidate& candidate) {
  const auto& row = candidate.row;
  const auto& claim = candidate.claim;
  PlannedClaim out;
  out.claim_row = row.claim.row_id;
  out.claim_id = row.claim.claim_id;
  out.payer_id = row.claim.payer_id;

  std::size_t next = claim.other_coverage.size();
  for (std::size_t i = 0; i < claim.other_coverage.size(); ++i)
    if (!claim.other_coverage[i].adjudication) {
      next = i;
      break;
    }
  if (next == claim.other_coverage.size()) {
    out.decision = Decision::no_next_payer;
    return out;
  }
  const auto& coverage = claim.other_coverage[next];
  out.next_payer_id = coverage.payer.id;
  out.next_payer_name = coverage.payer.name;
  out.next_level = coverage.subscriber.payer_responsibility.empty() ? (next == 0 ? "S" : "T")
                                                                    : coverage.subscriber.payer_responsibility;
  const PastDecisions past = past_decisions(row, out.next_payer_id);
  const auto* standing = standing_payment(row.payments);
  // A decision is recorded once per payment it rests on: the same one again is nothing new.
  const auto already = [&](Decision d, std::int64_t payment) {
    return past.latest != nullptr && past.latest->event == to_string(d) && past.latest->based_on_payment == payment;
  };

  if (standing == nullptr) {
    const std::int64_t last = row.payments.empty() ? 0 : row.payments.back().id;
    out.based_on_payment = last;
    out.decision = already(Decision::waiting_reversed, last) ? Decision::nothing : Decision::waiting_reversed;
    out.message = fmt::format("not sent to {} ({}): {}'s payment was reversed and not corrected yet",
                              out.next_payer_name, out.next_payer_id, row.claim.payer_name);
    return out;
  }
  out.based_on_payment = standing->id;
  if (model::forwarded_to_another_payer(standing->status_code) || !standing->crossover_payer.empty()) {
    out.decision = already(Decision::forwarded, standing->id) ? Decision::nothing : Decision::forwarded;
    out.message = standing->crossover_payer.empty()
                      ? fmt::format("not sent: {} forwarded the claim to the next payer itself (CLP02 {})",
                                    row.claim.payer_name, standing->status_code)
                      : fmt::format("not sent: {} crossed the claim over to {} (NM1*TT, CLP02 {})",
                                    row.claim.payer_name, standing->crossover_payer, standing->status_code);
    return out;
  }
  if (past.last_sent != nullptr && past.last_sent->based_on_payment == standing->id) {
    out.decision = Decision::nothing;
    return out;
  }
  if (standing->patient_responsibility_cents <= 0) {
    out.decision = already(Decision::nothing_owed, standing->id) ? Decision::nothing : Decision::nothing_owed;
    out.message = fmt::format("not sent to {} ({}): {} left nothing to the patient (CLP05 0, CLP02 {})",
                              out.next_payer_name, out.next_payer_id, row.claim.payer_name, standing->status_code);
    return out;
  }
  std::string original_number;
  if (past.last_sent != nullptr) {
    if (past.last_sent_number.empty()) {
      out.decision =
          already(Decision::waiting_claim_number, standing->id) ? Decision::nothing : Decision::waiting_claim_number;
      out.message = fmt::format(
          "replacement to {} ({}) waits: {}'s corrected payment arrived, but {}'s claim number (its 277CA or 835) "
          "is not known, and a replacement needs it in REF*F8",
          out.next_payer_name, out.next_payer_id, row.claim.payer_name, out.next_payer_name);
      return out;
    }
    original_number = past.last_sent_number;
  }
  out.next_claim = build_next_claim(claim, row.claim.payer_level, *standing, next);
  if (past.last_sent != nullptr) {
    out.decision = Decision::replace;
    out.next_claim->frequency_code = "7";
    out.next_claim->original_claim_number = original_number;
    out.message = fmt::format("replacement (frequency 7, REF*F8 {}) sent to {} ({}) as {} after {}'s corrected payment",
                              original_number, out.next_payer_name, out.next_payer_id, level_name(out.next_level),
                              row.claim.payer_name);
  } else {
    out.decision = Decision::send;
    out.message = fmt::format("sent to {} ({}) as {} with {}'s adjudication (paid {}, CLP02 {})", out.next_payer_name,
                              out.next_payer_id, level_name(out.next_level), row.claim.payer_name,
                              model::to_display_amount(model::Money::from_cents(standing->paid_cents)), standing->status_code);
  }
  return out;
}

}  // namespace clearhouse::secondary
