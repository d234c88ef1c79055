#pragma once
// The valid sample encounter with every supplemental field an 837P can carry for it: claim
// attachments, note, CLIA number and ambulance transport; a line with its own authorization,
// referral, attachment, note and drug; and an anesthesia line in minutes.

#include <string>

#include "tests/support/edit_helpers.hpp"
#include "tests/support/sample_encounter.hpp"

namespace clearhouse::testing {

inline std::string supplemented_encounter_json() {
  std::string json = sample_encounter_json();
  json = replaced(json, R"("prior_authorization":null,)",
                  R"("prior_authorization":null,"clia_number":"12d3456789",)"
                  R"("attachments":[{"report_type":"OZ","transmission":"FX","control_number":"ATT123"},{"report_type":"B3","transmission":"AA"}],)"
                  R"("note":{"code":"ADD","text":"PATIENT SEEN AFTER HOURS"},)"
                  R"("ambulance":{"patient_weight":180,"transport_reason":"A","distance":"12.5","stretcher_purpose":"PATIENT UNABLE TO SIT",)"
                  R"("certifications":[{"answer":true,"conditions":["01","04"]}],)"
                  R"("pick_up":{"address":{"line1":"12 OAK AVE","city":"SPRINGFIELD","state":"IL","zip":"62704"}},)"
                  R"("drop_off":{"name":"MERCY HOSPITAL","address":{"line1":"900 HOSPITAL DR","city":"SPRINGFIELD","state":"IL","zip":"627021234"}}},)");
  json = replaced(json, R"("line_control_number":"T1001-1"})",
                  R"("line_control_number":"T1001-1","prior_authorization":"PA-LINE-1","referral_number":"RF-LINE-1",)"
                  R"("attachments":[{"report_type":"09","transmission":"EL","control_number":"LINEATT1"}],)"
                  R"("note":{"code":"DCP","text":"FOLLOW UP IN TWO WEEKS"},)"
                  R"("drug":{"ndc":"00409-4872-02","quantity":"2","unit":"ML","prescription_number":"RX12345"}})");
  json = replaced(json, R"("procedure_code":"36415","modifiers":[],"units":1,"unit_code":"UN")",
                  R"("procedure_code":"00810","modifiers":[],"units":45,"unit_code":"MJ")");
  return json;
}

}  // namespace clearhouse::testing
