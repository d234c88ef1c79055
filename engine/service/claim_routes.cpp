// POST /v1/claims (encounters -> 837P batches), GET /v1/batches/{id} (an 837 file),
// GET /v1/claims/{claim_id} (a claim with lines, postings, history, findings).
#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"

namespace clearhouse::service {

Response handle_submit_claims(Request&, ServiceContext&) {
  return error_response(501, "not_implemented", "claim submission is not available in this build yet");
}

Response handle_get_batch(Request&, ServiceContext&) {
  return error_response(501, "not_implemented", "batch download is not available in this build yet");
}

Response handle_get_claim(Request&, ServiceContext&) {
  return error_response(501, "not_implemented", "claim detail is not available in this build yet");
}

}  // namespace clearhouse::service
