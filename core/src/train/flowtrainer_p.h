#pragma once
// train_flow on ranks that are already connected (internal): the CLIP-Flow
// job connects once for its feature stage and its flow.

#include "clipflow/flowtrainer.h"

namespace clipflow::detail {

class Communicator;

Result<FlowTrainResult> train_flow_ranked(const std::vector<float>& natural, int n_natural, const std::vector<float>& proxies,
                                          int n_proxy, const FlowTrainParams& params, Communicator* comm);

} // namespace clipflow::detail
