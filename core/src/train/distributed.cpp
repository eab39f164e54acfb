#include "clipflow/distributed.h"

#include <cerrno>
#include <cstdlib>

namespace clipflow {

namespace {

// nullopt when unset; an error when set but not a whole number.
Result<std::optional<long>> env_integer(const char* name)
{
    const char* v = std::getenv(name);
    if (!v || !*v) return std::optional<long>{};
    char* end = nullptr;
    errno = 0;
    const long x = std::strtol(v, &end, 10);
    if (errno || *end) return Status(ErrorCode::InvalidArgument, std::string(name) + "=\"" + v + "\" is not a whole number");
    return std::optional<long>{x};
}

} // namespace

Status validate(const DistributedParams& p)
{
    if (p.world_size < 1 || p.rank < 0 || p.rank >= p.world_size)
        return {ErrorCode::InvalidArgument, "rank " + std::to_string(p.rank) + " of world size " + std::to_string(p.world_size) +
                                                ": need 0 <= rank < world size"};
    if (p.master_port < 1 || p.master_port > 65535)
        return {ErrorCode::InvalidArgument, "master port " + std::to_string(p.master_port) + " is not 1-65535"};
    if (p.master_addr.empty()) return {ErrorCode::InvalidArgument, "no master address"};
    if (!(p.timeout_s > 0)) return {ErrorCode::InvalidArgument, "the distributed timeout must be positive"};
    return {};
}

Result<DistributedParams> distributed_from_environment(const DistributedParams& given)
{
    const DistributedParams defaults;
    DistributedParams p = given;
    auto rank = env_integer("RANK"), world = env_integer("WORLD_SIZE"), port = env_integer("MASTER_PORT");
    for (const auto* r : {&rank, &world, &port})
        if (!*r) return r->status();
    if (given.rank == defaults.rank && rank->has_value()) p.rank = static_cast<int>(**rank);
    if (given.world_size == defaults.world_size && world->has_value()) p.world_size = static_cast<int>(**world);
    if (given.master_port == defaults.master_port && port->has_value()) {
        if (**port < 1 || **port > 65535) return Status(ErrorCode::InvalidArgument, "MASTER_PORT is not 1-65535");
        p.master_port = static_cast<int>(**port);
    }
    if (const char* a = std::getenv("MASTER_ADDR"); a && *a && given.master_addr == defaults.master_addr) p.master_addr = a;
    if (Status s = validate(p); !s.ok()) return s;
    return p;
}

} // namespace clipflow
