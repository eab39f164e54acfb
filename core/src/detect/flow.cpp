#include "clipflow/flow.h"

#include "clipflow/safetensors.h"
#include "flownet.h"
#include "io/torchstate.h"
#include "support/jsoninteger.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <numbers>

namespace clipflow {
namespace detail {

using torch::Tensor;

constexpr double kFeatureLimit = 1e4; // |x| beyond this is clipped
constexpr double kScoreFloor = -1e6;  // nats per dimension

Tensor sanitize(const Tensor& x)
{
    return torch::nan_to_num(x.to(torch::kFloat32), 0.0, kFeatureLimit, -kFeatureLimit).clamp(-kFeatureLimit, kFeatureLimit);
}

Tensor floored_spread(const Tensor& spread)
{
    return torch::maximum(spread, (spread.mean() * 1e-2).clamp_min(1e-6));
}

ActNormImpl::ActNormImpl(int64_t dim)
{
    loc = register_parameter("loc", torch::zeros({dim}));
    logs = register_parameter("logs", torch::zeros({dim}));
}

std::pair<Tensor, Tensor> ActNormImpl::forward(const Tensor& x)
{
    const Tensor s = logs.clamp(-15, 15);
    return {(x + loc) * torch::exp(s), s.sum().expand({x.size(0)})};
}

Tensor ActNormImpl::inverse(const Tensor& y)
{
    return y * torch::exp(-logs.clamp(-15, 15)) - loc;
}

void ActNormImpl::initialize(const Tensor& x)
{
    torch::NoGradGuard guard;
    const Tensor mean = x.mean(0), std = x.std(0, false);
    loc.copy_(-mean);
    logs.copy_(-torch::log(floored_spread(std)));
}

InvertibleLinearImpl::InvertibleLinearImpl(int64_t dim, torch::Generator& gen)
{
    // A random rotation, factorised once: W = P L U.
    const Tensor q = std::get<0>(torch::linalg_qr(torch::randn({dim, dim}, gen)));
    auto [p, l, u] = torch::linalg_lu(q);
    const Tensor diag = u.diagonal();
    perm = register_buffer("perm", p);
    sign = register_buffer("sign", torch::sign(diag));
    log_s = register_parameter("log_s", torch::log(diag.abs()));
    lower = register_parameter("lower", l.tril(-1));
    upper = register_parameter("upper", u.triu(1));
}

Tensor InvertibleLinearImpl::weight() const
{
    const auto dim = perm.size(0);
    const Tensor eye = torch::eye(dim, perm.options());
    const Tensor l = lower.tril(-1) + eye;
    const Tensor u = upper.triu(1) + torch::diag(sign * torch::exp(log_s.clamp(-15, 15)));
    // P is a permutation: gather rows instead of a third dense product. The
    // index is derived here (O(d^2)), so it follows loads and device moves.
    return l.matmul(u).index_select(0, perm.argmax(1));
}

std::pair<Tensor, Tensor> InvertibleLinearImpl::forward(const Tensor& x)
{
    return {x.matmul(weight().t()), log_s.clamp(-15, 15).sum().expand({x.size(0)})};
}

Tensor InvertibleLinearImpl::inverse(const Tensor& y)
{
    return y.matmul(torch::linalg_inv(weight()).t());
}

AffineCouplingImpl::AffineCouplingImpl(int64_t dim, int64_t hidden, int layers, float c, bool f, torch::Generator& gen)
    : da(dim / 2), db(dim - dim / 2), clamp(c), flip(f)
{
    if (flip) std::swap(da, db);
    torch::NoGradGuard guard;
    net = torch::nn::Sequential();
    int64_t in = da;
    for (int i = 0; i < layers; ++i) {
        torch::nn::Linear layer(in, hidden);
        // Seeded from the flow's own generator, not torch's global one.
        const double bound = 1.0 / std::sqrt(double(in));
        layer->weight.uniform_(-bound, bound, gen);
        layer->bias.uniform_(-bound, bound, gen);
        net->push_back(layer);
        net->push_back(torch::nn::ReLU());
        in = hidden;
    }
    torch::nn::Linear last(in, 2 * db);
    // Zero-initialised output: every coupling starts as the identity (Glow).
    last->weight.zero_();
    last->bias.zero_();
    net->push_back(last);
    register_module("net", net);
}

std::pair<Tensor, Tensor> AffineCouplingImpl::split(const Tensor& x) const
{
    return {x.narrow(1, 0, da), x.narrow(1, da, db)};
}

Tensor AffineCouplingImpl::join(const Tensor& a, const Tensor& b) const
{
    return torch::cat({a, b}, 1);
}

std::pair<Tensor, Tensor> AffineCouplingImpl::scale_shift(const Tensor& a)
{
    const auto h = net->forward(a).chunk(2, 1);
    return {clamp * torch::tanh(h[0] / clamp), h[1]};
}

std::pair<Tensor, Tensor> AffineCouplingImpl::forward(const Tensor& x)
{
    auto [a, b] = split(x);
    auto [s, t] = scale_shift(a);
    return {join(a, b * torch::exp(s) + t), s.sum(1)};
}

Tensor AffineCouplingImpl::inverse(const Tensor& y)
{
    auto [a, b] = split(y);
    auto [s, t] = scale_shift(a);
    return join(a, (b - t) * torch::exp(-s));
}

FlowNetImpl::FlowNetImpl(const FlowParams& p) : params(p)
{
    torch::Generator gen = at::detail::createCPUGenerator(p.seed);
    for (int k = 0; k < p.steps; ++k) {
        norms.push_back(register_module("norm" + std::to_string(k), ActNorm(p.dim)));
        linears.push_back(register_module("linear" + std::to_string(k), InvertibleLinear(p.dim, gen)));
        couplings.push_back(register_module("coupling" + std::to_string(k),
                                            AffineCoupling(p.dim, p.hidden, p.hidden_layers, p.scale_clamp, k % 2 == 1, gen)));
    }
}

std::pair<Tensor, Tensor> FlowNetImpl::forward(Tensor x)
{
    Tensor logdet = torch::zeros({x.size(0)}, x.options());
    auto apply = [&](std::pair<Tensor, Tensor> r) {
        x = r.first;
        logdet = logdet + r.second;
    };
    for (std::size_t k = 0; k < norms.size(); ++k) {
        apply(norms[k]->forward(x));
        apply(linears[k]->forward(x));
        apply(couplings[k]->forward(x));
    }
    return {x, logdet};
}

Tensor FlowNetImpl::inverse(Tensor z)
{
    for (std::size_t k = norms.size(); k-- > 0;) {
        z = couplings[k]->inverse(z);
        z = linears[k]->inverse(z);
        z = norms[k]->inverse(z);
    }
    return z;
}

Tensor FlowNetImpl::log_likelihood(const Tensor& x)
{
    auto [z, logdet] = forward(sanitize(x));
    const double log2pi = std::log(2.0 * std::numbers::pi);
    const Tensor logp = -0.5 * (z.square() + log2pi).sum(1) + logdet;
    const Tensor per_dim = logp / double(params.dim);
    return torch::nan_to_num(per_dim, kScoreFloor, kScoreFloor, kScoreFloor).clamp(kScoreFloor, 1e6);
}

void FlowNetImpl::initialize(Tensor x)
{
    torch::NoGradGuard guard;
    x = sanitize(x);
    for (std::size_t k = 0; k < norms.size(); ++k) {
        norms[k]->initialize(x);
        x = norms[k]->forward(x).first;
        x = linears[k]->forward(x).first;
        x = couplings[k]->forward(x).first;
    }
}

std::vector<TensorData> flow_tensors(FlowNet& net)
{
    return module_tensors(*net, "flow.");
}

std::string flow_params_json(const FlowParams& p)
{
    return nlohmann::json{{"dim", p.dim},
                          {"steps", p.steps},
                          {"hidden", p.hidden},
                          {"hidden_layers", p.hidden_layers},
                          {"scale_clamp", p.scale_clamp}}
        .dump();
}

Status read_flow_tensors(const SafetensorsFile& file, FlowNet& net, const std::string& prefix)
{
    return read_module_tensors(file, *net, prefix);
}

} // namespace detail

namespace {

Status check_params(const FlowParams& p)
{
    if (p.dim < 2 || p.dim > 65536) return {ErrorCode::InvalidArgument, "flow dimension must be 2..65536"};
    if (p.steps < 1 || p.steps > 256) return {ErrorCode::InvalidArgument, "flow steps must be 1..256"};
    if (p.hidden < 1 || p.hidden > 65536 || p.hidden_layers < 1 || p.hidden_layers > 16)
        return {ErrorCode::InvalidArgument, "coupling network size out of range"};
    if (!(p.scale_clamp > 0 && p.scale_clamp <= 20)) return {ErrorCode::InvalidArgument, "scale clamp must be in (0, 20]"};
    return {};
}

template <typename F> auto guarded(F&& f) -> decltype(f())
{
    try {
        return f();
    } catch (const c10::Error& e) {
        return Status(ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::Internal, "out of memory in the flow");
    }
}

Status check_rows(const std::vector<float>& x, int n, int dim)
{
    if (n < 0 || x.size() != static_cast<std::size_t>(n) * static_cast<std::size_t>(dim))
        return {ErrorCode::InvalidArgument, "expected n x " + std::to_string(dim) + " values"};
    return {};
}

torch::Tensor rows(const std::vector<float>& x, int n, int dim)
{
    return torch::from_blob(const_cast<float*>(x.data()), {n, dim}, torch::kFloat32);
}

std::vector<float> to_vector(const torch::Tensor& t)
{
    const torch::Tensor c = t.to(torch::kCPU, torch::kFloat32).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

} // namespace

NormalizingFlow::NormalizingFlow() : impl_(std::make_unique<Impl>()) {}
NormalizingFlow::NormalizingFlow(NormalizingFlow&&) noexcept = default;
NormalizingFlow& NormalizingFlow::operator=(NormalizingFlow&&) noexcept = default;
NormalizingFlow::~NormalizingFlow() = default;
const FlowParams& NormalizingFlow::params() const
{
    return impl_->net->params;
}

std::int64_t NormalizingFlow::parameter_count() const
{
    std::int64_t n = 0;
    for (const auto& p : impl_->net->parameters()) n += p.numel();
    return n;
}

Result<NormalizingFlow> NormalizingFlow::create(const FlowParams& params)
{
    if (Status s = check_params(params); !s.ok()) return s;
    return guarded([&]() -> Result<NormalizingFlow> {
        NormalizingFlow flow;
        flow.impl_->net = detail::FlowNet(params);
        flow.impl_->net->eval();
        return flow;
    });
}

Result<std::vector<float>> NormalizingFlow::log_likelihood(const std::vector<float>& x, int n) const
{
    const int dim = params().dim;
    if (Status s = check_rows(x, n, dim); !s.ok()) return s;
    return guarded([&]() -> Result<std::vector<float>> {
        torch::InferenceMode guard;
        return to_vector(impl_->net->log_likelihood(rows(x, n, dim)));
    });
}

Result<std::vector<float>> NormalizingFlow::forward(const std::vector<float>& x, int n) const
{
    const int dim = params().dim;
    if (Status s = check_rows(x, n, dim); !s.ok()) return s;
    return guarded([&]() -> Result<std::vector<float>> {
        torch::InferenceMode guard;
        return to_vector(impl_->net->forward(detail::sanitize(rows(x, n, dim))).first);
    });
}

Result<std::vector<float>> NormalizingFlow::inverse(const std::vector<float>& z, int n) const
{
    const int dim = params().dim;
    if (Status s = check_rows(z, n, dim); !s.ok()) return s;
    return guarded([&]() -> Result<std::vector<float>> {
        torch::InferenceMode guard;
        return to_vector(impl_->net->inverse(rows(z, n, dim)));
    });
}

Status NormalizingFlow::initialize(const std::vector<float>& x, int n)
{
    const int dim = params().dim;
    if (n < 2 || x.size() != static_cast<std::size_t>(n) * static_cast<std::size_t>(dim))
        return {ErrorCode::InvalidArgument, "initialisation needs at least 2 rows of " + std::to_string(dim) + " features"};
    try {
        impl_->net->initialize(rows(x, n, dim).clone());
        return {};
    } catch (const c10::Error& e) {
        return {ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace()};
    }
}

Status NormalizingFlow::randomize(float scale, std::uint64_t seed)
{
    try {
        torch::NoGradGuard guard;
        torch::Generator gen = at::detail::createCPUGenerator(seed);
        for (auto& p : impl_->net->parameters()) p.add_(torch::randn(p.sizes(), gen) * scale);
        return {};
    } catch (const c10::Error& e) {
        return {ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace()};
    }
}

Status NormalizingFlow::save(const std::string& path, const std::map<std::string, std::string>& metadata) const
{
    try {
        auto meta = metadata;
        meta["clipflow.flow"] = detail::flow_params_json(params());
        return write_safetensors(path, detail::flow_tensors(impl_->net), meta);
    } catch (const c10::Error& e) {
        return {ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace()};
    }
}

Result<NormalizingFlow> NormalizingFlow::load(const std::string& path, const std::string& part)
{
    auto file = SafetensorsFile::open(path);
    if (!file) return file.status();
    const std::string key = part.empty() ? "clipflow.flow" : "clipflow.flow." + part;
    auto it = file->metadata().find(key);
    if (it == file->metadata().end())
        return Status(ErrorCode::InvalidArgument, path + " holds no ClipFlow flow (no " + key + " metadata)");
    FlowParams p;
    try {
        const auto j = nlohmann::json::parse(it->second);
        p.dim = detail::json_integer_at<int>(j, "dim");
        p.steps = detail::json_integer_at<int>(j, "steps");
        p.hidden = detail::json_integer_at<int>(j, "hidden");
        p.hidden_layers = detail::json_integer_at<int>(j, "hidden_layers");
        p.scale_clamp = j.at("scale_clamp").get<float>();
    } catch (const std::exception& e) {
        return Status(ErrorCode::CorruptData, "flow metadata is damaged: " + std::string(e.what()));
    }
    auto flow = create(p);
    if (!flow) return flow.status();
    return guarded([&]() -> Result<NormalizingFlow> {
        const std::string prefix = part.empty() ? "flow." : part + ".flow.";
        if (Status s = detail::read_flow_tensors(file.value(), flow->impl_->net, prefix); !s.ok()) return s;
        return std::move(flow.value());
    });
}

} // namespace clipflow
