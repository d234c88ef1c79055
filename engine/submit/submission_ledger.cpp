#include "engine/submit/submission_ledger.hpp"

#include <map>

#include "engine/ledger/worklist_store.hpp"
#include "engine/submit/claim_rendering.hpp"
#include "engine/worklist/item_change.hpp"

namespace clearhouse::submit {
namespace {

// "2024-05-06" without printf (one per line of every claim recorded).
std::string iso(const model::Date& d) {
  std::string out(10, '-');
  auto two = [&](std::size_t at, int v) {
    out[at] = static_cast<char>('0' + v / 10);
    out[at + 1] = static_cast<char>('0' + v % 10);
  };
  two(0, d.year / 100);
  two(2, d.year % 100);
  two(5, d.month);
  two(8, d.day);
  return out;
}

}  // namespace

ledger::ClaimRecord claim_record(const model::Claim& c, const std::string& st02,
                                 const x12_837p::Claim837pWriter* written) {
  ledger::ClaimRecord r;
  r.claim_id = c.claim_id;
  r.payer_id = c.payer.id;
  r.payer_name = c.payer.name;
  r.billing_npi = c.billing_provider.provider.npi;
  r.frequency_code = c.frequency_code;
  r.original_claim_number = c.original_claim_number;
  r.billed_cents = c.total_charge.cents();
  r.transaction_control_number = st02;
  if (!c.subscriber.payer_responsibility.empty()) r.payer_level = c.subscriber.payer_responsibility;
  r.rendering = claim_rendering(c, written);
  auto& who = r.parties;
  who.submitter_name = c.submitter.name;
  who.provider_name = c.billing_provider.provider.name;
  if (c.billing_provider.provider.entity == model::EntityType::person) who.provider_first = c.billing_provider.provider.first;
  who.subscriber_last = c.subscriber.name.last;
  who.subscriber_first = c.subscriber.name.first;
  who.subscriber_middle = c.subscriber.name.middle;
  who.subscriber_suffix = c.subscriber.name.suffix;
  who.member_id = c.subscriber.member_id;
  who.subscriber_birth_date = iso(c.subscriber.birth_date);
  who.subscriber_gender = c.subscriber.gender;
  who.relationship = c.patient.relationship;
  if (!c.patient.is_subscriber()) {
    who.patient_last = c.patient.name.last;
    who.patient_first = c.patient.name.first;
    who.patient_middle = c.patient.name.middle;
    who.patient_suffix = c.patient.name.suffix;
    who.patient_birth_date = iso(c.patient.birth_date);
    who.patient_gender = c.patient.gender;
  }
  // Where the guarantor's statements go: the subscriber's address when the 837P carries it,
  // else the patient's (a dependant usually lives with the subscriber).
  const model::Address& mail = c.subscriber.address.line1.empty() && !c.patient.is_subscriber() ? c.patient.address
                                                                                                 : c.subscriber.address;
  who.guarantor_line1 = mail.line1;
  who.guarantor_line2 = mail.line2;
  who.guarantor_city = mail.city;
  who.guarantor_state = mail.state;
  who.guarantor_postal_code = mail.postal_code;
  const model::Address& office = c.billing_provider.address;
  who.billing_line1 = office.line1;
  who.billing_line2 = office.line2;
  who.billing_city = office.city;
  who.billing_state = office.state;
  who.billing_postal_code = office.postal_code;
  model::Date from, to;
  r.lines.reserve(c.lines.size());
  for (const auto& l : c.lines) {
    ledger::LineRecord lr;
    lr.line_number = l.line_number;
    lr.line_control_number = l.line_control_number;
    lr.procedure_code = l.procedure_code;
    for (const auto& m : l.modifiers) {
      if (!lr.modifiers.empty()) lr.modifiers.push_back(':');
      lr.modifiers.append(m);
    }
    lr.charge_cents = l.charge.cents();
    lr.units = l.units.to_string();
    lr.unit_code = l.unit_code;
    lr.service_date = iso(l.service_date);
    const model::Date end = l.service_date_end.empty() ? l.service_date : l.service_date_end;
    if (from.empty() || l.service_date < from) from = l.service_date;
    if (to.empty() || end > to) to = end;
    r.lines.push_back(std::move(lr));
  }
  r.service_date_from = iso(from);
  r.service_date_to = iso(to);
  return r;
}

bool LedgerSubmission::submitted_before(std::string_view payer_id, std::string_view claim_id) {
  const auto standing = ledger_.claim_standing(payer_id, claim_id);
  if (standing == ledger::ClaimStanding::rejected)
    resent_after_rejection_.emplace(std::string(payer_id), std::string(claim_id));
  return standing == ledger::ClaimStanding::live;
}

void LedgerSubmission::stage(int batch_key, std::int64_t batch_sequence, const model::Claim& claim,
                             const std::string& st02, const x12_837p::Claim837pWriter* written) {
  ledger_.recorder().stage(batch_key, batch_sequence, claim_record(claim, st02, written));
  if (claim.frequency_code != "1" ||
      resent_after_rejection_.contains(std::make_pair(claim.payer.id, claim.claim_id)))
    corrections_.push_back({claim.payer.id, claim.claim_id, claim.frequency_code, batch_key});
}

void LedgerSubmission::discard() {
  ledger_.recorder().discard();
  resent_after_rejection_.clear();
  corrections_.clear();
}

void LedgerSubmission::commit(std::vector<std::pair<int, ledger::BatchRecord>> batches,
                              const std::string& submitted_at,
                              const std::function<void(const std::vector<ledger::BatchRecord>&)>& within) {
  std::map<int, std::string> file_of_batch;
  for (const auto& [key, batch] : batches) file_of_batch[key] = batch.file_name;
  auto& recorder = ledger_.recorder();
  recorder.pause();
  ledger::sql::Transaction tx(ledger_.connection());
  const auto recorded = recorder.insert(std::move(batches), submitted_at);
  if (!corrections_.empty()) {
    // Read -> decide -> write: a correction supersedes its claim's active item.
    std::map<std::string, std::vector<std::string>> claims_by_payer;
    for (const auto& c : corrections_) claims_by_payer[c.payer_id].push_back(c.claim_id);
    ledger::WorklistStore worklist(ledger_.connection());
    std::vector<model::WorklistChange> changes;
    for (const auto& [payer, claim_ids] : claims_by_payer) {
      const auto items = worklist.items_with_open_findings(payer, claim_ids);
      for (const auto& c : corrections_) {
        if (c.payer_id != payer) continue;
        const auto it = items.find(c.claim_id);
        if (it == items.end() || !model::is_active(it->second.status)) continue;
        changes.push_back(
            worklist::plan_correction(it->second, file_of_batch[c.batch_key], c.frequency_code, submitted_at));
      }
    }
    if (!changes.empty()) worklist.apply(changes);
  }
  if (within) within(recorded);
  tx.commit();
  recorder.finish(recorded);
  resent_after_rejection_.clear();
  corrections_.clear();
}

}  // namespace clearhouse::submit
