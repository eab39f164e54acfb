#include "distributedoption.h"

namespace clipflow::cli {

void add_distributed_options(OptionTable& table, DistributedParams& p)
{
    table
        .section("Data-parallel training (several processes or machines; see docs/scale.md)",
                 "Every rank is given the same command; checkpoints must be on storage all ranks share for a resume.")
        .whole("--world-size", "N", p.world_size, 1, 65536, "processes in the job")
        .default_text("$WORLD_SIZE, else 1")
        .whole("--rank", "R", p.rank, 0, 65535, "this process, 0..N-1; rank 0 writes")
        .default_text("$RANK, else 0")
        .text("--master-addr", "HOST", p.master_addr, "where rank 0 listens")
        .default_text("$MASTER_ADDR, else " + p.master_addr)
        .whole("--master-port", "P", p.master_port, 1, 65535, "its port")
        .default_text("$MASTER_PORT, else " + std::to_string(p.master_port))
        .number("--dist-timeout", "S", p.timeout_s, 1, 7 * 86400, "seconds to wait for the other ranks")
        // After parsing: completed from RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT (options win).
        .check([&p]() -> std::string {
            auto resolved = distributed_from_environment(p);
            if (!resolved) return resolved.status().message();
            p = *resolved;
            return {};
        });
}

std::string rank_prefix(const DistributedParams& p)
{
    if (p.rank == 0) return {};
    return "rank " + std::to_string(p.rank) + " of " + std::to_string(p.world_size) + ": ";
}

} // namespace clipflow::cli
