#include "clipflow/featurecache.h"

#include "clipflow/safetensors.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

namespace clipflow {

namespace fs = std::filesystem;

std::string FeatureCache::default_dir()
{
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return (fs::path(x) / "clipflow" / "features").string();
    if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".cache" / "clipflow" / "features").string();
    return {};
}

std::string FeatureCache::path(const std::string& backbone, const std::string& sha256, const std::string& tag) const
{
    std::string slug;
    for (char c : backbone) slug += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' ? c : '_';
    return (fs::path(dir_) / slug / sha256.substr(0, 2) / (sha256 + "-" + tag + ".safetensors")).string();
}

std::optional<FeatureSet> FeatureCache::get(const std::string& backbone, const std::string& sha256, const std::string& tag) const
{
    if (!enabled() || sha256.size() < 2) return std::nullopt;
    auto file = SafetensorsFile::open(path(backbone, sha256, tag));
    if (!file) return std::nullopt;
    FeatureSet set;
    auto rows = [&](const char* name, std::vector<std::vector<float>>& out) {
        const TensorView* t = file->find(name);
        if (!t || t->shape.size() != 2) return t == nullptr && std::string(name) != "natural"; // the others are optional
        auto v = t->to_float();
        if (!v) return false;
        if (set.dim == 0) set.dim = static_cast<int>(t->shape[1]);
        if (t->shape[1] != set.dim) return false;
        for (std::int64_t r = 0; r < t->shape[0]; ++r) out.emplace_back(v->begin() + r * set.dim, v->begin() + (r + 1) * set.dim);
        return true;
    };
    if (!rows("natural", set.natural) || !rows("proxy", set.proxy) || !rows("delivered", set.delivered)) return std::nullopt;
    try {
        auto it = file->metadata().find("proxy_ops");
        if (it != file->metadata().end()) set.proxy_ops = nlohmann::json::parse(it->second).get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
    if (set.proxy_ops.size() != set.proxy.size()) return std::nullopt;
    return set;
}

Status FeatureCache::put(const std::string& backbone, const std::string& sha256, const std::string& tag,
                         const FeatureSet& set) const
{
    if (!enabled()) return {};
    auto flat = [&](const std::vector<std::vector<float>>& rows) {
        std::vector<float> v;
        for (const auto& r : rows) v.insert(v.end(), r.begin(), r.end());
        return v;
    };
    std::vector<TensorData> tensors;
    tensors.push_back(
        TensorData::from_floats("natural", {static_cast<std::int64_t>(set.natural.size()), set.dim}, flat(set.natural)));
    if (!set.proxy.empty())
        tensors.push_back(
            TensorData::from_floats("proxy", {static_cast<std::int64_t>(set.proxy.size()), set.dim}, flat(set.proxy)));
    if (!set.delivered.empty())
        tensors.push_back(TensorData::from_floats("delivered", {static_cast<std::int64_t>(set.delivered.size()), set.dim},
                                                  flat(set.delivered)));
    const std::string p = path(backbone, sha256, tag);
    std::error_code ec;
    fs::create_directories(fs::path(p).parent_path(), ec);
    if (ec) return Status(ErrorCode::IoError, "cannot create the feature cache folder: " + ec.message());
    return write_safetensors(p, tensors, {{"proxy_ops", nlohmann::json(set.proxy_ops).dump()}, {"sha256", sha256}});
}

} // namespace clipflow
