#include "distributedoption.h"

namespace clipflow::cli {

const char* const kDistributedHelp = R"(
Data-parallel training (several processes or machines; see docs/scale.md):
  --world-size N       processes in the job (default: $WORLD_SIZE, else 1)
  --rank R             this process, 0..N-1 (default: $RANK); rank 0 writes
  --master-addr HOST   where rank 0 listens (default: $MASTER_ADDR, 127.0.0.1)
  --master-port P      its port (default: $MASTER_PORT, 29500)
  --dist-timeout S     seconds to wait for the other ranks (default 1800)
  Every rank is given the same command; checkpoints must be on storage all
  ranks share for a resume.
)";

std::string read_distributed_options(Args& args, DistributedParams& p)
{
    const DistributedParams defaults;
    double rank = defaults.rank, world = defaults.world_size, port = defaults.master_port, timeout = defaults.timeout_s;
    const std::string bad = read_numbers(args, {{"--rank", &rank, 0, 65535},
                                                {"--world-size", &world, 1, 65536},
                                                {"--master-port", &port, 1, 65535},
                                                {"--dist-timeout", &timeout, 1, 7 * 86400}});
    if (!bad.empty()) return bad;
    if (auto addr = args.option("--master-addr")) p.master_addr = *addr;
    p.rank = static_cast<int>(rank);
    p.world_size = static_cast<int>(world);
    p.master_port = static_cast<int>(port);
    p.timeout_s = timeout;
    auto resolved = distributed_from_environment(p);
    if (!resolved) return resolved.status().message();
    p = *resolved;
    return {};
}

std::string rank_prefix(const DistributedParams& p)
{
    if (p.rank == 0) return {};
    return "rank " + std::to_string(p.rank) + " of " + std::to_string(p.world_size) + ": ";
}

} // namespace clipflow::cli
