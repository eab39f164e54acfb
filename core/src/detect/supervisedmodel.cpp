#include "clipflow/supervisedmodel.h"

#include "clipflow/safetensors.h"
#include "detectorheader.h"
#include "support/jsoninteger.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

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
        if (Status st = detail::parse_detector_header(j, kFormatVersion, "supervised detector", m); !st.ok()) return st;
        m.mode = j.at("head").at("mode").get<std::string>();
        m.hidden = detail::json_integer_or<int>(j.at("head"), "hidden", 0);
        m.finetune_blocks = detail::json_integer_or<int>(j.at("head"), "finetune_blocks", 0);
        m.tail_output = j.at("head").value("tail_output", "");
        m.classes = j.at("classes").get<std::vector<std::string>>();
        for (const auto& n : j.at("class_counts")) m.class_counts.push_back(detail::json_integer<long>(n, 0));
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
        if (j.contains("calibration")) {
            auto cal = Calibration::from_json(j["calibration"].dump());
            if (!cal) return Status(ErrorCode::CorruptData, "supervised detector calibration: " + cal.status().message());
            m.calibration = std::move(*cal);
            m.calibration_sha256 = j.value("calibration_files", std::vector<std::string>{});
            std::sort(m.calibration_sha256.begin(), m.calibration_sha256.end());
        }
        const std::size_t k = m.classes.size();
        if (k < 2 || m.classes.front() != "real" || m.class_counts.size() != k || m.radius.size() != k || m.few_shot.size() != k)
            return Status(ErrorCode::CorruptData, "supervised detector classes are inconsistent");
        if ((m.mode != "linear" && m.mode != "mlp" && m.mode != "finetune") ||
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

bool SupervisedModelInfo::calibrated_on(const std::string& sha256) const
{
    return std::binary_search(calibration_sha256.begin(), calibration_sha256.end(), sha256);
}

double SupervisedModelInfo::flag_p_ai() const
{
    return calibration ? 1.0 / (1.0 + std::exp(calibration->threshold())) : 0.5;
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
