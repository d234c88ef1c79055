#pragma once
// --jobs N: how many threads parse, validate and post read a large file on (default: the
// number of cores). The output is the same for every N.

#include "engine/command_line/args.hpp"

namespace clearhouse::command_line {

inline constexpr OptionSpec kJobsOption{
    .name = "jobs", .short_name = 'j', .value_name = "N",
    .description = "threads that read the file, split at transaction sets (default: the number of cores); the "
                   "output is the same for any N"};

// The value of --jobs (default_jobs when absent); a usage error unless 1..1024.
unsigned jobs_option(const Args& args, unsigned default_jobs);

}  // namespace clearhouse::command_line
