// POST /v1/remittances: an 835 body -> the posting result.
#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"

namespace clearhouse::service {

Response handle_post_remittance(Request&, ServiceContext&) {
  return error_response(501, "not_implemented", "remittance posting is not available in this build yet");
}

}  // namespace clearhouse::service
