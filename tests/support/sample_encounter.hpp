#pragma once
// A valid encounter as JSON (one line of submit input), for tests that change one field at a
// time and expect exactly one edit to fire.

#include <string>

namespace clearhouse::testing {

inline std::string sample_encounter_json() {
  return R"({"claim_id":"T1001","frequency_code":"1","place_of_service":"11","total_charge":"165.00",)"
         R"("payer":{"name":"ACME HEALTH PLAN","id":"60054","claim_filing_indicator":"CI"},)"
         R"("billing_provider":{"name":"SUMMIT FAMILY MEDICINE","npi":"1234567893","tax_id":"123456789","taxonomy":"207Q00000X",)"
         R"("address":{"line1":"100 MAIN ST","city":"SPRINGFIELD","state":"IL","zip":"627041234"}},)"
         R"("rendering_provider":{"last":"CARTER","first":"ANNA","npi":"1987654328","taxonomy":"207Q00000X"},)"
         R"("subscriber":{"last":"MILLER","first":"ROBERT","middle":"J","dob":"1968-03-14","gender":"M","member_id":"ACM100200301",)"
         R"("address":{"line1":"12 OAK AVE","city":"SPRINGFIELD","state":"IL","zip":"62704"},"group_number":"GRP1001","payer_responsibility":"P"},)"
         R"("patient":{"relationship":"18"},"diagnoses":["E11.9","I10"],"prior_authorization":null,)"
         R"("service_lines":[{"line":1,"procedure_code":"99213","modifiers":["25"],"units":1,"unit_code":"UN","charge":"140.00","date":"2024-05-06","place_of_service":"11","diagnosis_pointers":[1,2],"line_control_number":"T1001-1"},)"
         R"({"line":2,"procedure_code":"36415","modifiers":[],"units":1,"unit_code":"UN","charge":"25.00","date":"2024-05-06","diagnosis_pointers":[1],"line_control_number":"T1001-2"}]})";
}

}  // namespace clearhouse::testing
