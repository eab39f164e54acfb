#include "detectorheader.h"
#include "support/jsoninteger.h"

namespace clipflow::detail {

Status parse_backbone_record(const nlohmann::json& b, const std::string& what, DetectorModelHeader& m)
{
    m.backbone_type = b.at("type").get<std::string>();
    m.backbone_id = b.at("id").get<std::string>();
    m.feature_layer = b.value("feature_layer", "");
    m.dim = json_integer_at<int>(b, "dim");
    m.backbone_weights_sha256 = b.value("weights_sha256", "");
    m.backbone_params_json = b.contains("params") ? b["params"].dump() : "{}";
    // Up to 4M: fine-tuned detectors read every token (ViT-L/14: 257 x 1024 = 263,168 values).
    if (m.dim < 1 || m.dim > (1 << 22)) return Status(ErrorCode::CorruptData, what + " feature dimension is out of range");
    return {};
}

Status parse_detector_header(const nlohmann::json& j, int max_version, const std::string& what, DetectorModelHeader& m)
{
    m.format_version = json_integer_at<int>(j, "format_version");
    if (m.format_version < 1 || m.format_version > max_version)
        return Status(ErrorCode::UnsupportedFormat, what + " format version " + std::to_string(m.format_version) +
                                                        " is newer than this ClipFlow understands (" +
                                                        std::to_string(max_version) + ")");
    m.model_id = j.at("model_id").get<std::string>();
    m.created_at = j.value("created_at", "");
    m.tool_version = j.value("tool_version", "");
    if (Status s = parse_backbone_record(j.at("backbone"), what, m); !s.ok()) return s;
    if (j.contains("scoring") && j["scoring"].contains("orientation"))
        m.orientation = j["scoring"]["orientation"].get<std::string>();
    if (m.orientation != "stored" && m.orientation != "either")
        return Status(ErrorCode::CorruptData, "unknown scoring orientation \"" + m.orientation + "\" in the " + what);
    return {};
}

void write_scoring_orientation(nlohmann::json& meta, const std::string& orientation)
{
    if (orientation == "either")
        meta["scoring"] = {{"orientation", "either"}};
    else
        meta.erase("scoring");
}

} // namespace clipflow::detail
