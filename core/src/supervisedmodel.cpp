#include "clipflow/supervisedmodel.h"

#include "clipflow/safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace clipflow {

Result<SupervisedModelInfo> SupervisedModelInfo::read(const std::string& path)
{
    auto file = SafetensorsFile::open(path);
    if (!file) return file.status();
    auto it = file->metadata().find("clipflow.classifier");
    if (it == file->metadata().end())
        return Status(ErrorCode::InvalidArgument,
                      path + " is not a supervised ClipFlow detector (no clipflow.classifier metadata)");
    return parse(it->second);
}

Result<SupervisedModelInfo> SupervisedModelInfo::parse(const std::string& text)
{
    try {
        const auto j = nlohmann::json::parse(text);
        SupervisedModelInfo m;
        m.format_version = j.at("format_version").get<int>();
        if (m.format_version < 1 || m.format_version > kFormatVersion)
            return Status(ErrorCode::UnsupportedFormat, "supervised detector format version " + std::to_string(m.format_version) +
                                                            " is newer than this ClipFlow understands (" +
                                                            std::to_string(kFormatVersion) + ")");
        m.model_id = j.at("model_id").get<std::string>();
        m.created_at = j.value("created_at", "");
        m.tool_version = j.value("tool_version", "");
        const auto& b = j.at("backbone");
        m.backbone_type = b.at("type").get<std::string>();
        m.backbone_id = b.at("id").get<std::string>();
        m.feature_layer = b.value("feature_layer", "");
        m.dim = b.at("dim").get<int>();
        m.backbone_weights_sha256 = b.value("weights_sha256", "");
        m.mode = j.at("head").at("mode").get<std::string>();
        m.hidden = j.at("head").value("hidden", 0);
        m.finetune_blocks = j.at("head").value("finetune_blocks", 0);
        m.tail_output = j.at("head").value("tail_output", "");
        m.classes = j.at("classes").get<std::vector<std::string>>();
        m.class_counts = j.at("class_counts").get<std::vector<long>>();
        m.temperature = j.at("temperature").get<double>();
        m.radius = j.at("radius").get<std::vector<double>>();
        const auto few = j.value("few_shot", std::vector<bool>(m.classes.size(), false));
        m.few_shot.assign(few.begin(), few.end());
        m.val_accuracy = j.value("validation", nlohmann::json::object()).value("accuracy", 0.0);
        m.val_auc = j.value("validation", nlohmann::json::object()).value("auc", 0.0);
        if (j.contains("training")) {
            m.training_sha256 = j["training"].value("files", std::vector<std::string>{});
            m.validation_sha256 = j["training"].value("validation_files", std::vector<std::string>{});
        }
        std::sort(m.training_sha256.begin(), m.training_sha256.end());
        std::sort(m.validation_sha256.begin(), m.validation_sha256.end());
        const std::size_t k = m.classes.size();
        if (k < 2 || m.classes.front() != "real" || m.class_counts.size() != k || m.radius.size() != k || m.few_shot.size() != k)
            return Status(ErrorCode::CorruptData, "supervised detector classes are inconsistent");
        if (m.dim < 1 || m.dim > 65536 || (m.mode != "linear" && m.mode != "mlp" && m.mode != "finetune") ||
            (m.mode == "finetune" && (m.finetune_blocks < 1 || m.backbone_type != "clip")) || !(m.temperature > 0.0))
            return Status(ErrorCode::CorruptData, "supervised detector head description is out of range");
        m.metadata_json = text;
        return m;
    } catch (const nlohmann::json::exception& e) {
        return Status(ErrorCode::CorruptData, std::string("supervised detector metadata is damaged: ") + e.what());
    }
}

bool SupervisedModelInfo::trained_on(const std::string& sha256) const
{
    return std::binary_search(training_sha256.begin(), training_sha256.end(), sha256);
}

Result<std::string> detector_kind(const std::string& path)
{
    auto file = SafetensorsFile::open(path);
    if (!file) return file.status();
    if (file->metadata().count("clipflow.model")) return std::string("clipflow");
    if (file->metadata().count("clipflow.classifier")) return std::string("supervised");
    return Status(ErrorCode::InvalidArgument, path + " is not a ClipFlow detector");
}

} // namespace clipflow
