#include "scorecommand.h"

#include "args.h"
#include "detectorsetup.h"
#include "jsonfields.h"

#include <clipflow/evidence.h>
#include <clipflow/imagepaths.h>

#include <atomic>
#include <cstdio>
#include <iostream>
#include <thread>

namespace clipflow::cli {

const char* const kScoreHelp =
    R"(Usage: clipflow score [--detector clipflow|supervised|all] [--model MODEL] IMAGE|FOLDER... [--json]

Scores images for signs of AI generation. Two detectors exist:
  clipflow    (default) trained on natural photos only: how likely a natural
              photo is to look like this one, calibrated against held-out
              natural photos
  supervised  trained on real and AI images: p_ai, and which generator
  all         both; a line says when they disagree
Without --model the default detectors shipped with ClipFlow are used.

Options:
  --detector D         clipflow (default), supervised or all
  --model MODEL        a detector file (its kind is read from the file)
  --clipflow-model M   the CLIP-Flow detector (with --detector clipflow or all)
  --supervised-model M the supervised detector (with --detector supervised or all)
  --clip CHECKPOINT    the CLIP model for CLIP-backbone detectors (default:
                       the installed model whose SHA-256 the detector names)
  --bf16               bfloat16 CLIP compute (CPUs with AVX-512 BF16, or CUDA)
  --threads N          images scored in parallel (default: all cores for the
                       forensic backbone, 1 for CLIP)
  --json               JSON lines (default: one readable line per image)

JSON fields: file, sha256, detector, model_id, backbone, ai_score, verdict;
clipflow adds log_likelihood, percentile, p_value; supervised adds p_ai,
generator ("unknown" when no known generator fits), generator_probs (given
AI, summing to 1). With all: "results" (one object per detector) and
"disagreement". Absence of evidence is not proof of authenticity, and
resizing or recompression weakens every detector.

Exit status: 0 all scored, 1 some inputs failed, 2 usage error or unusable model.
)";

namespace {

struct Outcome {
    EvidenceInfo info;
    std::vector<nlohmann::json> results;
    Status status;
};

std::string readable(const nlohmann::json& r)
{
    char buf[160];
    if (r["detector"] == "clipflow")
        std::snprintf(buf, sizeof buf, "clipflow ai_score %.2f  p %s%.2g  ", r["ai_score"].get<double>(),
                      r["p_extrapolated"].get<bool>() ? "~" : "", r["p_value"].get<double>());
    else
        std::snprintf(buf, sizeof buf, "supervised p_ai %.2f%s%s  ", r["p_ai"].get<double>(),
                      r["generator"].is_string() ? "  generator " : "",
                      r["generator"].is_string() ? r["generator"].get<std::string>().c_str() : "");
    return buf + r["verdict"].get<std::string>();
}

} // namespace

int run_score(std::vector<std::string> words)
{
    Args args(std::move(words));
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kScoreHelp;
        return 0;
    }
    const bool json = args.flag("--json");
    const bool bf16 = args.flag("--bf16");
    const auto model = args.option("--model");
    const auto clipflow_model = args.option("--clipflow-model");
    const auto supervised_model = args.option("--supervised-model");
    const auto clip = args.option("--clip");
    const auto threads_text = args.option("--threads");
    const auto which = args.option("--detector");
    const auto inputs = args.positional();
    auto usage = [](const std::string& why) { return usage_error("score", why); };
    if (!args.error().empty()) return usage(args.error());
    if (inputs.empty()) return usage("no images given");
    const std::string kind = which.value_or("clipflow");
    if (kind != "clipflow" && kind != "supervised" && kind != "all")
        return usage("--detector must be clipflow, supervised or all");
    if (kind == "all" && model) return usage("with --detector all, use --clipflow-model and --supervised-model");
    // An option that names the other detector would be silently ignored: say so instead.
    if (kind == "clipflow" && supervised_model) return usage("--supervised-model needs --detector supervised or all");
    if (kind == "supervised" && clipflow_model) return usage("--clipflow-model needs --detector clipflow or all");
    if (model && (clipflow_model || supervised_model))
        return usage("give --model or --clipflow-model/--supervised-model, not both");
    bool ok = true;
    int threads = threads_text ? to_int(*threads_text, 0, ok) : 0;
    if (!ok || threads < 0) return usage("--threads needs a whole number");
    if (threads == 0) threads = int(std::max(1u, std::thread::hardware_concurrency()));

    // One set of detectors per worker: a detector is used by one thread at a time.
    std::vector<std::string> paths;
    for (const std::string& k :
         kind == "all" ? std::vector<std::string>{"clipflow", "supervised"} : std::vector<std::string>{kind}) {
        const auto& named = k == "clipflow" ? clipflow_model : supervised_model;
        const auto explicit_model = kind != "all" && model ? model : named;
        const auto path = detector_path("score", explicit_model, k);
        if (!path) return 2;
        paths.push_back(*path);
    }
    std::vector<std::vector<AnyDetector>> sets; // [detector][worker]
    int workers = threads;
    for (const auto& path : paths) {
        auto copies = load_detectors("score", path, clip, bf16, threads);
        if (copies.empty()) return 2;
        workers = std::min<int>(workers, static_cast<int>(copies.size()));
        sets.push_back(std::move(copies));
    }

    const auto files = expand_image_paths(inputs);
    int failures = 0;
    const std::size_t chunk = 64; // bounded memory, ordered output
    for (std::size_t start = 0; start < files.size(); start += chunk) {
        const std::size_t end = std::min(files.size(), start + chunk);
        std::vector<Outcome> out(end - start);
        std::atomic<std::size_t> next{start};
        auto work = [&](int w) {
            for (std::size_t i; (i = next++) < end;) {
                Outcome& o = out[i - start];
                auto ev = load_evidence(files[i]);
                if (!ev) {
                    o.status = ev.status();
                    continue;
                }
                o.info = ev->info;
                for (const auto& set : sets) {
                    auto r = set[static_cast<std::size_t>(w)].score(ev->pixels);
                    if (!r) {
                        o.status = r.status();
                        break;
                    }
                    o.results.push_back(std::move(*r));
                }
            }
        };
        std::vector<std::thread> pool;
        for (int w = 1; w < workers; ++w) pool.emplace_back(work, w);
        work(0);
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
            nlohmann::json line{{"file", o.info.path}, {"sha256", o.info.sha256}};
            bool disagree = false;
            if (o.results.size() == 1) {
                line.update(o.results.front());
            } else {
                line["detector"] = "all";
                line["results"] = o.results;
                disagree = (o.results[0]["verdict_code"] == "natural") != (o.results[1]["verdict_code"] == "natural");
                line["disagreement"] = disagree;
            }
            line["pixel_grid"] = pixel_grid_note(o.info);
            if (json) {
                std::cout << line.dump() << "\n";
            } else {
                std::cout << o.info.path;
                for (const auto& r : o.results) std::cout << "  " << readable(r);
                if (disagree) std::cout << "  [DETECTORS DISAGREE]";
                std::cout << "\n";
            }
        }
        std::cout.flush();
    }
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
