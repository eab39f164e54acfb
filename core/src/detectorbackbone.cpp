#include "detectorbackbone.h"

#include "clipflow/clipbackbone.h"
#include "clipflow/forensicbackbone.h"
#include "clipflow/modelregistry.h"

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

} // namespace

Result<std::unique_ptr<Backbone>> detector_backbone(const DetectorModelHeader& r, const DetectorLoadParams& params)
{
    std::unique_ptr<Backbone> backbone;
    if (r.backbone_type == "forensic") {
        if (r.backbone_id != ForensicBackbone().id())
            return Status(ErrorCode::UnsupportedFormat, "unknown forensic backbone version " + r.backbone_id);
        backbone = std::make_unique<ForensicBackbone>();
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

Status parse_detector_header(const nlohmann::json& j, int max_version, const std::string& what, DetectorModelHeader& m)
{
    m.format_version = j.at("format_version").get<int>();
    if (m.format_version < 1 || m.format_version > max_version)
        return Status(ErrorCode::UnsupportedFormat, what + " format version " + std::to_string(m.format_version) +
                                                        " is newer than this ClipFlow understands (" +
                                                        std::to_string(max_version) + ")");
    m.model_id = j.at("model_id").get<std::string>();
    m.created_at = j.value("created_at", "");
    m.tool_version = j.value("tool_version", "");
    const auto& b = j.at("backbone");
    m.backbone_type = b.at("type").get<std::string>();
    m.backbone_id = b.at("id").get<std::string>();
    m.feature_layer = b.value("feature_layer", "");
    m.dim = b.at("dim").get<int>();
    m.backbone_weights_sha256 = b.value("weights_sha256", "");
    m.backbone_params_json = b.contains("params") ? b["params"].dump() : "{}";
    // Up to 4M: fine-tuned detectors read every token (ViT-L/14: 257 x 1024 = 263,168 values).
    if (m.dim < 1 || m.dim > (1 << 22)) return Status(ErrorCode::CorruptData, what + " feature dimension is out of range");
    return {};
}

} // namespace clipflow::detail
