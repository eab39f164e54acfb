#include "detectorbackbone.h"

#include "clipflow/clipbackbone.h"
#include "clipflow/forensicbackbone.h"
#include "clipflow/learnedbackbone.h"
#include "clipflow/modelregistry.h"
#include "clipflow/sha256.h"

#include <algorithm>
#include <filesystem>

namespace clipflow::detail {

Result<std::string> find_learned_weights(const DetectorModelHeader& r, const std::string& given, const DetectorLoadParams& p,
                                         const std::string& detector_path);

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

// Where a detector's forensic-v2 weights may lie: the given file, then under either
// shipped name (full chroma or halved: the SHA-256 decides) beside the detector, in the
// models folder given, beside the shipped models and in the user's models folder.
std::vector<std::string> learned_candidates(const std::string& given, const DetectorLoadParams& p,
                                            const std::string& detector_path)
{
    namespace fs = std::filesystem;
    std::vector<std::string> candidates;
    if (!given.empty()) candidates.push_back(given);
    std::vector<fs::path> dirs{fs::path(detector_path).parent_path()};
    if (!p.models_dir.empty()) dirs.emplace_back(p.models_dir);
    // Then where shipped models are looked for (environment, beside this program,
    // the user's folder): detectors trained in the window live in the user's
    // folder, the shipped weights do not.
    if (auto shipped = find_default_detector(running_program_dir(), LearnedBackbone::kDefaultFile)) {
        candidates.push_back(*shipped);
        dirs.push_back(fs::path(*shipped).parent_path());
    }
    if (!running_program_dir().empty()) dirs.push_back(fs::path(running_program_dir()) / ".." / "share" / "clipflow" / "models");
    dirs.emplace_back(ModelRegistry::default_dir());
    for (const auto& d : dirs)
        for (const char* name : {LearnedBackbone::kDefaultFile, LearnedBackbone::kHalvedFile})
            if (std::find(candidates.begin(), candidates.end(), (d / name).string()) == candidates.end())
                candidates.push_back((d / name).string());
    return candidates;
}

Result<std::unique_ptr<Backbone>> find_learned(const DetectorModelHeader& r, const std::string& given,
                                               const DetectorLoadParams& p, const std::string& detector_path)
{
    auto path = find_learned_weights(r, given, p, detector_path);
    if (!path) return path.status();
    auto bb = LearnedBackbone::load(*path);
    if (!bb) return bb.status();
    return std::unique_ptr<Backbone>(std::move(*bb));
}

} // namespace

Result<std::string> find_learned_weights(const DetectorModelHeader& r, const std::string& given, const DetectorLoadParams& p,
                                         const std::string& detector_path)
{
    namespace fs = std::filesystem;
    std::string tried;
    for (const auto& c : learned_candidates(given, p, detector_path)) {
        tried += "\n  " + c;
        std::error_code ec;
        if (!fs::is_regular_file(c, ec)) continue;
        // Hash first: only the file with the recorded weights is loaded, so a
        // stray or broken file of the same name does not hide the right one.
        auto sha = Sha256::file_hex(c);
        if (sha && *sha == r.backbone_weights_sha256) return c;
        tried += " (other weights)";
    }
    return Status(ErrorCode::NotFound, "this detector needs the " + r.backbone_id + " weights with SHA-256 " +
                                           r.backbone_weights_sha256.substr(0, 12) + "...; looked in:" + tried);
}

Result<std::unique_ptr<Backbone>> detector_backbone(const DetectorModelHeader& r, const DetectorLoadParams& params,
                                                    const std::string& detector_path, const std::string& given_weights)
{
    std::unique_ptr<Backbone> backbone;
    if (r.backbone_type == "forensic") {
        if (r.backbone_id != ForensicBackbone().id())
            return Status(ErrorCode::UnsupportedFormat, "unknown forensic backbone version " + r.backbone_id);
        backbone = std::make_unique<ForensicBackbone>();
    } else if (r.backbone_type == "forensic-v2") {
        auto learned = find_learned(r, given_weights, params, detector_path);
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

namespace {

// The image mirrored about its main diagonal: rows become columns (a quarter turn and a mirror;
// the detectors read mirrored photos as the originals, docs/method.md "Rotated photos").
Raster transposed(const Raster& in)
{
    Raster out;
    out.width = in.height;
    out.height = in.width;
    out.channels = in.channels;
    out.data.resize(in.data.size());
    const std::size_t c = static_cast<std::size_t>(in.channels);
    for (int y = 0; y < in.height; ++y)
        for (int x = 0; x < in.width; ++x)
            for (std::size_t k = 0; k < c; ++k)
                out.data[(static_cast<std::size_t>(x) * static_cast<std::size_t>(out.width) + static_cast<std::size_t>(y)) * c +
                         k] =
                    in.data[(static_cast<std::size_t>(y) * static_cast<std::size_t>(in.width) + static_cast<std::size_t>(x)) * c +
                            k];
    return out;
}

} // namespace

std::vector<Raster> oriented_scoring_views(const Backbone& backbone, const Raster& image, const std::string& orientation)
{
    return oriented_views(backbone.scoring_views(image), orientation);
}

std::vector<Raster> oriented_views(std::vector<Raster> views, const std::string& orientation)
{
    if (orientation == "either") {
        const std::size_t n = views.size();
        for (std::size_t i = 0; i < n; ++i) views.push_back(transposed(views[i]));
    }
    return views;
}

Status check_orientation(const std::string& orientation)
{
    if (orientation != "stored" && orientation != "either")
        return Status(ErrorCode::InvalidArgument, "the orientation must be stored or either, not \"" + orientation + "\"");
    return Status();
}

Result<double> image_log_likelihood(const std::vector<double>& view_ll, bool either)
{
    auto mean = [&view_ll](std::size_t b, std::size_t e) {
        double sum = 0;
        for (std::size_t i = b; i < e; ++i) sum += view_ll[i];
        return sum / static_cast<double>(e - b);
    };
    const std::size_t n = view_ll.size();
    if (n == 0) return Status(ErrorCode::InvalidArgument, "no views to score");
    if (!either) return mean(0, n);
    if (n % 2 != 0) return Status(ErrorCode::InvalidArgument, "an orientation-free score needs the views of both orientations");
    return std::max(mean(0, n / 2), mean(n / 2, n));
}

} // namespace clipflow::detail
