#include "engine/cli/command.hpp"

namespace clearhouse::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {kSubmitCommand, kParseCommand,   kValidateCommand,
                                                 kPostCommand,   kIntakeCommand,  kAckCommand,
                                                 kStatusInquiryCommand, kSecondaryCommand, kPatientPaymentsCommand,
                                                 kStatementsCommand, kWorklistCommand, kReportCommand};
  return kCommands;
}

}  // namespace clearhouse::cli
