#include "engine/ledger/posting_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <map>

#include "engine/ledger/adjustment_codec.hpp"
#include "engine/ledger/adjustment_columns.hpp"
#include "engine/ledger/record_columns.hpp"
#include "engine/ledger/sql/batch_insert.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::ledger {
namespace {


std::string modifiers_text(const std::vector<model::Code>& modifiers) {
  std::string out;
  for (const auto& m : modifiers) {
    if (!out.empty()) out += ':';
    out += m.view();
  }
  return out;
}

std::string iso_or_empty(const model::Date& d) { return d.empty() ? std::string() : d.to_iso(); }

std::vector<std::string> with_buckets(std::vector<std::string> columns, std::vector<std::string> tail) {
  const auto& buckets = adjustment_column_names();
  columns.insert(columns.end(), buckets.begin(), buckets.end());
  columns.insert(columns.end(), tail.begin(), tail.end());
  return columns;
}

// One element of a PostgreSQL array literal: integers as they are, text quoted.
void append_array_element(std::string& out, std::int64_t value) { out += std::to_string(value); }
void append_array_element(std::string& out, std::string_view value) {
  out += '"';
  for (char ch : value) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  out += '"';
}

// UPDATE table SET column = value WHERE id = ..., for many (id, value) pairs. SQLite runs one
// cached single-row statement per pair (in-process: nothing to save by batching); PostgreSQL
// one statement for all of them, joining the ids and values passed as two arrays. Ids are
// sorted so that concurrent writers lock rows in the same order.
class IdUpdate {
 public:
  IdUpdate(sql::Connection& c, std::string table, std::string column, std::string type)
      : c_(c), table_(std::move(table)), column_(std::move(column)), type_(std::move(type)) {}

  template <typename Value>
  void run(std::vector<std::pair<std::int64_t, Value>> pairs) {
    if (pairs.empty()) return;
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (c_.dialect() == sql::Dialect::sqlite) {
      if (!statement_) statement_ = c_.prepare(fmt::format("UPDATE {} SET {} = ? WHERE id = ?", table_, column_));
      for (const auto& [id, value] : pairs) {
        statement_->bind(1, value);
        statement_->bind(2, id);
        statement_->run();
      }
      return;
    }
    if (!statement_) {
      statement_ = c_.prepare(fmt::format(
          "UPDATE {0} SET {1} = v.value FROM (SELECT u.id, u.value FROM unnest(CAST(? AS BIGINT[]), CAST(? AS {2}[])) "
          "AS u(id, value) ORDER BY u.id) AS v WHERE {0}.id = v.id",
          table_, column_, type_));
    }
    std::string ids = "{", values = "{";
    for (const auto& [id, value] : pairs) {
      if (ids.size() > 1) {
        ids += ',';
        values += ',';
      }
      append_array_element(ids, id);
      append_array_element(values, value);
    }
    ids += '}';
    values += '}';
    statement_->bind(1, ids);
    statement_->bind(2, values);
    statement_->run();
  }

 private:
  sql::Connection& c_;
  std::string table_, column_, type_;
  std::unique_ptr<sql::Statement> statement_;
};

// SQLite hands out claim payment ids through RETURNING (in-process, as cheap as anything);
// PostgreSQL draws them from the table's sequence first, so that the rows go in with COPY.
std::vector<std::string> claim_payment_columns(sql::Dialect dialect) {
  std::vector<std::string> first;
  if (dialect == sql::Dialect::postgresql) first.push_back("id");
  for (const char* column : {"remittance_id", "sequence", "claim_row", "claim_id", "payer_id",
                             "payer_claim_control_number", "status_code", "claim_status", "reversal", "billed_cents",
                             "paid_cents", "patient_responsibility_cents"})
    first.emplace_back(column);
  return with_buckets(std::move(first), {"reason_codes", "remark_codes", "adjustments", "crossover_payer"});
}

}  // namespace

struct PostingStore::Statements {
  explicit Statements(sql::Connection& c)
      : c(c),
        claim_payments(c, "claim_payments", claim_payment_columns(c.dialect()),
                       c.dialect() == sql::Dialect::sqlite ? "id, sequence" : ""),
        line_payments(c, "line_payments",
                      with_buckets({"claim_payment_id", "line_number", "service_line_row", "line_control_number",
                                    "procedure_code", "modifiers", "service_date", "billed_cents", "paid_cents",
                                    "allowed_cents"},
                                   {"reason_codes", "remark_codes", "adjustments", "paid_units"})),
        provider_adjustments(c, "provider_adjustments",
                             {"remittance_id", "sequence", "provider_id", "fiscal_period_end", "reason", "reference",
                              "amount_cents"}),
        findings(c, "findings",
                 {"remittance_id", "claim_payment_id", "rule", "category", "severity", "claim_id", "line_number",
                  "line_control_number", "payer_id", "trace_number", "carc", "rarc", "amount_cents", "message",
                  "action", "location", "created_at"}) {}
  sql::Connection& c;
  sql::BatchInsert claim_payments, line_payments, provider_adjustments, findings;
  std::unique_ptr<sql::Statement> draw_claim_payment_ids;
  std::string cas;  // the encoded CAS triples of the row being added (reused)
  IdUpdate claim_status{c, "claims", "status", "TEXT"};
  IdUpdate reverses{c, "claim_payments", "reverses", "BIGINT"};
  IdUpdate reversed_by{c, "claim_payments", "reversed_by", "BIGINT"};
};

std::string join_codes(std::span<const model::Code> codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += ',';
    out += c.view();
  }
  return out;
}

PostingStore::PostingStore(sql::Connection& connection)
    : c_(connection), statements_(std::make_unique<Statements>(connection)), worklist_(connection) {}
PostingStore::~PostingStore() = default;

std::optional<AppliedPlan> PostingStore::apply(const model::PostingPlan& plan) {
  if (!plan.writes()) throw LedgerError("a plan that writes nothing was applied");
  const auto remittance_id = insert_remittance(plan.remittance);
  if (!remittance_id) return std::nullopt;
  AppliedPlan out;
  out.remittance_id = *remittance_id;
  out.posting_ids = insert_postings(*remittance_id, plan.postings);
  std::vector<std::pair<std::int64_t, std::int64_t>> links;
  for (std::size_t i = 0; i < plan.postings.size(); ++i)
    if (plan.postings[i].reverses != 0)
      links.emplace_back(out.posting_ids[i], model::resolve_posting_id(plan.postings[i].reverses, out.posting_ids));
  link_reversals(links);
  update_claim_statuses(plan.claim_statuses);
  insert_provider_adjustments(*remittance_id, plan.provider_adjustments);
  insert_findings(*remittance_id, plan, out.posting_ids);
  worklist_.apply(plan.worklist, out.posting_ids);
  return out;
}

std::optional<std::int64_t> PostingStore::insert_remittance(const model::RemittanceEntry& row) {
  if (!insert_remittance_) {
    insert_remittance_ = c_.prepare(
        "INSERT INTO remittances (payer_id, trace_number, content_hash, payer_name, payee_id, "
        "interchange_control_number, transaction_control_number, handling_code, payment_method, payment_cents, "
        "payment_date, claim_count, paid_cents, provider_adjustment_cents, source_name, posted_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (payer_id, trace_number, content_hash) DO NOTHING RETURNING id");
  }
  auto& s = *insert_remittance_;
  s.bind(1, row.payer_id).bind(2, row.trace_number).bind(3, row.content_hash).bind(4, row.payer_name);
  s.bind(5, row.payee_id).bind(6, row.interchange_control_number).bind(7, row.transaction_control_number);
  s.bind(8, row.handling_code).bind(9, row.payment_method).bind(10, row.payment.cents()).bind(11, row.payment_date);
  s.bind(12, row.claim_count).bind(13, row.paid.cents()).bind(14, row.provider_adjustments.cents());
  s.bind(15, row.source_name).bind(16, row.posted_at);
  return s.single_int();
}

std::vector<std::int64_t> PostingStore::insert_postings(std::int64_t remittance_id,
                                                        std::span<const model::Posting> postings) {
  std::vector<std::int64_t> ids(postings.size(), 0);
  if (postings.empty()) return ids;
  // Claim payments first: their ids are drawn beforehand (PostgreSQL) or come back with their
  // sequence numbers (SQLite: id_by_sequence).
  const bool ids_drawn = c_.dialect() == sql::Dialect::postgresql;
  std::map<std::int64_t, std::int64_t> id_by_sequence;
  if (ids_drawn) {
    auto& draw = statements_->draw_claim_payment_ids;
    if (!draw) {
      // The sequence found once and named by its oid, a constant: not looked up again for
      // every id drawn.
      auto oid = c_.prepare("SELECT CAST(CAST(pg_get_serial_sequence('claim_payments', 'id') AS regclass) AS oid)");
      const auto sequence = oid->single_int();
      if (!sequence) throw LedgerError("claim_payments.id has no sequence");
      draw = c_.prepare(fmt::format("SELECT nextval(CAST({} AS regclass)) FROM generate_series(1, ?)", *sequence));
    }
    draw->bind(1, static_cast<std::int64_t>(postings.size()));
    for (auto& id : ids) {
      if (!draw->step()) throw LedgerError("the claim_payments id sequence gave fewer ids than asked for");
      id = draw->column_int(0);
    }
    draw->reset();
  }
  {
    auto& insert = statements_->claim_payments;
    if (!ids_drawn)
      insert.on_returned([&](const sql::Statement& row) { id_by_sequence[row.column_int(1)] = row.column_int(0); });
    for (std::size_t i = 0; i < postings.size(); ++i) {
      const auto& p = postings[i];
      insert.row();
      if (ids_drawn) insert.value(ids[i]);
      insert.value(remittance_id)
          .value(static_cast<std::int64_t>(p.sequence))
          .value(p.claim_row != 0 ? std::optional<std::int64_t>(p.claim_row) : std::nullopt)
          .value(p.claim_id)
          .value(p.payer_id)
          .value(p.payer_claim_control_number)
          .value(p.status_code.view())
          .value(p.claim_status ? model::to_string(*p.claim_status) : std::string_view())
          .value(static_cast<std::int64_t>(p.reversal ? 1 : 0))
          .value(p.billed.cents())
          .value(p.paid.cents())
          .value(p.patient_responsibility.cents());
      bind_adjustment_totals(insert, p.adjustments);
      insert.value(join_codes(p.reason_codes)).value(join_codes(p.remark_codes));
      auto& cas = statements_->cas;
      cas.clear();
      encode_adjustments(p.cas, cas);
      insert.value(std::string_view(cas)).value(p.crossover_payer);
    }
    insert.flush();
    insert.on_returned({});
  }
  for (std::size_t i = 0; i < postings.size() && !ids_drawn; ++i) {
    const auto it = id_by_sequence.find(postings[i].sequence);
    if (it == id_by_sequence.end())
      throw LedgerError(
          fmt::format("claim payment {} of remittance {} was not stored", postings[i].sequence, remittance_id));
    ids[i] = it->second;
  }
  auto& lines = statements_->line_payments;
  for (std::size_t i = 0; i < postings.size(); ++i) {
    for (const auto& l : postings[i].lines) {
      lines.row()
          .value(ids[i])
          .value(static_cast<std::int64_t>(l.line_number))
          .value(l.service_line_row != 0 ? std::optional<std::int64_t>(l.service_line_row) : std::nullopt)
          .value(l.line_control_number)
          .value(l.procedure.code)
          .value(modifiers_text(l.procedure.modifiers))
          .value(iso_or_empty(l.service_date))
          .value(l.billed.cents())
          .value(l.paid.cents())
          .value(l.allowed ? std::optional<std::int64_t>(l.allowed->cents()) : std::nullopt);
      bind_adjustment_totals(lines, l.adjustments);
      lines.value(join_codes(l.reason_codes)).value(join_codes(l.remark_codes));
      auto& cas = statements_->cas;
      cas.clear();
      encode_adjustments(l.cas, cas);
      lines.value(std::string_view(cas));
      // SVC05 absent means 1: stored only when it says something else (most lines pay one unit).
      if (l.paid_units && !(*l.paid_units == model::Decimal::from_integer(1))) lines.value(l.paid_units->to_string());
      else lines.null();
    }
  }
  lines.flush();
  return ids;
}

void PostingStore::insert_provider_adjustments(std::int64_t remittance_id,
                                               std::span<const model::ProviderAdjustment> adjustments) {
  if (adjustments.empty()) return;
  auto& insert = statements_->provider_adjustments;
  std::int64_t sequence = 0;
  for (const auto& a : adjustments) {
    insert.row()
        .value(remittance_id)
        .value(++sequence)
        .value(a.provider_id)
        .value(iso_or_empty(a.fiscal_period_end))
        .value(a.reason.view())
        .value(a.reference)
        .value(a.amount.cents());
  }
  insert.flush();
}

void PostingStore::insert_findings(std::int64_t remittance_id, const model::PostingPlan& plan,
                                   std::span<const std::int64_t> posting_ids) {
  const auto& findings = plan.findings;
  if (findings.empty()) return;
  const std::string& now = plan.at;
  auto& insert = statements_->findings;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    const std::int64_t payment =
        i < plan.finding_postings.size() ? model::resolve_posting_id(plan.finding_postings[i], posting_ids) : 0;
    std::string carc, rarc;
    for (const auto& c : f.carc) carc += (carc.empty() ? "" : ",") + c;
    for (const auto& r : f.rarc) rarc += (rarc.empty() ? "" : ",") + r;
    insert.row()
        .value(remittance_id)
        .value(payment != 0 ? std::optional<std::int64_t>(payment) : std::nullopt)
        .value(f.rule)
        .value(f.category)
        .value(model::to_string(f.severity))
        .value(f.claim_id)
        .value(static_cast<std::int64_t>(f.line_number))
        .value(f.line_control_number)
        .value(f.payer_id)
        .value(f.trace_number)
        .value(carc)
        .value(rarc)
        .value(f.amount.cents())
        .value(f.message)
        .value(f.action)
        .value(f.location.to_string())
        .value(now);
  }
  insert.flush();
}

void PostingStore::link_reversals(std::span<const std::pair<std::int64_t, std::int64_t>> reversal_to_original) {
  if (reversal_to_original.empty()) return;
  std::vector<std::pair<std::int64_t, std::int64_t>> reverses(reversal_to_original.begin(), reversal_to_original.end());
  std::vector<std::pair<std::int64_t, std::int64_t>> reversed_by;
  for (const auto& [reversal, original] : reversal_to_original) reversed_by.emplace_back(original, reversal);
  statements_->reverses.run(std::move(reverses));
  statements_->reversed_by.run(std::move(reversed_by));
}

void PostingStore::update_claim_statuses(std::span<const std::pair<std::int64_t, model::ClaimStatus>> statuses) {
  if (statuses.empty()) return;
  std::vector<std::pair<std::int64_t, std::string_view>> pairs;
  pairs.reserve(statuses.size());
  for (const auto& [row, status] : statuses) pairs.emplace_back(row, model::to_string(status));
  statements_->claim_status.run(std::move(pairs));
}

std::uint64_t PostingStore::count_remittances() {
  return static_cast<std::uint64_t>(c_.prepare("SELECT COUNT(*) FROM remittances")->single_int().value_or(0));
}

std::uint64_t PostingStore::count_claim_payments() {
  return static_cast<std::uint64_t>(c_.prepare("SELECT COUNT(*) FROM claim_payments")->single_int().value_or(0));
}

std::uint64_t PostingStore::count_line_payments() {
  return static_cast<std::uint64_t>(c_.prepare("SELECT COUNT(*) FROM line_payments")->single_int().value_or(0));
}

std::string PostingStore::claim_status(std::string_view payer_id, std::string_view claim_id) {
  auto q = c_.prepare("SELECT status FROM claims WHERE payer_id = ? AND claim_id = ? ORDER BY id DESC LIMIT 1");
  q->bind(1, payer_id).bind(2, claim_id);
  std::string out;
  if (q->step()) out = q->column_text(0);
  q->reset();
  return out;
}

}  // namespace clearhouse::ledger
