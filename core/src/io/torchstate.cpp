#include "torchstate.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace clipflow::detail {

namespace {

// LibTorch 1.13 keys optimiser state by the parameter's TensorImpl address, as text.
std::string state_key(const torch::Tensor& p)
{
    return c10::guts::to_string(p.unsafeGetTensorImpl());
}

} // namespace

TensorData tensor_data(const std::string& name, const torch::Tensor& t)
{
    const torch::Tensor c = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    return TensorData::from_floats(name, c.sizes().vec(),
                                   std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel()));
}

std::vector<TensorData> module_tensors(torch::nn::Module& module, const std::string& prefix)
{
    std::vector<TensorData> tensors;
    for (const auto& p : module.named_parameters()) tensors.push_back(tensor_data(prefix + p.key(), p.value()));
    for (const auto& b : module.named_buffers()) tensors.push_back(tensor_data(prefix + b.key(), b.value()));
    return tensors;
}

Status read_module_tensors(const SafetensorsFile& file, torch::nn::Module& module, const std::string& prefix)
{
    torch::NoGradGuard guard;
    auto copy_into = [&](const std::string& name, torch::Tensor target) -> Status {
        const TensorView* t = file.find(prefix + name);
        if (!t) return {ErrorCode::CorruptData, "tensor '" + prefix + name + "' is missing"};
        if (t->shape != target.sizes().vec())
            return {ErrorCode::CorruptData, "tensor '" + prefix + name + "' has the wrong shape (a different model?)"};
        auto values = t->to_float();
        if (!values) return values.status();
        target.copy_(torch::from_blob(values->data(), target.sizes(), torch::kFloat32).to(target.device()));
        return {};
    };
    for (auto& q : module.named_parameters())
        if (Status s = copy_into(q.key(), q.value()); !s.ok()) return s;
    for (auto& b : module.named_buffers())
        if (Status s = copy_into(b.key(), b.value()); !s.ok()) return s;
    return {};
}

std::string adam_state(torch::optim::Adam& opt, const std::vector<torch::Tensor>& params, std::vector<TensorData>& out)
{
    nlohmann::json steps = nlohmann::json::array();
    for (std::size_t i = 0; i < params.size(); ++i) {
        auto it = opt.state().find(state_key(params[i]));
        if (it == opt.state().end()) {
            steps.push_back(0);
            continue;
        }
        auto& st = static_cast<torch::optim::AdamParamState&>(*it->second);
        out.push_back(tensor_data("adam." + std::to_string(i) + ".exp_avg", st.exp_avg()));
        out.push_back(tensor_data("adam." + std::to_string(i) + ".exp_avg_sq", st.exp_avg_sq()));
        steps.push_back(st.step());
    }
    return steps.dump();
}

Status restore_adam_state(const SafetensorsFile& file, const std::string& steps_json, torch::optim::Adam& opt,
                          const std::vector<torch::Tensor>& params, torch::Device device)
{
    nlohmann::json steps;
    try {
        steps = nlohmann::json::parse(steps_json);
    } catch (const nlohmann::json::exception& e) {
        return Status(ErrorCode::CorruptData, std::string("optimiser state is damaged: ") + e.what());
    }
    torch::NoGradGuard guard;
    auto fetch = [&](const std::string& name, const torch::Tensor& like) -> std::optional<torch::Tensor> {
        const TensorView* t = file.find(name);
        if (!t || t->shape != like.sizes().vec()) return std::nullopt;
        auto v = t->to_float();
        if (!v) return std::nullopt;
        return torch::from_blob(v->data(), like.sizes(), torch::kFloat32).clone().to(device);
    };
    if (!steps.is_array() || steps.size() != params.size())
        return Status(ErrorCode::CorruptData, "checkpoint optimiser state does not match the model");
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (!steps[i].is_number_integer()) return Status(ErrorCode::CorruptData, "checkpoint optimiser steps are damaged");
        const auto step = steps[i].get<int64_t>();
        if (step == 0) continue;
        auto m = fetch("adam." + std::to_string(i) + ".exp_avg", params[i]);
        auto v = fetch("adam." + std::to_string(i) + ".exp_avg_sq", params[i]);
        if (!m || !v) return Status(ErrorCode::CorruptData, "checkpoint optimiser moments are missing");
        auto st = std::make_unique<torch::optim::AdamParamState>();
        st->step(step);
        st->exp_avg(*m);
        st->exp_avg_sq(*v);
        opt.state()[state_key(params[i])] = std::move(st);
    }
    return {};
}

} // namespace clipflow::detail
