// GET /v1/worklist, POST /v1/worklist/{claim_id}/resolve|assign, GET /v1/report.
#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"

namespace clearhouse::service {

Response handle_get_worklist(Request&, ServiceContext&) {
  return error_response(501, "not_implemented", "the worklist is not available in this build yet");
}

Response handle_resolve(Request&, ServiceContext&) {
  return error_response(501, "not_implemented", "the worklist is not available in this build yet");
}

Response handle_assign(Request&, ServiceContext&) {
  return error_response(501, "not_implemented", "the worklist is not available in this build yet");
}

Response handle_get_report(Request&, ServiceContext&) {
  return error_response(501, "not_implemented", "the report is not available in this build yet");
}

std::int64_t open_worklist_items(ledger::Ledger&) { return -1; }

}  // namespace clearhouse::service
