#pragma once
// Who submits each claim and who receives it. Submitter: each field given on the command line
// overrides the encounter's, the encounter's fill in, then default_submitter() (its phone and
// email go together: a flag or encounter giving either replaces both). Receiver: --receiver
// for every claim (a clearinghouse), else the encounter's own "receiver", else the payer
// itself (its name and payer id). A receiver without a name is named by its id.

#include "engine/model/encounter.hpp"
#include "engine/submit/submit_options.hpp"

namespace clearhouse::submit {

void resolve_parties(model::Encounter& encounter, const SubmitOptions& options);

}  // namespace clearhouse::submit
