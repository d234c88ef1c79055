#pragma once
// `clearhouse post --dry-run`: what posting each 835 transaction set would do, printed as it
// is planned. JSON (one document: {"dry_run":true,"sets":[...],"summary":{...}}) for machines,
// text (a few lines per set) for a biller's first look at an unfamiliar payer's file. Per set:
// the result (post, already_posted, not_posted), every CLP's match (the submitted claim, or
// unmatched), what it pays and the status it moves the claim to, the reversals (of which CLP of
// this set, or which payment by id: in the ledger, or written by an earlier set of the file;
// a dry run's ids are those its rolled-back transaction gave), what changes on the worklist (opened, updated, reopened,
// resolved, resolved_by_payment, refreshed: category, amount, rules), the posting's findings and
// what the rules found.

#include <cstdio>
#include <memory>

#include "engine/reconcile/remittance_file_posting.hpp"

namespace clearhouse::render {
class JsonWriter;
}

namespace clearhouse::cli {

class PostingPlanOutput {
 public:
  enum class Format { json, text };
  PostingPlanOutput(std::FILE* out, Format format);
  ~PostingPlanOutput();
  PostingPlanOutput(const PostingPlanOutput&) = delete;
  PostingPlanOutput& operator=(const PostingPlanOutput&) = delete;

  void set(const reconcile::SetOutcome& set);
  void finish(const reconcile::RemittanceFileTotals& totals);

 private:
  void json_set(const reconcile::SetOutcome& set);
  void text_set(const reconcile::SetOutcome& set);

  std::FILE* out_;
  Format format_;
  std::unique_ptr<render::JsonWriter> json_;
};

}  // namespace clearhouse::cli
