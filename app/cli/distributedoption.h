#pragma once
// --rank, --world-size, --master-addr, --master-port and --dist-timeout, the
// same for the three training commands, completed from torchrun's variables.

#include "optiontable.h"

#include <clipflow/distributed.h>

#include <string>

namespace clipflow::cli {

/// Adds the options, in their own section of --help, writing into `p`.
void add_distributed_options(OptionTable& table, DistributedParams& p);

/// After parsing: completes `p` from RANK, WORLD_SIZE, MASTER_ADDR and
/// MASTER_PORT (options win); returns why it is unusable, or an empty string.
std::string resolve_distributed(DistributedParams& p);

/// "rank 1 of 4: " for a rank that does not write, else "".
std::string rank_prefix(const DistributedParams& p);

} // namespace clipflow::cli
