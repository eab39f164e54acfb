#pragma once
// --rank, --world-size, --master-addr, --master-port and --dist-timeout, the
// same for the three training commands, completed from torchrun's variables.

#include "optiontable.h"

#include <clipflow/distributed.h>

#include <string>

namespace clipflow::cli {

/// Adds the options, in their own section of --help, writing into `p`; after
/// parsing, the table completes `p` from RANK, WORLD_SIZE, MASTER_ADDR and
/// MASTER_PORT (options win) and reports values it cannot use.
void add_distributed_options(OptionTable& table, DistributedParams& p);

/// "rank 1 of 4: " for a rank that does not write, else "".
std::string rank_prefix(const DistributedParams& p);

} // namespace clipflow::cli
