#include "clipflow/clipflowmodel.h"

#include "clipflow/safetensors.h"
#include "detectorheader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace clipflow {

Result<ClipFlowModelInfo> ClipFlowModelInfo::read(const std::string& path)
{
    auto file = SafetensorsFile::open(path);
    if (!file) return file.status();
    auto it = file->metadata().find("clipflow.model");
    if (it == file->metadata().end())
        return Status(ErrorCode::InvalidArgument, path + " is not a ClipFlow detector (no clipflow.model metadata)");
    return parse(it->second);
}

Result<ClipFlowModelInfo> ClipFlowModelInfo::parse(const std::string& text)
{
    try {
        const auto j = nlohmann::json::parse(text);
        ClipFlowModelInfo m;
        if (Status st = detail::parse_detector_header(j, kFormatVersion, "detector", m); !st.ok()) return st;
        m.proxy_json = j.contains("proxy") ? j["proxy"].dump() : "{}";
        m.objective = j.at("objective").at("name").get<std::string>();
        m.training_json = j.contains("training") ? j["training"].dump() : "{}";
        if (j.contains("training") && j["training"].contains("files"))
            m.training_sha256 = j["training"]["files"].get<std::vector<std::string>>();
        std::sort(m.training_sha256.begin(), m.training_sha256.end());
        if (j.contains("training") && j["training"].contains("holdout_files"))
            m.holdout_sha256 = j["training"]["holdout_files"].get<std::vector<std::string>>();
        std::sort(m.holdout_sha256.begin(), m.holdout_sha256.end());
        auto cal = Calibration::from_json(j.at("calibration").dump());
        if (!cal) return cal.status();
        m.calibration = std::move(*cal);
        if (j.contains("second_reading")) {
            const auto& r = j["second_reading"];
            SecondReading sr;
            sr.model_id = r.at("model_id").get<std::string>();
            if (Status st = detail::parse_backbone_record(r.at("backbone"), "second reading's", sr.backbone); !st.ok()) return st;
            const auto& sc = r.at("scale");
            sr.median = sc.at("median").get<double>();
            sr.robust_sigma = sc.at("robust_sigma").get<double>();
            sr.second_median = sc.at("second_median").get<double>();
            sr.second_robust_sigma = sc.at("second_robust_sigma").get<double>();
            for (double v : {sr.median, sr.robust_sigma, sr.second_median, sr.second_robust_sigma})
                if (!std::isfinite(v)) return Status(ErrorCode::CorruptData, "the detector's second reading has a damaged scale");
            if (!(sr.robust_sigma > 0) || !(sr.second_robust_sigma > 0))
                return Status(ErrorCode::CorruptData, "the detector's second reading has a scale of zero or less");
            m.second_reading = std::move(sr);
        }
        m.metadata_json = text;
        return m;
    } catch (const nlohmann::json::exception& e) {
        return Status(ErrorCode::CorruptData, std::string("detector metadata is damaged: ") + e.what());
    }
}

double SecondReading::combine(double ll, double ll2) const
{
    return std::min(ll, median + robust_sigma * (ll2 - second_median) / second_robust_sigma);
}

bool ClipFlowModelInfo::trained_on(const std::string& sha256) const
{
    return std::binary_search(training_sha256.begin(), training_sha256.end(), sha256);
}

} // namespace clipflow

namespace clipflow {

bool ClipFlowModelInfo::calibrated_on(const std::string& sha256) const
{
    return std::binary_search(holdout_sha256.begin(), holdout_sha256.end(), sha256);
}

} // namespace clipflow
