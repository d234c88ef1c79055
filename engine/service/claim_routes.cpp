// POST /v1/claims (encounters -> 837P batches), GET /v1/batches/{id} (an 837 file),
// GET /v1/claims/{claim_id} (a claim with lines, postings, history, findings).
#include <fmt/format.h>

#include <fstream>
#include <mutex>

#include "engine/service/claim_detail.hpp"
#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"
#include "engine/service/upload.hpp"
#include "engine/submit/submission_ledger.hpp"
#include "engine/submit/submit_report_json.hpp"
#include "engine/submit/submit_run.hpp"
#include "generators/render/json_writer.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::service {
namespace {

// Each line of rejections.jsonl is a JSON object written by the submit run: passed through.
void write_rejection_records(render::JsonWriter& json, const std::filesystem::path& file) {
  json.key("rejection_records").begin_array();
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line.front() == '{') json.raw(line);
  json.end_array();
}

void write_batch(render::JsonWriter& json, const ledger::BatchRecord& b) {
  json.begin_object();
  json.key("id").number(b.row_id);
  json.field("file", b.file_name);
  json.field("url", fmt::format("/v1/batches/{}", b.row_id));
  json.field("sender_id", b.sender_id);
  json.field("receiver_id", b.receiver_id);
  json.key("interchange_control_number").unsigned_number(b.interchange_control_number);
  json.key("transactions").unsigned_number(b.transaction_count);
  json.key("claims").unsigned_number(b.claim_count);
  json.key("lines").unsigned_number(b.line_count);
  json.field("billed", model::to_x12_amount(model::Money::from_cents(b.billed_cents)));
  json.key("bytes").unsigned_number(b.bytes);
  json.field("sha256", b.sha256);
  json.field("created_at", b.created_at);
  json.end_object();
}

}  // namespace

Response handle_submit_claims(Request& req, ServiceContext& ctx) {
  UploadFile upload(req, ctx);
  if (upload.size() == 0) throw RequestError(422, "empty_body", "the body is empty; send encounters as JSON Lines");

  submit::SubmitOptions options;
  options.input = upload.path().string();
  options.out_dir = ctx.settings().batch_dir;
  options.now = ctx.settings().now();
  options.production = ctx.settings().production;
  if (auto receiver = req.query_value("receiver"); receiver && !receiver->empty())
    options.receiver = model::Receiver{req.query_value("receiver_name").value_or(*receiver), *receiver};

  submit::SubmitReport report;
  std::vector<ledger::BatchRecord> batches;
  std::filesystem::path rejections;
  {
    // One run at a time owns the batch directory (interrupted-run recovery, renames, and the
    // rejections file are per directory).
    std::lock_guard lock(ctx.submit_mutex());
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    auto ledger = ctx.ledgers().acquire();
    submit::LedgerSubmission recorder(*ledger);
    report = submit::run_submit(options, recorder);
    for (const auto& file : report.files)
      if (auto b = ledger->find_batch_by_file(std::filesystem::path(file).filename().string())) batches.push_back(*b);
    rejections = report.rejections_file;
  }
  ctx.metrics().add_claims_submitted(report.claims);

  // Names, not server paths, in the answer.
  submit::SubmitReport shown = report;
  for (auto& f : shown.files) f = std::filesystem::path(f).filename().string();
  shown.rejections_file = rejections.empty() ? "" : rejections.filename().string();

  render::JsonWriter json;
  json.begin_object();
  submit::write_submit_report_fields(json, shown);
  json.key("batches").begin_array();
  for (const auto& b : batches) write_batch(json, b);
  json.end_array();
  write_rejection_records(json, rejections);
  json.end_object();
  json.newline();
  // Nothing at all could be submitted: the request as a whole is unprocessable (the records say why).
  const int status = report.submitted == 0 ? 422 : 200;
  return json_response(status, json.take());
}

Response handle_get_batch(Request& req, ServiceContext& ctx) {
  const std::string& id_text = req.param("id");
  char* end = nullptr;
  const long long id = std::strtoll(id_text.c_str(), &end, 10);
  if (id_text.empty() || *end != '\0' || id <= 0) throw RequestError(404, "not_found", "no such batch");
  std::optional<ledger::BatchRecord> batch;
  {
    auto ledger = ctx.ledgers().acquire();
    batch = ledger->find_batch(id);
  }
  if (!batch) throw RequestError(404, "not_found", "no such batch");
  const auto path = ctx.settings().batch_dir / batch->file_name;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw RequestError(410, "gone", "the batch is recorded but its file is not in the batch directory");
  Response r;
  r.content_type = "application/edi-x12";
  r.file = path;
  r.headers.push_back({"content-disposition", fmt::format("attachment; filename=\"{}\"", batch->file_name)});
  r.headers.push_back({"etag", fmt::format("\"{}\"", batch->sha256)});
  r.headers.push_back({"x-content-sha256", batch->sha256});
  return r;
}

Response handle_get_claim(Request& req, ServiceContext& ctx) {
  render::JsonWriter json;
  ClaimLookup found;
  {
    auto ledger = ctx.ledgers().acquire();
    found = write_claim_detail(*ledger, ctx.rules(), ctx.today(), req.param("claim_id"),
                               req.query_value("payer").value_or(""), json);
  }
  if (found == ClaimLookup::not_found) throw RequestError(404, "not_found", "no claim with this id in the ledger");
  if (found == ClaimLookup::ambiguous)
    throw RequestError(409, "ambiguous_claim", "this claim id was sent to several payers: give ?payer=");
  json.newline();
  return json_response(200, json.take());
}

}  // namespace clearhouse::service
