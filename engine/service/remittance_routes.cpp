// POST /v1/remittances: an 835 body -> posted to the ledger one transaction set at a time,
// with the rules pipeline and the worklist planned and written in each set's transaction,
// exactly as `clearhouse post` does (reconcile::RemittanceFilePosting). Answers the CLI's
// summary fields, what the worklist did, and the findings (bounded list, exact count).
#include <fmt/format.h>

#include "engine/ack/ack_file_posting.hpp"
#include "engine/ack/claim_status_file_posting.hpp"
#include "engine/ledger/session_settings.hpp"
#include "engine/reconcile/remittance_file_posting.hpp"
#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"
#include "engine/service/upload.hpp"
#include "engine/worklist/post_review.hpp"
#include "generators/render/finding_json.hpp"
#include "generators/render/json_writer.hpp"
#include "parsers/x12/input_source.hpp"

namespace clearhouse::service {
namespace {

constexpr std::size_t kFindingsListed = 1000;


}  // namespace

Response handle_post_remittance(Request& req, ServiceContext& ctx) {
  UploadFile upload(req, ctx);
  if (upload.size() == 0) throw RequestError(422, "empty_body", "the body is empty; send an 835 file");
  // A 277CA/277 is posted as `clearhouse post` posts it: through the claim status route.
  if (ack::is_claim_status_file(upload.path().string())) return post_claim_status_upload(upload, ctx);
  if (ack::is_acknowledgment_file(upload.path().string()))
    throw RequestError(422, "not_an_835", "this is a 999/TA1 acknowledgment, not an 835: post it with `clearhouse ack`");
  std::string error;
  auto source = x12::FileSource::open(upload.path().string(), error);
  if (!source) throw std::runtime_error("cannot reopen the spooled upload");

  std::vector<model::Finding> listed;
  std::uint64_t errors = 0;
  reconcile::RemittanceFileTotals totals;
  {
    auto ledger = ctx.ledgers().acquire();
    // Posting commits with synchronous=NORMAL (idempotent: see ledger/session_settings.hpp); the connection
    // goes back to FULL for whatever borrows it next.
    const ledger::RelaxedDurability relaxed(ledger->connection());
    worklist::PostReview review(*ledger, ctx.rules(), ctx.today());
    reconcile::RemittanceFilePosting posting(*ledger, *source, {"upload", &review, false, {}});
    auto listed_findings = [&](const std::vector<model::Finding>& findings) {
      for (const auto& f : findings) {
        if (f.is_error()) ++errors;
        if (listed.size() < kFindingsListed) listed.push_back(f);
      }
    };
    while (const auto* set = posting.next()) {
      listed_findings(set->file_findings);
      listed_findings(set->outcome.findings);
    }
    listed_findings(posting.final_findings());
    totals = posting.totals();
  }
  ctx.metrics().add_claims_posted(totals.posted);
  ctx.metrics().add_remittances_posted(totals.remittances - totals.already_posted - totals.not_posted);

  render::JsonWriter json;
  json.begin_object();
  reconcile::write_remittance_totals_fields(json, totals);
  reconcile::write_remittance_worklist_field(json, totals);
  json.field("status", totals.rejected ? "needs_attention" : "clean");
  json.key("error_findings").unsigned_number(errors);
  json.key("errors").begin_array();
  for (const auto& p : totals.problems) json.string(p);
  json.end_array();
  json.key("finding_list").begin_array();
  for (const auto& f : listed) render::write_finding(json, f);
  json.end_array();
  json.field("finding_list_truncated", totals.findings > listed.size());
  json.end_object();
  json.newline();
  // Not an 835 at all (no transaction set read): the request cannot be processed.
  return json_response(totals.remittances == 0 ? 422 : 200, json.take());
}

}  // namespace clearhouse::service
