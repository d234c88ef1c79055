#include "engine/ack/status_inquiry_run.hpp"

#include <fmt/format.h>

#include <fstream>

#include "engine/util/file_names.hpp"
#include "generators/x12/x12_writer.hpp"
#include "generators/x12_276/claim_status_inquiry_writer.hpp"

namespace clearhouse::ack {
namespace {

model::Date iso_date(const std::string& text) { return model::Date::parse_iso(text).value_or(model::Date{}); }

// The claim as a 276 names it; nullopt (and why) when the ledger does not know enough.
std::optional<model::ClaimStatusInquiry> inquiry_for(const ledger::InquiryCandidate& c, std::string& why) {
  const auto& p = c.parties;
  if (!c.has_parties) {
    why = "who the claim was for is not recorded (submitted before the ledger kept it): ask by phone or portal";
    return std::nullopt;
  }
  if (p.member_id.empty() || p.subscriber_last.empty()) {
    why = "no subscriber member id recorded";
    return std::nullopt;
  }
  const bool dependent = !p.relationship.empty() && p.relationship != model::kRelationshipSelf;
  if (dependent && iso_date(p.patient_birth_date).empty()) {
    why = "the patient is a dependent and no birth date is recorded (2100E DMG is required)";
    return std::nullopt;
  }
  model::ClaimStatusInquiry q;
  q.payer.id = c.payer_id;
  q.payer.name = c.payer_name;
  q.provider.entity = p.provider_first.empty() ? model::EntityType::organization : model::EntityType::person;
  q.provider.name = p.provider_name;
  q.provider.first = p.provider_first;
  q.provider.npi = c.billing_npi;
  q.subscriber.name = {p.subscriber_last, p.subscriber_first, p.subscriber_middle, p.subscriber_suffix};
  q.subscriber.member_id = p.member_id;
  if (!dependent) {
    q.subscriber.birth_date = iso_date(p.subscriber_birth_date);
    q.subscriber.gender = p.subscriber_gender;
  } else {
    q.patient.relationship = p.relationship;
    q.patient.name = {p.patient_last, p.patient_first, p.patient_middle, p.patient_suffix};
    q.patient.birth_date = iso_date(p.patient_birth_date);
    q.patient.gender = p.patient_gender;
  }
  q.patient_control_number = c.claim_id;
  q.payer_claim_control_number = c.payer_claim_control_number;
  q.charge = model::Money::from_cents(c.billed_cents);
  q.service_from = iso_date(c.service_date_from);
  q.service_to = iso_date(c.service_date_to);
  if (q.service_to == q.service_from) q.service_to = {};
  return q;
}

}  // namespace

std::string inquiry_cutoff(model::Date as_of, int days) {
  return model::Date::from_days_since_epoch(as_of.days_since_epoch() - days).to_iso();
}

std::string inquiry_trace(const std::string& receiver_id, std::uint64_t isa13, std::size_t n) {
  return fmt::format("{}-{:09}-{}", receiver_id, isa13, n);
}

InquiryPlan plan_inquiries(const std::vector<ledger::InquiryCandidate>& candidates) {
  InquiryPlan plan;
  for (const auto& c : candidates) {
    std::string why;
    auto q = inquiry_for(c, why);
    if (!q) {
      plan.skipped.push_back({c.payer_id, c.claim_id, std::move(why)});
      continue;
    }
    if (plan.groups.empty() || plan.groups.back().sender_id != c.sender_id ||
        plan.groups.back().receiver_id != c.receiver_id) {
      InquiryGroup g;
      g.sender_id = c.sender_id;
      g.receiver_id = c.receiver_id;
      g.information_receiver.id = c.sender_id;
      g.information_receiver.name = c.parties.submitter_name.empty() ? c.sender_id : c.parties.submitter_name;
      plan.groups.push_back(std::move(g));
    }
    plan.groups.back().inquiries.push_back({c.claim_row, std::move(*q)});
  }
  return plan;
}

InquiryText write_inquiry_group(InquiryGroup& group, std::uint64_t isa13, std::uint64_t st02,
                                const StatusInquiryOptions& options) {
  x12::X12Writer w(model::Delimiters{}, "\n");
  x12_276::ClaimStatusInquiryWriter writer(w);
  x12::InterchangeEnvelope isa;
  isa.sender_id = group.sender_id;
  isa.receiver_id = group.receiver_id;
  isa.date = options.as_of.to_ccyymmdd().substr(2);
  isa.time = options.hhmm;
  isa.control_number = fmt::format("{:09}", isa13);
  isa.usage = options.production ? "P" : "T";
  x12::GroupEnvelope gs;
  gs.functional_id = std::string(x12_276::kFunctionalId);
  gs.sender = group.sender_id;
  gs.receiver = group.receiver_id;
  gs.date = options.as_of.to_ccyymmdd();
  gs.time = options.hhmm;
  gs.control_number = std::to_string(isa13);
  gs.version = std::string(x12_276::kImplementation);
  writer.open_interchange(isa, gs);
  x12_276::InquiryHeader header;
  header.control_number = fmt::format("{:04}", st02);
  header.reference = fmt::format("{:09}-{}", isa13, header.control_number);
  header.created = options.as_of;
  header.time = options.hhmm;
  writer.open_transaction(header, group.information_receiver);
  std::size_t n = 0;
  for (auto& planned : group.inquiries) {
    planned.inquiry.trace = inquiry_trace(group.receiver_id, isa13, ++n);
    writer.write_inquiry(planned.inquiry);
  }
  writer.close_transaction();
  writer.close_interchange();
  InquiryText out;
  if (const auto& e = w.error()) out.error = x12::to_string(*e);
  out.text = w.take();
  return out;
}

StatusInquiryReport run_status_inquiries(ledger::Ledger& ledger, const StatusInquiryOptions& options) {
  StatusInquiryReport report;
  report.cutoff = inquiry_cutoff(options.as_of, options.older_than_days);
  const auto candidates = ledger::read_inquiry_candidates(ledger.connection(), options.payer_id, report.cutoff);
  report.due = candidates.size();
  auto plan = plan_inquiries(candidates);
  report.skipped = std::move(plan.skipped);
  std::filesystem::create_directories(options.out_dir);
  for (auto& group : plan.groups) {
    const std::uint64_t isa13 =
        ledger.allocate(group.sender_id, group.receiver_id, ledger::ControlNumberKind::interchange);
    const std::uint64_t st02 = ledger.allocate(group.sender_id, group.receiver_id, ledger::ControlNumberKind::transaction);
    auto text = write_inquiry_group(group, isa13, st02, options);
    if (!text.error.empty()) {
      report.errors.push_back(fmt::format("276 to {}: {} (nothing written or recorded for it)", group.receiver_id, text.error));
      continue;
    }
    const std::string name = fmt::format("{}-{:09}.276", util::file_safe(group.receiver_id), isa13);
    const auto tmp = options.out_dir / ("." + name + ".tmp");
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out.write(text.text.data(), static_cast<std::streamsize>(text.text.size()));
      out.flush();
      if (!out) throw std::runtime_error(fmt::format("cannot write {}", tmp.string()));
    }
    std::vector<ledger::InquiryRecordRow> rows;
    rows.reserve(group.inquiries.size());
    for (const auto& planned : group.inquiries)
      rows.push_back({planned.claim_row, planned.inquiry.payer.id, planned.inquiry.patient_control_number,
                      planned.inquiry.trace, group.sender_id, group.receiver_id, static_cast<std::int64_t>(isa13),
                      fmt::format("{:04}", st02), name, options.as_of.to_iso(), options.now});
    {
      ledger::sql::Transaction tx(ledger.connection());
      ledger::record_inquiries(ledger.connection(), rows);
      tx.commit();
    }
    std::filesystem::rename(tmp, options.out_dir / name);
    report.inquiries += rows.size();
    report.files.push_back({(options.out_dir / name).string(), group.receiver_id, isa13, rows.size()});
  }
  return report;
}

}  // namespace clearhouse::ack
