#include "engine/submit/submission_ledger.hpp"

namespace clearhouse::submit {

std::optional<std::string> LedgerSubmission::recorded_hash(std::string_view file_name) {
  auto q = ledger_.connection().prepare("SELECT sha256 FROM batches WHERE file_name = ? ORDER BY id DESC LIMIT 1");
  q->bind(1, file_name);
  std::optional<std::string> out;
  if (q->step()) out = q->column_text(0);
  q->reset();
  return out;
}

}  // namespace clearhouse::submit
