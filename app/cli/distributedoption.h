#pragma once
// --rank, --world-size, --master-addr, --master-port and --dist-timeout, the
// same for the three training commands, completed from torchrun's variables.

#include "args.h"

#include <clipflow/distributed.h>

#include <string>

namespace clipflow::cli {

/// The options' lines for a command's --help.
extern const char* const kDistributedHelp;

/// Fills `p` from the options, then from RANK, WORLD_SIZE, MASTER_ADDR and
/// MASTER_PORT; returns why they are unusable, or an empty string.
std::string read_distributed_options(Args& args, DistributedParams& p);

/// "rank 1 of 4: " for a rank that does not write, else "".
std::string rank_prefix(const DistributedParams& p);

} // namespace clipflow::cli
