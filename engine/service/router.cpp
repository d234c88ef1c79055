#include "engine/service/router.hpp"

#include "engine/service/routes.hpp"

namespace clearhouse::service {
namespace {

// Both the template and the path split on '/'; "{name}" captures one segment.
bool match_template(std::string_view tmpl, std::string_view path,
                    std::vector<std::pair<std::string, std::string>>& params) {
  params.clear();
  while (true) {
    if (tmpl.empty() || path.empty()) return tmpl.empty() && path.empty();
    if (tmpl.front() != '/' || path.front() != '/') return false;
    tmpl.remove_prefix(1);
    path.remove_prefix(1);
    const auto te = tmpl.find('/');
    const auto pe = path.find('/');
    const std::string_view tseg = tmpl.substr(0, te), pseg = path.substr(0, pe);
    if (tseg.size() > 2 && tseg.front() == '{' && tseg.back() == '}') {
      if (pseg.empty()) return false;
      params.emplace_back(std::string(tseg.substr(1, tseg.size() - 2)), std::string(pseg));
    } else if (tseg != pseg) {
      return false;
    }
    tmpl = te == std::string_view::npos ? std::string_view{} : tmpl.substr(te);
    path = pe == std::string_view::npos ? std::string_view{} : path.substr(pe);
  }
}

constexpr std::string_view kUploadX12[] = {"application/edi-x12", "application/edi", "application/x12",
                                           "text/plain", "application/octet-stream"};

}  // namespace

const std::vector<Route>& routes() {
  static const std::vector<std::string_view> x12(std::begin(kUploadX12), std::end(kUploadX12));
  static const std::vector<std::string_view> jsonl = {"application/x-ndjson", "application/jsonl",
                                                      "application/json-lines", "application/json", "text/plain"};
  static const std::vector<std::string_view> json = {"application/json"};
  static const std::vector<std::string_view> csv = {"text/csv", "text/plain", "application/csv", "application/octet-stream"};
  static const std::vector<Route> kRoutes = {
      {"GET", "/", Permission::none, BodyKind::none, Pool::io, {}, handle_page},
      {"GET", "/assets/{name}", Permission::none, BodyKind::none, Pool::io, {}, handle_asset},
      {"GET", "/healthz", Permission::none, BodyKind::none, Pool::query, {}, handle_healthz},
      {"GET", "/metrics", Permission::none, BodyKind::none, Pool::query, {}, handle_metrics},
      {"POST", "/v1/claims", Permission::submit, BodyKind::upload, Pool::heavy, jsonl, handle_submit_claims},
      {"GET", "/v1/batches/{id}", Permission::submit, BodyKind::none, Pool::query, {}, handle_get_batch},
      {"POST", "/v1/remittances", Permission::submit, BodyKind::upload, Pool::heavy, x12, handle_post_remittance},
      {"POST", "/v1/claim-statuses", Permission::submit, BodyKind::upload, Pool::heavy, x12, handle_post_claim_statuses},
      {"POST", "/v1/status-inquiries", Permission::submit, BodyKind::json, Pool::heavy, json, handle_post_status_inquiries},
      {"POST", "/v1/secondary", Permission::submit, BodyKind::json, Pool::heavy, json, handle_post_secondary},
      {"GET", "/v1/secondary/due", Permission::read_worklist, BodyKind::none, Pool::query, {}, handle_get_secondary_due},
      {"POST", "/v1/patient-payments", Permission::submit, BodyKind::upload, Pool::heavy, csv, handle_post_patient_payments},
      {"GET", "/v1/statements", Permission::read_worklist, BodyKind::none, Pool::query, {}, handle_get_statements},
      {"GET", "/v1/patients", Permission::read_worklist, BodyKind::none, Pool::query, {}, handle_get_patients},
      {"POST", "/v1/validate", Permission::submit, BodyKind::upload, Pool::heavy, x12, handle_validate},
      {"GET", "/v1/claims/{claim_id}", Permission::read_worklist, BodyKind::none, Pool::query, {}, handle_get_claim},
      {"GET", "/v1/worklist", Permission::read_worklist, BodyKind::none, Pool::query, {}, handle_get_worklist},
      {"POST", "/v1/worklist/{claim_id}/resolve", Permission::work_worklist, BodyKind::json, Pool::query, json,
       handle_resolve},
      {"POST", "/v1/worklist/{claim_id}/assign", Permission::work_worklist, BodyKind::json, Pool::query, json,
       handle_assign},
      {"GET", "/v1/report", Permission::read_worklist, BodyKind::none, Pool::query, {}, handle_get_report},
  };
  return kRoutes;
}

RouteMatch match_route(std::string_view method, std::string_view path) {
  RouteMatch m;
  std::vector<std::pair<std::string, std::string>> params;
  for (const auto& r : routes()) {
    if (!match_template(r.path, path, params)) continue;
    m.path_known = true;
    m.allowed.push_back(r.method);
    if (r.method == method && m.route == nullptr) {
      m.route = &r;
      m.params = params;
    }
  }
  return m;
}

}  // namespace clearhouse::service
