#pragma once
// The route handlers: (request, engine) -> response, one family per file. Each validates its
// input (RequestError for 400/404/409/415/422), calls the engine, and renders JSON.

#include <cstdint>

#include "engine/ledger/ledger.hpp"
#include "engine/service/http_message.hpp"

namespace clearhouse::service {

class ServiceContext;

// system_routes.cpp: the page and health.
Response handle_page(Request& req, ServiceContext& ctx);
Response handle_asset(Request& req, ServiceContext& ctx);
Response handle_healthz(Request& req, ServiceContext& ctx);
Response handle_metrics(Request& req, ServiceContext& ctx);

// claim_routes.cpp: submission and claims.
Response handle_submit_claims(Request& req, ServiceContext& ctx);
Response handle_get_batch(Request& req, ServiceContext& ctx);
Response handle_get_claim(Request& req, ServiceContext& ctx);

// remittance_routes.cpp
Response handle_post_remittance(Request& req, ServiceContext& ctx);

// claim_status_routes.cpp: 277CA / 277 claim statuses (POST /v1/remittances hands 277s there too).
class UploadFile;
Response handle_post_claim_statuses(Request& req, ServiceContext& ctx);
Response post_claim_status_upload(UploadFile& upload, ServiceContext& ctx);
Response handle_post_status_inquiries(Request& req, ServiceContext& ctx);
Response handle_post_secondary(Request& req, ServiceContext& ctx);
Response handle_get_secondary_due(Request& req, ServiceContext& ctx);

// patient_routes.cpp: patient payments, statements, the patients view.
Response handle_post_patient_payments(Request& req, ServiceContext& ctx);
Response handle_get_statements(Request& req, ServiceContext& ctx);
Response handle_get_patients(Request& req, ServiceContext& ctx);

// validate_routes.cpp
Response handle_validate(Request& req, ServiceContext& ctx);

// worklist_routes.cpp: the worklist, its actions and the report.
Response handle_get_worklist(Request& req, ServiceContext& ctx);
Response handle_resolve(Request& req, ServiceContext& ctx);
Response handle_assign(Request& req, ServiceContext& ctx);
Response handle_get_report(Request& req, ServiceContext& ctx);
// Open worklist items in the ledger, for /metrics; -1 when the worklist is not available.
std::int64_t open_worklist_items(ledger::Ledger& ledger);

}  // namespace clearhouse::service
