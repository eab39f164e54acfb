#include "scorecommand.h"

#include "args.h"
#include "detectorsetup.h"
#include "inputs.h"
#include "jsonfields.h"

#include <clipflow/evidence.h>

#include <atomic>
#include <cstdio>
#include <iostream>
#include <thread>

namespace clipflow::cli {

const char* const kScoreHelp = R"(Usage: clipflow score [--model MODEL] IMAGE|FOLDER... [--json]

Scores images with a CLIP-Flow detector: how likely a natural photo is to
look like this one to the model, calibrated against held-out natural photos.
Without --model the default detector shipped with ClipFlow is used.

Options:
  --model MODEL        a detector file (.safetensors from clipflow train)
  --clip CHECKPOINT    the CLIP model for CLIP-backbone detectors (default:
                       the installed model whose SHA-256 the detector names)
  --bf16               bfloat16 CLIP compute (CPUs with AVX-512 BF16, or CUDA)
  --threads N          images scored in parallel (default: all cores for the
                       forensic backbone, 1 for CLIP)
  --json               JSON lines: file, sha256, detector, model_id, backbone,
                       log_likelihood, percentile, p_value, ai_score, verdict
                       (default: one readable line per image)

Low likelihood means unlike natural photos. p_value is the share of natural
photos that score this low; the verdict reads it on a fixed scale. Absence of
evidence is not proof of authenticity, and resizing or recompression weakens
every detector.

Exit status: 0 all scored, 1 some inputs failed, 2 usage error or unusable model.
)";

namespace {

struct Outcome {
    EvidenceInfo info;
    DetectorScore score;
    Status status;
};

} // namespace

int run_score(std::vector<std::string> words)
{
    Args args(std::move(words));
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kScoreHelp;
        return 0;
    }
    const bool json = args.flag("--json");
    const auto model = args.option("--model");
    const auto clip = args.option("--clip");
    const bool bf16 = args.flag("--bf16");
    const auto threads_text = args.option("--threads");
    const auto detector_kind = args.option("--detector");
    const auto inputs = args.positional();
    auto usage = [](const std::string& why) { return usage_error("score", why); };
    if (!args.error().empty()) return usage(args.error());
    if (inputs.empty()) return usage("no images given");
    if (detector_kind && *detector_kind != "clipflow") return usage("--detector: only clipflow is available");
    bool ok = true;
    int threads = threads_text ? to_int(*threads_text, 0, ok) : 0;
    if (!ok || threads < 0) return usage("--threads needs a whole number");

    const auto path = detector_path("score", model);
    if (!path) return 2;
    auto first = load_detector(*path, clip, bf16);
    if (!first) {
        std::cerr << "clipflow score: " << *path << ": " << first.status().message() << "\n";
        return 2;
    }
    const bool clip_backbone = first->info().backbone_type == "clip";
    if (threads == 0) threads = clip_backbone ? 1 : int(std::max(1u, std::thread::hardware_concurrency()));
    // One detector per worker: a detector is used by one thread at a time.
    std::vector<ClipFlowDetector> detectors;
    detectors.push_back(std::move(*first));
    for (int i = 1; i < threads; ++i) {
        auto d = load_detector(*path, clip, bf16);
        if (!d) break;
        detectors.push_back(std::move(*d));
    }
    const auto& info = detectors.front().info();

    const auto files = expand_inputs(inputs);
    int failures = 0;
    const std::size_t chunk = 64; // bounded memory, ordered output
    for (std::size_t start = 0; start < files.size(); start += chunk) {
        const std::size_t end = std::min(files.size(), start + chunk);
        std::vector<Outcome> out(end - start);
        std::atomic<std::size_t> next{start};
        auto work = [&](const ClipFlowDetector& det) {
            for (std::size_t i; (i = next++) < end;) {
                Outcome& o = out[i - start];
                auto ev = load_evidence(files[i]);
                if (!ev) {
                    o.status = ev.status();
                    continue;
                }
                o.info = ev->info;
                auto s = det.score(ev->pixels);
                if (!s)
                    o.status = s.status();
                else
                    o.score = std::move(*s);
            }
        };
        std::vector<std::thread> pool;
        for (std::size_t w = 1; w < detectors.size(); ++w) pool.emplace_back(work, std::cref(detectors[w]));
        work(detectors.front());
        for (auto& t : pool) t.join();
        for (std::size_t i = 0; i < out.size(); ++i) {
            const auto& o = out[i];
            if (!o.status.ok()) {
                ++failures;
                if (json)
                    std::cout << error_line(files[start + i], o.status).dump() << "\n";
                else
                    std::cerr << files[start + i] << ": " << o.status.message() << "\n";
                continue;
            }
            const auto& c = o.score.calibrated;
            if (json) {
                nlohmann::json line{{"file", o.info.path},
                                    {"sha256", o.info.sha256},
                                    {"detector", "clipflow"},
                                    {"model_id", info.model_id},
                                    {"backbone", info.backbone_id},
                                    {"log_likelihood", rounded(c.log_likelihood, 1e-5)},
                                    {"percentile", rounded(c.percentile, 1e-3)},
                                    {"p_value", c.p_value < 1e-4 ? c.p_value : rounded(c.p_value, 1e-6)},
                                    {"p_extrapolated", c.p_extrapolated},
                                    {"ai_score", rounded(c.ai_score, 1e-4)},
                                    {"verdict", c.verdict},
                                    {"verdict_code", c.verdict_code},
                                    {"views", o.score.view_log_likelihoods.size()},
                                    {"pixel_grid", pixel_grid_note(o.info)}};
                std::cout << line.dump() << "\n";
            } else {
                char buf[128];
                std::snprintf(buf, sizeof buf, "ai_score %.2f  p %s%.2g  ", c.ai_score, c.p_extrapolated ? "~" : "", c.p_value);
                std::cout << o.info.path << "  " << buf << c.verdict << "\n";
            }
        }
        std::cout.flush();
    }
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
