#include "detectorbackbone.h"

#include "clipflow/clipbackbone.h"
#include "clipflow/forensicbackbone.h"
#include "clipflow/learnedbackbone.h"
#include "clipflow/modelregistry.h"

#include <filesystem>

namespace clipflow::detail {

namespace {

Result<std::string> find_clip(const DetectorModelHeader& r, const DetectorLoadParams& p)
{
    if (!p.clip_model.empty()) return p.clip_model;
    ModelRegistry reg(p.models_dir.empty() ? ModelRegistry::default_dir() : p.models_dir);
    auto entries = reg.list();
    if (entries)
        for (const auto& e : *entries)
            if (e.sha256 == r.backbone_weights_sha256) return e.file;
    return Status(ErrorCode::NotFound, "this detector needs the CLIP model with SHA-256 " + r.backbone_weights_sha256 + " (" +
                                           r.backbone_id + "); install it with `clipflow models install` or pass it explicitly");
}

Result<std::unique_ptr<Backbone>> find_learned(const DetectorModelHeader& r, const DetectorLoadParams& p,
                                               const std::string& detector_path)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> candidates;
    if (!p.learned_backbone.empty()) candidates.emplace_back(p.learned_backbone);
    candidates.push_back(fs::path(detector_path).parent_path() / LearnedBackbone::kDefaultFile);
    candidates.push_back(fs::path(p.models_dir.empty() ? ModelRegistry::default_dir() : p.models_dir) /
                         LearnedBackbone::kDefaultFile);
    // The shipped weights beside this program (build tree and installed layouts alike):
    // detectors trained in the window live in the user's folder, the weights do not.
    std::error_code ec;
    if (auto exe = fs::read_symlink("/proc/self/exe", ec); !ec)
        candidates.push_back(exe.parent_path() / ".." / "share" / "clipflow" / "models" / LearnedBackbone::kDefaultFile);
    std::string tried;
    for (const auto& c : candidates) {
        std::error_code ec;
        if (!fs::is_regular_file(c, ec)) continue;
        auto bb = LearnedBackbone::load(c.string());
        if (!bb) return bb.status();
        if ((*bb)->weights_sha256() == r.backbone_weights_sha256) return std::unique_ptr<Backbone>(std::move(*bb));
        tried += "\n  " + c.string() + " (other weights)";
    }
    for (const auto& c : candidates) tried += "\n  " + c.string();
    return Status(ErrorCode::NotFound, "this detector needs the " + r.backbone_id + " weights with SHA-256 " +
                                           r.backbone_weights_sha256.substr(0, 12) + "...; looked in:" + tried);
}

} // namespace

Result<std::unique_ptr<Backbone>> detector_backbone(const DetectorModelHeader& r, const DetectorLoadParams& params,
                                                    const std::string& detector_path)
{
    std::unique_ptr<Backbone> backbone;
    if (r.backbone_type == "forensic") {
        if (r.backbone_id != ForensicBackbone().id())
            return Status(ErrorCode::UnsupportedFormat, "unknown forensic backbone version " + r.backbone_id);
        backbone = std::make_unique<ForensicBackbone>();
    } else if (r.backbone_type == "forensic-v2") {
        auto learned = find_learned(r, params, detector_path);
        if (!learned) return learned.status();
        backbone = std::move(*learned);
    } else if (r.backbone_type == "clip") {
        auto clip_path = find_clip(r, params);
        if (!clip_path) return clip_path.status();
        auto clip = ClipBackbone::load(*clip_path, r.feature_layer, params.clip_load);
        if (!clip) return clip.status();
        if ((*clip)->weights_sha256() != r.backbone_weights_sha256)
            return Status(ErrorCode::InvalidArgument, *clip_path +
                                                          " is not the CLIP model this detector was trained on (SHA-256 " +
                                                          r.backbone_weights_sha256.substr(0, 12) + "...)");
        backbone = std::move(*clip);
    } else {
        return Status(ErrorCode::UnsupportedFormat, "unknown backbone type '" + r.backbone_type + "'");
    }
    if (backbone->dim() != r.dim)
        return Status(ErrorCode::InvalidArgument, "the backbone gives " + std::to_string(backbone->dim()) +
                                                      " features; the detector expects " + std::to_string(r.dim));
    return backbone;
}

} // namespace clipflow::detail
