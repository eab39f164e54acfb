#include "clipflow/recalibration.h"
#include "clipflow/laundering.h"
#include "clipflow/safetensors.h"
#include "clipflow/superviseddetector.h"
#include "clipflow/version.h"
#include "detect/detectorbackbone.h"
#include "detect/detectorheader.h"
#include "support/jobutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

namespace clipflow {

namespace {

// Before minutes of scoring, not after.
Status check_output(const std::string& out_path)
{
    if (out_path.empty()) return Status(ErrorCode::InvalidArgument, "no output model path given");
    const auto dir = std::filesystem::path(out_path).parent_path();
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
        return Status(ErrorCode::NotFound, "the output folder " + dir.string() + " does not exist");
    return {};
}

// The file's tensors whose names start with `only`, `prefix` put before each name, appended to out.
void copy_tensors(const SafetensorsFile& file, std::vector<TensorData>& out, const std::string& only = {},
                  const std::string& prefix = {})
{
    for (const TensorView& t : file.tensors())
        if (t.name.rfind(only, 0) == 0)
            out.push_back({prefix + t.name, t.dtype, t.shape, std::vector<std::uint8_t>(t.bytes.begin(), t.bytes.end())});
}

// The model's tensors unchanged, one metadata entry replaced, written atomically.
Status rewrite_metadata(const std::string& model_path, const std::string& out_path, const std::string& key,
                        const std::string& text)
{
    auto file = SafetensorsFile::open(model_path);
    if (!file) return file.status();
    std::map<std::string, std::string> md = file->metadata();
    md[key] = text;
    std::vector<TensorData> tensors;
    copy_tensors(*file, tensors);
    return write_safetensors(out_path, tensors, md);
}

// Reads each given file once (by SHA-256), with progress and abort; a file that cannot be
// read is counted, not fatal; each() decides what a photo is for.
Status for_each_photo(const RecalibrateParams& p, long& unreadable, const std::function<Status(const Evidence&)>& each)
{
    std::set<std::string> done;
    const long total = static_cast<long>(p.natural_files.size());
    for (long i = 0; i < total; ++i) {
        if (p.abort && p.abort()) return Status(ErrorCode::Aborted, "recalibration cancelled");
        if (p.progress) p.progress({"calibration", i, total, 0.0, {}});
        auto ev = load_evidence(p.natural_files[static_cast<std::size_t>(i)], p.intake);
        if (!ev) {
            ++unreadable;
            continue;
        }
        if (!done.insert(ev->info.sha256).second) continue;
        if (Status s = each(*ev); !s.ok()) return s;
    }
    return {};
}

// The model's metadata with the new calibration, what the kind adds, the record of this run
// ("recalibrated": record plus when, by what and from which model); a new model_id over
// it all; checked by parsing it back as Info, then written beside the unchanged tensors.
template <class Info>
Result<Info> save_recalibrated(const RecalibrateParams& p, const Info& info, const char* key, const char* id_prefix,
                               const Calibration& cal, std::size_t natural_count, nlohmann::json record,
                               const std::function<Status(nlohmann::json&)>& add)
{
    nlohmann::json meta;
    try {
        meta = nlohmann::json::parse(info.metadata_json);
        if (!meta.is_object()) return Status(ErrorCode::CorruptData, "the model's metadata is not an object");
        meta["calibration"] = nlohmann::json::parse(cal.to_json());
        meta["calibration"]["natural_count"] = natural_count; // the stored sample may be thinned
        if (Status s = add(meta); !s.ok()) return s;
        record["at"] = detail::now_iso();
        record["tool_version"] = version();
        record["from_model_id"] = info.model_id;
        meta["recalibrated"] = record;
        meta.erase("model_id");
        meta["model_id"] = detail::model_id(id_prefix, meta.dump());
    } catch (const std::exception& e) {
        return Status(ErrorCode::CorruptData, std::string("the model's metadata cannot be updated: ") + e.what());
    }
    const std::string text = meta.dump();
    auto parsed = Info::parse(text);
    if (!parsed) return parsed.status();
    if (p.progress) p.progress({"saving", 0, 1, 0.0, {}});
    if (Status s = rewrite_metadata(p.model_path, p.out_path, key, text); !s.ok()) return s;
    return parsed;
}

// A file removed when the recalibration ends, however it ends.
struct ScratchFile {
    std::string path;
    ~ScratchFile()
    {
        std::error_code ec;
        if (!path.empty()) std::filesystem::remove(path, ec);
    }
};

// Writes the model with the second reading's flow joined (p.second_reading) to `joined`:
// the first file's tensors, the second's flow under "second.", and the second reading's
// record. Checks first that the two read the same photos alike; finds the second backbone's
// weights beside the second detector (into load.second_backbone).
Status join_second_reading(const RecalibrateParams& p, const std::string& joined, DetectorLoadParams& load)
{
    using nlohmann::json;
    auto a = ClipFlowModelInfo::read(p.model_path);
    if (!a) return a.status();
    auto b = ClipFlowModelInfo::read(p.second_reading);
    if (!b) return Status(b.status().code(), "the second reading: " + b.status().message());
    const std::string reading = p.orientation.empty() ? a->orientation : p.orientation;
    if (a->second_reading) return Status(ErrorCode::InvalidArgument, "the model has a second reading already");
    if (b->second_reading) return Status(ErrorCode::InvalidArgument, "the second reading has a second reading of its own");
    if (a->holdout_sha256 != b->holdout_sha256 || a->training_sha256 != b->training_sha256)
        return Status(ErrorCode::InvalidArgument, "the second reading was trained or calibrated on other photos: train both "
                                                  "from the same folders, so that they hold out the same photos");
    if (a->orientation != reading || b->orientation != reading)
        return Status(ErrorCode::InvalidArgument, "both detectors must be calibrated in the orientation the new file reads (\"" +
                                                      reading + "\"): recalibrate " +
                                                      (a->orientation != reading ? p.model_path : p.second_reading) +
                                                      " with --orientation " + reading + " first");
    if (b->backbone_type == "forensic-v2" && load.second_backbone.empty()) {
        DetectorLoadParams beside = load;
        beside.models_dir.clear();
        auto w = detail::find_learned_weights(*b, {}, beside, p.second_reading);
        if (!w) return Status(w.status().code(), "the second reading: " + w.status().message());
        load.second_backbone = *w;
    }

    auto fa = SafetensorsFile::open(p.model_path);
    if (!fa) return fa.status();
    auto fb = SafetensorsFile::open(p.second_reading);
    if (!fb) return fb.status();
    std::map<std::string, std::string> md = fa->metadata();
    const auto flow_b = fb->metadata().find("clipflow.flow");
    if (flow_b == fb->metadata().end()) return Status(ErrorCode::CorruptData, "the second reading holds no flow");
    md["clipflow.flow.second"] = flow_b->second;
    try {
        json meta = json::parse(a->metadata_json);
        const json mb = json::parse(b->metadata_json);
        const Calibration &ca = a->calibration, &cb = b->calibration;
        meta["second_reading"] = {{"model_id", b->model_id},
                                  {"backbone", mb.at("backbone")},
                                  {"scale",
                                   {{"median", ca.median()},
                                    {"robust_sigma", ca.robust_sigma()},
                                    {"second_median", cb.median()},
                                    {"second_robust_sigma", cb.robust_sigma()}}}};
        md["clipflow.model"] = meta.dump();
    } catch (const std::exception& e) {
        return Status(ErrorCode::CorruptData, std::string("the detectors' metadata cannot be joined: ") + e.what());
    }
    std::vector<TensorData> tensors;
    copy_tensors(*fa, tensors);
    copy_tensors(*fb, tensors, "flow.", "second.");
    return write_safetensors(joined, tensors, md);
}

} // namespace

Result<RecalibrateResult> recalibrate_clipflow_detector(const RecalibrateParams& p)
{
    using nlohmann::json;
    if (Status s = check_output(p.out_path); !s.ok()) return s;
    // A second reading is joined in a scratch file beside the output, recalibrated from there.
    RecalibrateParams q = p;
    ScratchFile scratch;
    if (!p.second_reading.empty()) {
        scratch.path = p.out_path + ".joining";
        if (Status s = join_second_reading(p, scratch.path, q.load); !s.ok()) return s;
        q.model_path = scratch.path;
    }
    auto det = ClipFlowDetector::load(q.model_path, q.load);
    if (!det) return det.status();
    const std::string was = det->info().orientation;
    if (!p.orientation.empty())
        if (Status s = det->set_orientation(p.orientation); !s.ok()) return s;
    const ClipFlowModelInfo& info = det->info();
    const bool joined = !p.second_reading.empty();
    const bool rescore = info.orientation != was || info.orientation == "either" || joined;
    const Calibration& old = info.calibration;
    RecalibrateResult r;
    r.previous_model_id = info.model_id;
    r.previous_threshold = old.threshold();
    r.holdout_images = static_cast<long>(info.holdout_sha256.size());
    if (info.holdout_sha256.empty())
        return Status(ErrorCode::InvalidArgument, "the model names no held-out photos, so it cannot be recalibrated");

    // The held-out photos as delivered, scored as training scores them (scoring views, mean log-likelihood),
    // and as they are when the reading changed (the training's scores are in the stored orientation).
    std::vector<double> delivered, as_is;
    Status read = for_each_photo(p, r.unreadable, [&](const Evidence& ev) -> Status {
        if (!info.calibrated_on(ev.info.sha256)) return Status();
        if (rescore) {
            auto s = det->score(ev.pixels);
            if (!s) return s.status();
            as_is.push_back(s->calibrated.log_likelihood);
        }
        auto d = deliver_copy(ev.pixels, kDeliveredSide, kDeliveredQuality);
        if (!d) return d.status();
        auto s = det->score(*d);
        if (!s) return s.status();
        delivered.push_back(s->calibrated.log_likelihood);
        return Status();
    });
    if (!read.ok()) return read;
    r.matched = static_cast<long>(delivered.size());
    if (delivered.empty())
        return Status(ErrorCode::InvalidArgument,
                      "none of the model's " + std::to_string(r.holdout_images) +
                          " held-out photos is among the given files: give the folders it was trained from" +
                          (r.unreadable ? " (" + std::to_string(r.unreadable) + " of the given files could not be read)" : ""));
    // The proxies' scores (the calibration plot's second histogram) stay as training read them.
    r.rescored = rescore;
    auto cal = Calibration::build(rescore ? as_is : old.natural_scores(), joined ? std::vector<double>() : old.proxy_scores(),
                                  old.fpr(), 40, old.confidence(), delivered, p.scope);
    if (!cal) return cal.status();
    if (!cal->covers_delivered() && p.require_bound)
        return Status(ErrorCode::InvalidArgument, "only " + std::to_string(r.matched) + " of the model's " +
                                                      std::to_string(r.holdout_images) +
                                                      " held-out photos were found: too few to bound the false-positive rate");

    // Same tensors, new calibration record.
    json record{{"delivered_images", r.matched}};
    if (rescore) record["orientation"] = {{"from", was}, {"to", info.orientation}, {"natural_images", as_is.size()}};
    if (joined) record["second_reading"] = {{"from_model_id", info.second_reading->model_id}};
    auto saved = save_recalibrated(q, info, "clipflow.model", "cf-", *cal, rescore ? as_is.size() : old.natural_count(), record,
                                   [&p, &info](json& meta) {
                                       detail::write_scoring_orientation(meta, info.orientation);
                                       if (!meta.contains("training") || !meta["training"].is_object())
                                           return Status(ErrorCode::CorruptData, "the model's metadata has no training record");
                                       meta["training"]["delivered_calibration"] = {{"side", kDeliveredSide},
                                                                                    {"quality", kDeliveredQuality},
                                                                                    {"enlarged", false},
                                                                                    {"scope", delivered_scope_name(p.scope)}};
                                       return Status();
                                   });
    if (!saved) return saved.status();
    r.info = std::move(*saved);
    return r;
}

Result<SupervisedCalibrateResult> calibrate_supervised_detector(const RecalibrateParams& p)
{
    using nlohmann::json;
    if (Status s = check_output(p.out_path); !s.ok()) return s;
    auto det = SupervisedDetector::load(p.model_path, p.load);
    if (!det) return det.status();
    const std::string was = det->info().orientation;
    if (!p.orientation.empty())
        if (Status s = det->set_orientation(p.orientation); !s.ok()) return s;
    const SupervisedModelInfo& info = det->info();
    SupervisedCalibrateResult r;
    r.previous_model_id = info.model_id;

    std::vector<double> odds;
    std::vector<std::string> used;
    Status read = for_each_photo(p, r.unreadable, [&](const Evidence& ev) -> Status {
        const std::string& sha = ev.info.sha256;
        if (info.trained_on(sha) || std::binary_search(info.validation_sha256.begin(), info.validation_sha256.end(), sha)) {
            ++r.skipped_seen;
            return Status();
        }
        auto s = det->score(ev.pixels);
        if (!s) return s.status();
        odds.push_back(s->log_odds_real); // the head's own: a calibration already in the file does not enter
        used.push_back(sha);
        return Status();
    });
    if (!read.ok()) return read;
    r.scored = static_cast<long>(odds.size());
    auto cal = Calibration::build(odds, {}, 0.05, 40, Calibration::kDefaultConfidence);
    if (!cal || !cal->bound_holds())
        return Status(ErrorCode::InvalidArgument,
                      "only " + std::to_string(r.scored) + " natural photos the model never saw were found (" +
                          std::to_string(r.skipped_seen) + " it trained or validated on" +
                          (r.unreadable ? ", " + std::to_string(r.unreadable) + " unreadable" : std::string()) +
                          "): at least 59 are needed to bound the false-positive rate");
    std::sort(used.begin(), used.end());
    json record{{"natural_images", r.scored}};
    if (info.orientation != was) record["orientation"] = {{"from", was}, {"to", info.orientation}};
    auto saved = save_recalibrated(p, info, "clipflow.classifier", "sv-", *cal, odds.size(), record, [&used, &info](json& meta) {
        meta["calibration"]["score"] = "log_odds_real"; // log(p_real / p_ai)
        meta["calibration_files"] = used;
        detail::write_scoring_orientation(meta, info.orientation);
        return Status();
    });
    if (!saved) return saved.status();
    r.info = std::move(*saved);
    return r;
}

} // namespace clipflow
