#include "engine/ledger/patient_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "engine/ledger/adjustment_codec.hpp"
#include "engine/ledger/claim_parties_codec.hpp"
#include "engine/ledger/sql/batch_insert.hpp"
#include "engine/ledger/sql/list_statements.hpp"
#include "engine/model/claim_payment.hpp"
#include "engine/model/insured_person.hpp"
#include "engine/model/remittance.hpp"
#include "engine/patient/remittance_shares.hpp"

namespace clearhouse::ledger {
namespace {

using model::Money;

constexpr char kField = '\x1f';

model::Date date_of(std::string_view iso) { return model::Date::parse_iso(iso).value_or(model::Date{}); }

// The remittance's payment date, else the day it was posted.
std::string pack_applications(const std::vector<patient::Application>& applications) {
  std::string out;
  for (const auto& a : applications) {
    if (!out.empty()) out += kField;
    out += a.claim_id;
    out += kField;
    out += std::to_string(a.amount.cents());
  }
  return out;
}

std::vector<patient::Application> unpack_applications(std::string_view text) {
  std::vector<patient::Application> out;
  std::vector<std::string_view> fields;
  std::size_t pos = 0;
  while (pos <= text.size() && !text.empty()) {
    const std::size_t end = std::min(text.find(kField, pos), text.size());
    fields.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
    std::int64_t cents = 0;
    const auto cents_text = fields[i + 1];
    const auto [end, error] = std::from_chars(cents_text.data(), cents_text.data() + cents_text.size(), cents);
    if (error != std::errc() || end != cents_text.data() + cents_text.size())
      throw LedgerError(fmt::format("patient_payments.applications: \"{}\" is not cents (in \"{}\")", cents_text, text));
    out.push_back({std::string(fields[i]), Money::from_cents(cents)});
  }
  return out;
}

model::PatientShareEntry read_entry(const sql::Statement& q, int first) {
  model::PatientShareEntry e;
  e.claim_id = q.column_text(first);
  e.date = date_of(q.column_text(first + 1));
  e.source = model::share_source_from_string(q.column_text(first + 2)).value_or(model::ShareSource::adjustment);
  e.amount = Money::from_cents(q.column_int(first + 3));
  e.reference = q.column_text(first + 4);
  e.payer_id = q.column_text(first + 5);
  return e;
}

}  // namespace

PatientStore::PatientStore(sql::Connection& connection)
    : c_(connection),
      shares_by_claim_(std::make_unique<sql::ListStatements>(c_, [](std::size_t n) {
        return "SELECT p.claim_id, c.payer_level, p.reversal, "
               "p.deductible_cents + p.coinsurance_cents + p.copay_cents + p.other_patient_cents, p.payer_id, p.id "
               "FROM claim_payments p JOIN claims c ON c.id = p.claim_row "
               "WHERE p.payer_id = ? AND p.claim_id IN (" +
               sql::placeholders(n) + ")";
      })) {}

PatientStore::~PatientStore() = default;

std::map<std::string, std::vector<patient::PayerAdjudication>, std::less<>> PatientStore::posted_shares(
    std::span<const std::string> payer_ids, std::span<const std::string> claim_ids) {
  struct Row {
    int level;
    std::int64_t id;
    patient::PayerAdjudication adjudication;
  };
  std::map<std::string, std::vector<Row>, std::less<>> rows;
  for (const auto& payer : payer_ids) {
    sql::query_in_chunks(
        *shares_by_claim_, claim_ids,
        [&](sql::Statement& q) {
          q.bind(1, payer);
          return 2;
        },
        [&](sql::Statement& q) {
          Row r;
          r.level = patient::payer_order(q.column_text(1));
          r.id = q.column_int(5);
          auto& a = r.adjudication;
          a.level = r.level;
          a.reversal = q.column_int(2) != 0;
          a.payer_id = q.column_text(4);
          model::Adjustment pr;
          pr.group = model::AdjustmentGroup::patient;
          pr.group_code = model::Code("PR");
          pr.amount = Money::from_cents(q.column_int(3));
          a.claim_adjustments.push_back(std::move(pr));
          rows[q.column_text(0)].push_back(std::move(r));
        });
  }
  std::map<std::string, std::vector<patient::PayerAdjudication>, std::less<>> out;
  for (auto& [claim_id, list] : rows) {
    std::sort(list.begin(), list.end(),
              [](const Row& a, const Row& b) { return a.level != b.level ? a.level < b.level : a.id < b.id; });
    auto& adjudications = out[claim_id];
    for (auto& r : list) adjudications.push_back(std::move(r.adjudication));
  }
  return out;
}

void PatientStore::insert_entries(std::span<const model::PatientShareEntry> entries, std::string_view account_number,
                                  std::int64_t remittance_id) {
  if (entries.empty()) return;
  if (!entries_)
    entries_ = std::make_unique<sql::BatchInsert>(
        c_, "patient_share_entries",
        std::vector<std::string>{"claim_id", "account_number", "entry_date", "source", "amount_cents", "reference",
                                 "payer_id", "remittance_id"});
  for (const auto& e : entries) {
    entries_->row()
        .value(e.claim_id)
        .value(account_number)
        .value(e.date.to_iso())
        .value(model::to_string(e.source))
        .value(e.amount.cents())
        .value(e.reference)
        .value(e.payer_id)
        .value(remittance_id != 0 ? std::optional<std::int64_t>(remittance_id) : std::nullopt);
  }
  entries_->flush();
}

AccountAssignment PatientStore::assign_accounts(std::string_view now) {
  AccountAssignment out;
  struct Candidate {
    std::int64_t row;
    std::string claim_id, service_date, parties;
  };
  std::vector<Candidate> candidates;
  {
    auto q = c_.prepare(
        "SELECT c.id, c.claim_id, c.service_date_from, cp.parties FROM claims c "
        "JOIN claim_parties cp ON cp.claim_row = c.id "
        "WHERE c.payer_level = 'P' AND c.follows_claim_row IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM patient_account_claims pac WHERE pac.claim_id = c.claim_id) ORDER BY c.id");
    while (q->step()) candidates.push_back({q->column_int(0), q->column_text(1), q->column_text(2), q->column_text(3)});
  }
  if (candidates.empty()) return out;
  auto by_key = c_.prepare("SELECT id FROM patient_accounts WHERE guarantor_key = ?");
  auto by_number = c_.prepare("SELECT id FROM patient_accounts WHERE account_number = ?");
  auto open = c_.prepare(
      "INSERT INTO patient_accounts (account_number, guarantor_key, guarantor_last, guarantor_first, guarantor_middle, "
      "guarantor_suffix, member_id, birth_date, address_line1, address_line2, city, state, postal_code, practice_name, "
      "practice_line1, practice_line2, practice_city, practice_state, practice_postal_code, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  auto assign = c_.prepare(
      "INSERT INTO patient_account_claims (claim_id, account_id, claim_row, service_date, assigned_at) "
      "VALUES (?, ?, ?, ?, ?)");
  std::set<std::string, std::less<>> done;
  for (const auto& cand : candidates) {
    if (!done.insert(cand.claim_id).second) continue;  // a replacement of a claim already given an account
    const ClaimParties p = unpack_claim_parties(cand.parties);
    model::ClaimPartyNames names;
    names.subscriber_last = p.subscriber_last;
    names.subscriber_first = p.subscriber_first;
    names.subscriber_middle = p.subscriber_middle;
    names.subscriber_suffix = p.subscriber_suffix;
    names.member_id = p.member_id;
    names.subscriber_birth_date = date_of(p.subscriber_birth_date);
    names.relationship = p.relationship;
    names.patient_last = p.patient_last;
    names.patient_first = p.patient_first;
    names.patient_birth_date = date_of(p.patient_birth_date);
    const auto choice = model::choose_guarantor(names, date_of(cand.service_date));
    by_key->bind(1, choice.key);
    std::optional<std::int64_t> account = by_key->single_int();
    if (!account) {
      by_number->bind(1, choice.account_number);
      if (by_number->single_int()) {  // another guarantor's number: refused, never merged
        ++out.refused;
        continue;
      }
      open->bind(1, choice.account_number)
          .bind(2, choice.key)
          .bind(3, p.subscriber_last)
          .bind(4, p.subscriber_first)
          .bind(5, p.subscriber_middle)
          .bind(6, p.subscriber_suffix)
          .bind(7, p.member_id)
          .bind(8, p.subscriber_birth_date)
          .bind(9, p.guarantor_line1)
          .bind(10, p.guarantor_line2)
          .bind(11, p.guarantor_city)
          .bind(12, p.guarantor_state)
          .bind(13, p.guarantor_postal_code)
          .bind(14, model::printed_name(p.provider_first, "", p.provider_name, ""))
          .bind(15, p.billing_line1)
          .bind(16, p.billing_line2)
          .bind(17, p.billing_city)
          .bind(18, p.billing_state)
          .bind(19, p.billing_postal_code)
          .bind(20, now);
      account = open->single_int();
      ++out.opened;
    }
    assign->bind(1, cand.claim_id).bind(2, *account).bind(3, cand.row).bind(4, cand.service_date).bind(5, now);
    assign->run();
    ++out.claims;
  }
  return out;
}

std::vector<std::string> PatientStore::account_numbers() {
  std::vector<std::string> out;
  auto q = c_.prepare("SELECT account_number FROM patient_accounts ORDER BY account_number");
  while (q->step()) out.push_back(q->column_text(0));
  return out;
}

std::map<std::string, std::string, std::less<>> PatientStore::accounts_of_claims(std::span<const std::string> claim_ids) {
  std::map<std::string, std::string, std::less<>> out;
  auto q = c_.prepare(
      "SELECT pa.account_number FROM patient_account_claims pac JOIN patient_accounts pa ON pa.id = pac.account_id "
      "WHERE pac.claim_id = ?");
  for (const auto& id : claim_ids) {
    q->bind(1, id);
    if (q->step()) out.emplace(id, q->column_text(0));
    q->reset();
  }
  return out;
}

namespace {

// What for_each_account reads for a chunk of accounts, by key, before building them.
struct ClaimRowRead {
  std::string claim_id;
  std::int64_t row = 0;
  std::string service_date, parties;
  std::int64_t billed = 0;
};
struct PayerClaimRead {  // one payer's claim for a visit that the payer did not reject at the front door
  int level = 0;
  bool names_other_coverage = false, adjudicated = false;
};
struct PaymentRead {
  std::int64_t id = 0;
  patient::PayerAdjudication adjudication;
  bool forwarded = false;  // CLP02 19/20/21: the payer sent the claim on to the next payer itself
};

template <typename Key>
std::vector<Key> distinct(std::vector<Key> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace

// A chunk of accounts at a time: each table is read once per chunk with IN lists
// (sql::query_in_chunks), not once per account or claim, which on PostgreSQL would be a round
// trip each; then the accounts are built and visited one by one, in the order given.
void PatientStore::for_each_account(std::span<const std::string> account_numbers, AccountDetail detail,
                                    const std::function<void(PatientAccountRecord&)>& visit) {
  sql::ListStatements accounts_q(c_, [](std::size_t n) {
    return "SELECT id, account_number, guarantor_key, guarantor_last, guarantor_first, guarantor_middle, "
           "guarantor_suffix, member_id, birth_date, address_line1, address_line2, city, state, postal_code, "
           "practice_name, practice_line1, practice_line2, practice_city, practice_state, practice_postal_code "
           "FROM patient_accounts WHERE account_number IN (" + sql::placeholders(n) + ")";
  });
  sql::ListStatements claims_q(c_, [](std::size_t n) {
    return "SELECT pac.account_id, pac.claim_id, pac.claim_row, pac.service_date, c.billed_cents, cp.parties "
           "FROM patient_account_claims pac JOIN claims c ON c.id = pac.claim_row "
           "LEFT JOIN claim_parties cp ON cp.claim_row = pac.claim_row WHERE pac.account_id IN (" +
           sql::placeholders(n) + ") ORDER BY pac.account_id, pac.service_date, pac.claim_id";
  });
  sql::ListStatements lines_q(c_, [](std::size_t n) {
    return "SELECT claim_row, procedure_code, modifiers, charge_cents, service_date FROM service_lines "
           "WHERE claim_row IN (" + sql::placeholders(n) + ") ORDER BY claim_row, line_number";
  });
  // Every claim to any payer for the visit that the payer did not reject at the front door, with
  // whether it names other coverage (a next payer to come) and whether it was adjudicated.
  sql::ListStatements payer_claims_q(c_, [](std::size_t n) {
    return "SELECT c.claim_id, c.payer_level, (SELECT COUNT(*) FROM claim_renderings r WHERE r.claim_row = c.id), "
           "(SELECT COUNT(*) FROM claim_payments p WHERE p.payer_id = c.payer_id AND p.claim_id = c.claim_id "
           "AND p.claim_row = c.id) FROM claims c WHERE c.claim_id IN (" + sql::placeholders(n) + ") "
           "AND COALESCE(c.front_door_status, '') <> 'rejected' AND COALESCE(c.ack_status, '') <> 'rejected'";
  });
  sql::ListStatements payments_q(c_, [](std::size_t n) {
    return "SELECT c.claim_id, p.id, c.payer_level, p.payer_id, r.payer_name, r.payment_date, r.posted_at, "
           "r.trace_number, p.reversal, p.billed_cents, p.paid_cents, p.adjustments, p.status_code FROM claims c "
           "JOIN claim_payments p ON p.payer_id = c.payer_id AND p.claim_id = c.claim_id AND p.claim_row = c.id "
           "JOIN remittances r ON r.id = p.remittance_id WHERE c.claim_id IN (" + sql::placeholders(n) + ")";
  });
  sql::ListStatements line_payments_q(c_, [](std::size_t n) {
    return "SELECT claim_payment_id, procedure_code, modifiers, billed_cents, paid_cents, allowed_cents, adjustments "
           "FROM line_payments WHERE claim_payment_id IN (" + sql::placeholders(n) + ") "
           "ORDER BY claim_payment_id, line_number";
  });
  // Entries' columns in read_entry's order, after the key.
  sql::ListStatements entries_q(c_, [](std::size_t n) {
    return "SELECT claim_id, claim_id, entry_date, source, amount_cents, reference, payer_id FROM "
           "patient_share_entries WHERE claim_id IN (" + sql::placeholders(n) + ") AND source <> 'remittance' "
           "ORDER BY id";
  });
  sql::ListStatements account_entries_q(c_, [](std::size_t n) {
    return "SELECT account_number, claim_id, entry_date, source, amount_cents, reference, payer_id FROM "
           "patient_share_entries WHERE claim_id = '' AND account_number IN (" + sql::placeholders(n) + ") "
           "AND source <> 'remittance' ORDER BY id";
  });
  const auto no_leading = [](sql::Statement&) { return 1; };

  for (std::size_t begin = 0; begin < account_numbers.size(); begin += sql::kMaxList) {
    const auto chunk = account_numbers.subspan(begin, std::min(sql::kMaxList, account_numbers.size() - begin));
    const auto numbers = distinct(std::vector<std::string>(chunk.begin(), chunk.end()));

    std::map<std::string, std::pair<std::int64_t, PatientAccountRecord>, std::less<>> accounts;
    sql::query_in_chunks(accounts_q, std::span<const std::string>(numbers), no_leading, [&](sql::Statement& q) {
      auto& [id, rec] = accounts[q.column_text(1)];
      id = q.column_int(0);
      auto& a = rec.account;
      a.account_number = q.column_text(1);
      a.guarantor_key = q.column_text(2);
      a.guarantor.last = q.column_text(3);
      a.guarantor.first = q.column_text(4);
      a.guarantor.middle = q.column_text(5);
      a.guarantor.suffix = q.column_text(6);
      a.guarantor.member_id = q.column_text(7);
      a.guarantor.birth_date = date_of(q.column_text(8));
      a.guarantor.address = {q.column_text(9), q.column_text(10), q.column_text(11), q.column_text(12),
                             q.column_text(13), ""};
      rec.practice.name = q.column_text(14);
      rec.practice.address = {q.column_text(15), q.column_text(16), q.column_text(17), q.column_text(18),
                              q.column_text(19), ""};
    });
    std::vector<std::int64_t> account_ids;
    for (const auto& [number, account] : accounts) account_ids.push_back(account.first);

    std::map<std::int64_t, std::vector<ClaimRowRead>> claims_of_account;
    std::vector<std::string> claim_ids;
    std::vector<std::int64_t> claim_rows;
    sql::query_in_chunks(claims_q, std::span<const std::int64_t>(account_ids), no_leading, [&](sql::Statement& q) {
      claims_of_account[q.column_int(0)].push_back(
          {q.column_text(1), q.column_int(2), q.column_text(3), q.column_text(5), q.column_int(4)});
      claim_ids.push_back(q.column_text(1));
      claim_rows.push_back(q.column_int(2));
    });
    claim_ids = distinct(std::move(claim_ids));
    claim_rows = distinct(std::move(claim_rows));
    const std::span<const std::string> ids(claim_ids);

    std::map<std::int64_t, std::vector<model::StatementService>> services;
    if (detail == AccountDetail::statement)
      sql::query_in_chunks(lines_q, std::span<const std::int64_t>(claim_rows), no_leading, [&](sql::Statement& q) {
        model::StatementService s;
        s.code = q.column_text(1);
        std::string modifiers = q.column_text(2);
        std::replace(modifiers.begin(), modifiers.end(), ':', '-');
        if (!modifiers.empty()) s.code += "-" + modifiers;
        s.billed = Money::from_cents(q.column_int(3));
        s.date = date_of(q.column_text(4));
        services[q.column_int(0)].push_back(std::move(s));
      });
    std::map<std::string, std::vector<PayerClaimRead>, std::less<>> payer_claims;
    sql::query_in_chunks(payer_claims_q, ids, no_leading, [&](sql::Statement& q) {
      payer_claims[q.column_text(0)].push_back(
          {patient::payer_order(q.column_text(1)), q.column_int(2) > 0, q.column_int(3) > 0});
    });
    std::map<std::string, std::vector<PaymentRead>, std::less<>> payments;
    std::vector<std::int64_t> payment_ids;
    sql::query_in_chunks(payments_q, ids, no_leading, [&](sql::Statement& q) {
      PaymentRead p;
      p.id = q.column_int(1);
      auto& adj = p.adjudication;
      adj.level = patient::payer_order(q.column_text(2));
      adj.payer_id = q.column_text(3);
      adj.payer_name = q.column_text(4);
      adj.date = model::remittance_date(q.column_text(5), q.column_text(6));
      adj.reference = q.column_text(7);
      adj.reversal = q.column_int(8) != 0;
      adj.billed = Money::from_cents(q.column_int(9));
      adj.paid = Money::from_cents(q.column_int(10));
      adj.claim_adjustments = decode_adjustments(q.column_text(11));
      const std::string status = q.column_text(12);
      p.forwarded = model::forwarded_to_another_payer(status);
      payment_ids.push_back(p.id);
      payments[q.column_text(0)].push_back(std::move(p));
    });
    std::map<std::int64_t, std::vector<patient::AdjudicatedLine>> payment_lines;
    sql::query_in_chunks(line_payments_q, std::span<const std::int64_t>(payment_ids), no_leading,
                         [&](sql::Statement& q) {
                           patient::AdjudicatedLine l;
                           l.procedure = q.column_text(1);
                           l.billed = Money::from_cents(q.column_int(3));
                           l.paid = Money::from_cents(q.column_int(4));
                           if (!q.column_is_null(5)) l.allowed = Money::from_cents(q.column_int(5));
                           l.adjustments = decode_adjustments(q.column_text(6));
                           payment_lines[q.column_int(0)].push_back(std::move(l));
                         });
    std::map<std::string, std::vector<model::PatientShareEntry>, std::less<>> entries, account_entries;
    sql::query_in_chunks(entries_q, ids, no_leading,
                         [&](sql::Statement& q) { entries[q.column_text(0)].push_back(read_entry(q, 1)); });
    sql::query_in_chunks(account_entries_q, std::span<const std::string>(numbers), no_leading,
                         [&](sql::Statement& q) { account_entries[q.column_text(0)].push_back(read_entry(q, 1)); });

    for (const auto& number : chunk) {
      const auto found = accounts.find(number);
      if (found == accounts.end()) continue;
      PatientAccountRecord rec = std::move(found->second.second);  // what was read is used once
      auto& a = rec.account;
      for (const auto& cr : claims_of_account[found->second.first]) {
        a.claim_ids.push_back(cr.claim_id);
        patient::StatementClaim sc;
        auto& visit_of_claim = sc.visit;
        visit_of_claim.date = date_of(cr.service_date);
        visit_of_claim.billed = Money::from_cents(cr.billed);
        const ClaimParties parties = unpack_claim_parties(cr.parties);
        visit_of_claim.patient_name =
            parties.patient_last.empty()
                ? model::printed_name(parties.subscriber_first, parties.subscriber_middle, parties.subscriber_last,
                              parties.subscriber_suffix)
                : model::printed_name(parties.patient_first, parties.patient_middle, parties.patient_last, parties.patient_suffix);
        visit_of_claim.provider = model::printed_name(parties.provider_first, "", parties.provider_name, "");
        if (const auto s = services.find(cr.row); s != services.end()) visit_of_claim.services = std::move(s->second);

        auto& share = sc.share;
        share.claim_id = cr.claim_id;
        // Which payers have claims for the visit, and which adjudicated.
        int highest = 0;
        bool highest_adjudicated = true, primary_names_other = false;
        for (const auto& pc : payer_claims[cr.claim_id]) {
          if (pc.level == 1 && pc.names_other_coverage) primary_names_other = true;
          if (pc.level > highest) {
            highest = pc.level;
            highest_adjudicated = pc.adjudicated;
          } else if (pc.level == highest) {
            highest_adjudicated = highest_adjudicated || pc.adjudicated;
          }
        }
        // A next payer's claim sent and not answered, or a primary naming other coverage whose
        // next payer's claim is still to be sent: the patient's share is not final.
        share.another_payer_due = !highest_adjudicated;
        // The primary named other coverage and left the patient a share: the next payer's claim
        // is due (`clearhouse secondary` sends it; one with nothing owed is not sent).
        const bool next_payer_named = highest == 1 && primary_names_other;

        auto paid = std::move(payments[cr.claim_id]);
        std::sort(paid.begin(), paid.end(), [](const PaymentRead& x, const PaymentRead& y) {
          return x.adjudication.level != y.adjudication.level ? x.adjudication.level < y.adjudication.level
                                                              : x.id < y.id;
        });
        // The latest adjudication of the highest payer forwarded the claim (a crossover): the
        // next payer's answer is still to come.
        for (auto it = paid.rbegin(); it != paid.rend(); ++it) {
          if (it->adjudication.reversal) continue;
          if (it->forwarded) share.another_payer_due = true;
          break;
        }
        for (auto& p : paid) {
          if (const auto l = payment_lines.find(p.id); l != payment_lines.end()) p.adjudication.lines = std::move(l->second);
          share.adjudications.push_back(std::move(p.adjudication));
        }
        if (next_payer_named && !share.another_payer_due && patient::decide_claim_share(share).patient_share.cents() > 0)
          share.another_payer_due = true;
        share.patient_entries = std::move(entries[cr.claim_id]);
        rec.claims.push_back(std::move(sc));
      }
      rec.account_entries = std::move(account_entries[number]);
      accounts.erase(found);  // an account named twice is visited once
      visit(rec);
    }
  }
}

std::vector<patient::PriorPayment> PatientStore::prior_payments(std::span<const std::string> references) {
  std::vector<patient::PriorPayment> out;
  auto q = c_.prepare("SELECT reference, account_number, applications FROM patient_payments WHERE reference = ?");
  std::set<std::string_view> seen;
  for (const auto& ref : references) {
    if (!seen.insert(ref).second) continue;
    q->bind(1, ref);
    if (q->step()) out.push_back({q->column_text(0), q->column_text(1), unpack_applications(q->column_text(2))});
    q->reset();
  }
  return out;
}

void PatientStore::record_payments(const patient::PatientPaymentPlan& plan, std::string_view source_name,
                                   std::string_view now) {
  auto insert = c_.prepare(
      "INSERT INTO patient_payments (reference, account_number, claim_id, payment_date, amount_cents, method, "
      "applications, source_name, source_line, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& d : plan.decisions) {
    if (d.outcome != patient::PaymentOutcome::applied) continue;
    const auto& p = d.payment;
    insert->bind(1, p.reference)
        .bind(2, d.account_number)
        .bind(3, p.claim_id)
        .bind(4, p.date.to_iso())
        .bind(5, p.amount.cents())
        .bind(6, model::to_string(p.method))
        .bind(7, pack_applications(d.applications))
        .bind(8, source_name)
        .bind(9, p.line)
        .bind(10, now);
    insert->run();
    insert_entries(d.entries, d.account_number, 0);
  }
}

std::vector<model::PatientPayment> PatientStore::payments_of(std::string_view account_number) {
  std::vector<model::PatientPayment> out;
  auto q = c_.prepare(
      "SELECT payment_date, claim_id, amount_cents, method, reference, source_line FROM patient_payments "
      "WHERE account_number = ? ORDER BY payment_date DESC, id DESC");
  q->bind(1, account_number);
  while (q->step()) {
    model::PatientPayment p;
    p.date = date_of(q->column_text(0));
    p.claim_id = q->column_text(1);
    p.account = std::string(account_number);
    p.amount = Money::from_cents(q->column_int(2));
    p.method = model::payment_method_from_string(q->column_text(3)).value_or(model::PaymentMethod::cash);
    p.reference = q->column_text(4);
    p.line = static_cast<int>(q->column_int(5));
    out.push_back(std::move(p));
  }
  return out;
}

std::optional<StatementRecord> PatientStore::last_statement(std::string_view account_number) {
  auto q = c_.prepare(
      "SELECT statement_number, statement_date, amount_due_cents, format, file_name FROM patient_statements "
      "WHERE account_number = ? ORDER BY statement_number DESC LIMIT 1");
  q->bind(1, account_number);
  std::optional<StatementRecord> out;
  if (q->step())
    out = StatementRecord{std::string(account_number), static_cast<int>(q->column_int(0)), date_of(q->column_text(1)),
                          Money::from_cents(q->column_int(2)), q->column_text(3), q->column_text(4)};
  q->reset();
  return out;
}

void PatientStore::record_statement(const StatementRecord& s, std::string_view now) {
  auto q = c_.prepare(
      "INSERT INTO patient_statements (account_number, statement_number, statement_date, amount_due_cents, format, "
      "file_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  q->bind(1, s.account_number)
      .bind(2, s.number)
      .bind(3, s.date.to_iso())
      .bind(4, s.amount_due.cents())
      .bind(5, s.format)
      .bind(6, s.file_name)
      .bind(7, now);
  q->run();
}

std::pair<std::uint64_t, std::uint64_t> PatientStore::statement_counts() {
  auto q = c_.prepare("SELECT COUNT(*), COUNT(DISTINCT account_number) FROM patient_statements");
  std::pair<std::uint64_t, std::uint64_t> out;
  if (q->step()) out = {static_cast<std::uint64_t>(q->column_int(0)), static_cast<std::uint64_t>(q->column_int(1))};
  q->reset();
  return out;
}

}  // namespace clearhouse::ledger
