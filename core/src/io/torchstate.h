#pragma once
// Module weights and Adam state <-> safetensors (internal to core; includes
// torch). Shared by the flow, its trainer and the supervised head, so every
// checkpoint resumes exactly.

#include "clipflow/safetensors.h"
#include "clipflow/status.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace clipflow::detail {

TensorData tensor_data(const std::string& name, const torch::Tensor& t);
// prefix + name for every parameter and buffer of the module.
std::vector<TensorData> module_tensors(torch::nn::Module& module, const std::string& prefix);
// Copies them back, checking names and shapes.
Status read_module_tensors(const SafetensorsFile& file, torch::nn::Module& module, const std::string& prefix);

// Adam's moments as "adam.<i>.exp_avg|exp_avg_sq" tensors; returns the step counts as JSON.
std::string adam_state(torch::optim::Adam& opt, const std::vector<torch::Tensor>& params, std::vector<TensorData>& out);
Status restore_adam_state(const SafetensorsFile& file, const std::string& steps_json, torch::optim::Adam& opt,
                          const std::vector<torch::Tensor>& params, torch::Device device);

} // namespace clipflow::detail
