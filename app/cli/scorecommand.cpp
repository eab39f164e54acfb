#include "scorecommand.h"

#include "args.h"
#include "detectorsetup.h"
#include "jsonfields.h"

#include <clipflow/atomicfile.h>
#include <clipflow/batchrunner.h>
#include <clipflow/c2pa.h>
#include <clipflow/evidence.h>
#include <clipflow/imagepaths.h>
#include <clipflow/laundering.h>
#include <clipflow/sha256.h>
#include <clipflow/sharding.h>
#include <clipflow/supervisedmodel.h>
#include <clipflow/workerprocess.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unistd.h>

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
  --batch N            images decoded together (in parallel) and encoded as
                       one batch (default 8 with a CLIP backbone, whose
                       batched throughput is about twice batch 1's; else 1)
  --json               JSON lines (default: one readable line per image)
  --robustness         also score each image after JPEG quality 90 and 75 and
                       after resizing to 75% and 50% (in memory; 5x the time)
  --map DIR            also write where the CLIP-Flow detector finds each
                       image least natural: DIR/NAME-SHA8-map.png (8-bit
                       grey, the image's aspect ratio, long side at most
                       1024 px, brighter = less natural; from overlapping
                       256 px tiles at native resolution) and the tile grid
                       in the JSON line as "map"
  --trust FILE.pem     C2PA trust anchors for the provenance object (see
                       clipflow provenance --help)
  --file-timeout S     time limit per image in seconds (default 120; 0: none).
                       Images are read, decoded and scored in worker
                       processes; one that takes longer is stopped and
                       reported (error_code "timed_out"), one whose worker
                       crashes is reported ("worker_crashed"), and the batch
                       goes on with a fresh worker

Large batches, over several machines:
  --shard I/N          score only shard I (0-based) of N: each file's shard
                       comes from a hash of its path relative to the folder
                       given, so N shards together are one unsharded run,
                       whatever machine lists the files. Without --shard, a
                       Kubernetes Indexed Job's JOB_COMPLETION_INDEX (with
                       --shards N) or a Slurm array's SLURM_ARRAY_TASK_ID and
                       SLURM_ARRAY_TASK_COUNT choose the shard
  --shards N           the number of shards, for JOB_COMPLETION_INDEX
  --output FILE.jsonl  also append each result to FILE as one JSON line,
                       written whole (an existing non-empty FILE needs
                       --resume)
  --resume             continue a stopped run: skip the files whose path and
                       SHA-256 already have a line in --output (a last line
                       cut short is removed first)

Verdicts: natural, weak, moderate or strong evidence of AI generation (the
model's calibrated level, level_code), or inconclusive when that level does
not hold up: the score is close to the model's threshold (CLIP-Flow p-value
0.025-0.10, supervised p_ai 0.4-0.6), the verdict changes under an everyday
transform (--robustness), or the detectors disagree (--detector all). The
reason is in inconclusive_reason.

JSON fields: file, sha256, detector, model_id, backbone, ai_score, verdict,
verdict_code, level_code, inconclusive_reason; clipflow adds log_likelihood,
percentile, p_value; supervised adds p_ai, generator ("unknown" when no
known generator fits), generator_probs (given AI, summing to 1);
seen_in_training (true only when the model trained or was calibrated on
this very file, so its score says little); robustness (with --robustness:
{transform, ai_score, verdict_code} for jpeg90, jpeg75, resize75,
resize50); map (with --map: image_width, image_height, tile_width,
tile_height, xs, ys (tile edges), log_likelihood and ai_score per tile,
row-major, and png). With all: "results" (one object per detector), "disagreement",
and the one verdict, verdict_code and inconclusive_reason for the analyst
(an AI verdict needs both detectors, at the weaker one's level). Every
line has "provenance": what the file itself says of
its origin (C2PA Content Credentials, verified; generator settings in PNG
text chunks from AUTOMATIC1111, ComfyUI, NovelAI or InvokeAI; the IPTC
digital source type; software and credit tags naming a generator):
ai_declared, says_camera, digital_source_type, generator, findings (each
with its meaning), c2pa and text_chunks, as `clipflow provenance` gives
them. Metadata can be removed or forged. Absence of evidence is not
proof of authenticity, and resizing or recompression weakens every
detector.

Exit status: 0 all scored, 1 some inputs failed, 2 usage error or unusable model.
)";

namespace {

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

// The CLIP-Flow detector's tile map of one image, written as DIR/NAME-SHA8-map.png.
Result<nlohmann::json> write_map(const Detector* detector, const Evidence& ev, const std::string& dir)
{
    if (!detector) return Status(ErrorCode::InvalidArgument, "no CLIP-Flow detector is loaded");
    auto map = detector->score_map(ev.pixels);
    if (!map) return map.status();
    auto png = encode_image(map->render(1024), ".png");
    if (!png) return png.status();
    const std::string path = (std::filesystem::path(dir) / (std::filesystem::path(ev.info.path).stem().string() + "-" +
                                                            ev.info.sha256.substr(0, 8) + "-map.png"))
                                 .string();
    if (Status s = write_file_atomic(path, *png); !s.ok()) return s;
    auto j = nlohmann::json::parse(map->to_json());
    j["png"] = path;
    return j;
}

using Decoded = std::vector<std::optional<Result<Evidence>>>;

// Reads, hashes and decodes a group of files on `threads` threads.
Decoded read_group(const std::vector<std::string>& files, const ProvenanceParams& provenance, unsigned threads)
{
    IntakeParams intake;
    intake.read_provenance = true; // from the bytes already read: no second read
    intake.provenance = provenance;
    Decoded evs(files.size());
    std::atomic<std::size_t> next{0};
    auto decode = [&] {
        for (std::size_t i; (i = next++) < files.size();) evs[i] = load_evidence(files[i], intake);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<unsigned>(static_cast<unsigned>(files.size()), threads); ++t) pool.emplace_back(decode);
    decode();
    for (auto& t : pool) t.join();
    return evs;
}

// Reads the next group on two threads while this one is scored: outside its
// matrix products a CLIP encoder keeps one core busy, so decoding there is
// nearly free (two threads rather than one: 85 % -> 89-90 % of the encoder's
// batched throughput on 2 cores, bench/compare_batch.py). A file that hangs the read-ahead is caught by the next
// request's time limit, as if it had been read then.
class ReadAhead {
public:
    explicit ReadAhead(ProvenanceParams provenance) : provenance_(std::move(provenance)) {}
    ~ReadAhead()
    {
        if (pending_.valid()) pending_.wait();
    }
    Decoded take(const std::vector<std::string>& files)
    {
        if (pending_.valid()) {
            auto ready = pending_.get();
            if (pending_files_ == files) return ready;
        }
        return read_group(files, provenance_, std::max(1u, std::thread::hardware_concurrency()));
    }
    void start(std::vector<std::string> files)
    {
        if (files.empty()) return;
        pending_files_ = files;
        pending_ = std::async(std::launch::async, [this, files = std::move(files)] { return read_group(files, provenance_, 2); });
    }

private:
    ProvenanceParams provenance_;
    std::vector<std::string> pending_files_;
    std::future<Decoded> pending_;
};

// The whole output lines for a group of decoded files, scored as one batch:
// its results, or {"file","error","error_code"}. With a map folder, a map that
// cannot be made or written adds "map_error" (the scores stand).
std::vector<nlohmann::json> score_files(const std::vector<std::string>& files, const Decoded& evs, const DetectorSet& set,
                                        const ScoreParams& scoring, const std::string& map_dir)
{
    std::vector<ScoreInput> inputs;
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < files.size(); ++i)
        if (*evs[i]) {
            inputs.push_back({&(*evs[i])->pixels, (*evs[i])->info.sha256});
            which.push_back(i);
        }
    auto scores = set.score_batch(inputs, scoring);
    std::vector<nlohmann::json> lines(files.size());
    for (std::size_t i = 0; i < files.size(); ++i)
        if (!*evs[i]) lines[i] = error_line(files[i], evs[i]->status());
    for (std::size_t k = 0; k < which.size(); ++k) {
        const std::size_t i = which[k];
        const Evidence& ev = **evs[i];
        if (!scores[k]) {
            lines[i] = error_line(files[i], scores[k].status());
            continue;
        }
        nlohmann::json line{{"file", ev.info.path}, {"sha256", ev.info.sha256}};
        line.update(nlohmann::json::parse(scores[k]->to_json()));
        line["pixel_grid"] = pixel_grid_note(ev.info);
        if (ev.provenance) line["provenance"] = nlohmann::json::parse(ev.provenance->to_json());
        if (!map_dir.empty()) {
            auto map = write_map(set.find(DetectorKind::ClipFlow), ev, map_dir);
            if (map)
                line["map"] = std::move(*map);
            else
                line["map_error"] = map.status().message();
        }
        lines[i] = std::move(line);
    }
    return lines;
}

// A worker's request: the group's encoded paths separated by spaces, then
// optionally " | " and the next group's (to read ahead).
std::pair<std::vector<std::string>, std::vector<std::string>> split_request(const std::string& request)
{
    std::pair<std::vector<std::string>, std::vector<std::string>> out;
    auto* side = &out.first;
    std::size_t at = 0;
    while (at < request.size()) {
        const std::size_t end = std::min(request.find(' ', at), request.size());
        const std::string word = request.substr(at, end - at);
        if (word == "|")
            side = &out.second;
        else
            side->push_back(word);
        at = end + 1;
    }
    return out;
}

// Prints one line; returns false for a failed file.
// --output: the results file, appended one whole line per write (-1: none).
int g_output_fd = -1;

bool print(const nlohmann::json& line, bool json)
{
    if (g_output_fd >= 0) {
        const std::string text = dump_line(line) + "\n";
        // One write per line: a run killed now leaves whole lines (--resume cuts a partial one).
        if (::write(g_output_fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
            std::cerr << "clipflow score: writing the results file failed: " << std::strerror(errno) << "\n";
    }
    const bool failed = line.contains("error") || line.contains("map_error");
    if (line.contains("map_error") && !json)
        std::cerr << line["file"].get<std::string>() << ": no score map: " << line["map_error"].get<std::string>() << "\n";
    if (json) {
        std::cout << dump_line(line) << "\n";
    } else if (failed) {
        std::cerr << line["file"].get<std::string>() << ": " << line["error"].get<std::string>() << "\n";
    } else {
        std::cout << line["file"].get<std::string>();
        const auto results = line.contains("results") ? line["results"] : nlohmann::json::array({line});
        for (const auto& r : results) std::cout << "  " << readable(r);
        if (line.value("disagreement", false)) std::cout << "  [DETECTORS DISAGREE]";
        const std::string why = line.value("inconclusive_reason", std::string());
        if (!why.empty() && !line.value("disagreement", false)) std::cout << "  [inconclusive: " << why << "]";
        const auto c =
            line.contains("provenance") ? line["provenance"].value("c2pa", nlohmann::json::object()) : nlohmann::json::object();
        if (c.value("present", false))
            std::cout << "  [C2PA: signature " << c.value("signature", "invalid") << ", binding " << c.value("binding", "invalid")
                      << (c.contains("signer_name") && c["signer_name"].is_string()
                              ? ", signed by " + c["signer_name"].get<std::string>()
                              : std::string())
                      << "]";
        if (line.contains("provenance") && line["provenance"].value("says_ai", false)) {
            std::string what = "the file's metadata says it was AI-generated";
            if (line["provenance"]["generator"].is_object())
                what += " (" + line["provenance"]["generator"].value("tool", std::string()) + ")";
            std::cout << "  [" << what << "]";
        }
        if (line.contains("map")) std::cout << "  [map: " << line["map"]["png"].get<std::string>() << "]";
        std::cout << "\n";
    }
    return !failed;
}

// Runs `work(worker, begin, end)` for groups of `group` files on `workers` threads,
// printing in input order as soon as every earlier file is done, so a long batch
// streams its results.
int run_groups(const std::vector<std::string>& files, int workers, std::size_t group, bool json,
               const std::function<std::vector<nlohmann::json>(int, std::size_t, std::size_t)>& work)
{
    int failures = 0;
    group = std::max<std::size_t>(1, group);
    // On a terminal, progress on stderr (cleared before each result line).
    const bool progress = files.size() > 1 && isatty(2);
    const auto started = std::chrono::steady_clock::now();
    auto show_progress = [&](std::size_t done) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const double left = done ? elapsed / double(done) * double(files.size() - done) : 0.0;
        std::fprintf(stderr, "\r\033[Kscored %zu/%zu, about %.0f s left", done, files.size(), left);
        std::fflush(stderr);
    };
    // core's batch runner: groups on the workers, lines printed in input order as
    // soon as every earlier file is done, at most a few groups per worker held.
    const std::size_t window = std::max<std::size_t>(64, group * static_cast<std::size_t>(workers) * 2); // bounded memory
    run_batch<nlohmann::json>(
        BatchPlan{files.size(), workers, group, window},
        [&](int w, std::size_t first, std::size_t last) { return work(w, first, last); },
        [&](std::size_t index, nlohmann::json line) {
            if (progress) std::fputs("\r\033[K", stderr);
            failures += print(line, json) ? 0 : 1;
            std::cout.flush();
            if (progress && index + 1 < files.size()) show_progress(index + 1);
        });
    if (progress) std::fputs("\r\033[K", stderr);
    return failures ? 1 : 0;
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
    const bool worker_mode = args.flag("--worker");
    ScoreParams scoring;
    scoring.robustness = args.flag("--robustness");
    const auto model = args.option("--model");
    const auto clipflow_model = args.option("--clipflow-model");
    const auto supervised_model = args.option("--supervised-model");
    const auto clip = args.option("--clip");
    const auto threads_text = args.option("--threads");
    const auto which = args.option("--detector");
    const auto trust = args.option("--trust");
    const auto map_dir = args.option("--map");
    double file_timeout = 120, shards = 0, batch = 0;
    const std::string bad_number = read_numbers(
        args, {{"--file-timeout", &file_timeout, 0, 86400}, {"--shards", &shards, 1, 1e6}, {"--batch", &batch, 1, 256}});
    const auto shard_text = args.option("--shard");
    const auto output = args.option("--output");
    const bool resume = args.flag("--resume");
    const auto inputs = args.positional();
    auto usage = [](const std::string& why) { return usage_error("score", why); };
    if (!args.error().empty()) return usage(args.error());
    if (!bad_number.empty()) return usage(bad_number);
    if (inputs.empty() && !worker_mode) return usage("no images given");
    const std::string kind = which.value_or("clipflow");
    if (kind != "clipflow" && kind != "supervised" && kind != "all")
        return usage("--detector must be clipflow, supervised or all");
    if (kind == "all" && model) return usage("with --detector all, use --clipflow-model and --supervised-model");
    // An option that names the other detector would be silently ignored: say so instead.
    if (kind == "clipflow" && supervised_model) return usage("--supervised-model needs --detector supervised or all");
    if (kind == "supervised" && clipflow_model) return usage("--clipflow-model needs --detector clipflow or all");
    if (model && (clipflow_model || supervised_model))
        return usage("give --model or --clipflow-model/--supervised-model, not both");
    std::string maps;
    if (map_dir) {
        if (kind == "supervised") return usage("--map needs the CLIP-Flow detector (--detector clipflow or all)");
        std::error_code ec;
        std::filesystem::create_directories(*map_dir, ec);
        if (!std::filesystem::is_directory(*map_dir, ec)) return usage("--map: cannot create the folder " + *map_dir);
        maps = std::filesystem::absolute(*map_dir, ec).string(); // workers may run elsewhere
    }
    ProvenanceParams provenance;
    if (trust) {
        auto pem = read_trust_anchors(*trust);
        if (!pem) return usage(pem.status().message());
        provenance.c2pa.trust_anchors_pem = std::move(*pem);
    }
    bool ok = true;
    int threads = threads_text ? to_int(*threads_text, 0, ok) : 0;
    if (!ok || threads < 0) return usage("--threads needs a whole number");
    if (threads == 0) threads = int(std::max(1u, std::thread::hardware_concurrency()));

    // The detector files, each in its kind's slot; "-" switches a kind off.
    DetectorSetParams set_params;
    set_params.exe_dir = executable_dir();
    set_params.load = load_params(clip, bf16);
    set_params.clipflow_model = set_params.supervised_model = "-";
    for (const DetectorKind k : {DetectorKind::ClipFlow, DetectorKind::Supervised}) {
        if (kind != "all" && kind != detector_kind_name(k)) continue;
        const auto& named = k == DetectorKind::ClipFlow ? clipflow_model : supervised_model;
        const auto explicit_model = kind != "all" && model ? model : named;
        const auto path = detector_path("score", explicit_model, k);
        if (!path) return 2;
        // --model's kind is read from the file: a supervised file scores as supervised.
        const auto file_kind = kind != "all" && model ? detector_kind(*path) : Result<std::string>(detector_kind_name(k));
        const bool supervised = file_kind ? *file_kind == "supervised" : k == DetectorKind::Supervised;
        (supervised ? set_params.supervised_model : set_params.clipflow_model) = *path;
    }
    if (resume && !output) return usage("--resume needs --output FILE.jsonl");
    std::optional<ShardSpec> shard;
    if (shard_text) {
        auto parsed = parse_shard(*shard_text);
        if (!parsed) return usage(parsed.status().message());
        if (shards > 0 && int(shards) != parsed->count) return usage("--shard and --shards name different counts");
        shard = *parsed;
    } else if (!worker_mode) {
        auto from_env = shard_from_environment(int(shards));
        if (!from_env) return usage(from_env.status().message());
        if (!*from_env && shards > 0)
            return usage("--shards needs JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID in the environment, or --shard I/N");
        shard = *from_env;
    }
    std::vector<std::string> files;
    if (!worker_mode)
        for (auto& f : expand_image_roots(inputs))
            if (!shard || shard_of(f.relative, shard->count) == shard->index) files.push_back(std::move(f.path));
    if (output) {
        std::error_code ec;
        if (!resume && std::filesystem::exists(*output, ec) && std::filesystem::file_size(*output, ec) > 0)
            return usage("--output " + *output + " exists: give --resume to continue it, or remove it");
        if (resume) {
            auto finished = read_finished_results(*output);
            if (!finished) return usage(finished.status().message());
            std::set<std::string> paths;
            for (const auto& [file, sha] : *finished) paths.insert(file);
            std::vector<std::string> left;
            for (auto& f : files) {
                // Skipped only when the very bytes were scored: the file may have changed since.
                if (paths.count(f))
                    if (auto sha = Sha256::file_hex(f); sha && finished->count({f, *sha})) continue;
                left.push_back(std::move(f));
            }
            std::cerr << "clipflow score: resuming: " << files.size() - left.size() << " of " << files.size()
                      << " files already scored\n";
            files = std::move(left);
        }
        g_output_fd = ::open(output->c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (g_output_fd < 0) return usage("--output: cannot open " + *output + ": " + std::strerror(errno));
    }

    if (file_timeout > 0 && !worker_mode) {
        // Isolated: each worker thread drives a child `clipflow score --worker`.
        WorkerProcessParams params;
        const bool both = set_params.clipflow_model != "-" && set_params.supervised_model != "-";
        params.argv = {executable_dir() + "/clipflow", "score", "--worker", "--detector",
                       both                               ? "all"
                       : set_params.clipflow_model != "-" ? "clipflow"
                                                          : "supervised"};
        for (const auto& [option, path] : {std::pair{"--clipflow-model", &set_params.clipflow_model},
                                           std::pair{"--supervised-model", &set_params.supervised_model}})
            if (*path != "-") params.argv.insert(params.argv.end(), {option, *path});
        if (clip) params.argv.insert(params.argv.end(), {"--clip", *clip});
        if (bf16) params.argv.push_back("--bf16");
        if (trust) params.argv.insert(params.argv.end(), {"--trust", *trust});
        if (scoring.robustness) params.argv.push_back("--robustness");
        if (!maps.empty()) params.argv.insert(params.argv.end(), {"--map", maps});
        params.timeout_s = file_timeout;
        std::vector<std::unique_ptr<WorkerProcess>> procs;
        procs.push_back(std::make_unique<WorkerProcess>(params));
        auto ready = procs.front()->start(); // loads the models once, before any file is timed
        if (!ready) {
            std::cerr << "clipflow score: the scoring worker did not start: " << ready.status().message() << "\n";
            return 2;
        }
        const auto hello = nlohmann::json::parse(*ready, nullptr, false);
        const bool parallel = hello.is_object() && hello.value("parallel", false);
        const int workers = parallel ? threads : 1;
        const std::size_t group = batch > 0 ? std::size_t(batch) : parallel ? 1 : 8;
        for (int w = 1; w < workers; ++w) procs.push_back(std::make_unique<WorkerProcess>(params));
        // One request per file, or per group: the paths separated by spaces, the
        // time limit per file times the group's size.
        auto ask = [&](int w, const std::vector<std::string>& group_files,
                       const std::vector<std::string>& next_files) -> Result<std::vector<nlohmann::json>> {
            std::string request;
            for (const auto& f : group_files) request += (request.empty() ? "" : " ") + encode_worker_path(f);
            if (!next_files.empty()) request += " |";
            for (const auto& f : next_files) request += " " + encode_worker_path(f);
            auto& proc = *procs[static_cast<std::size_t>(w)];
            proc.set_timeout(file_timeout * double(group_files.size()));
            auto reply = proc.request(request);
            if (!reply) return reply.status();
            auto parsed = nlohmann::json::parse(*reply, nullptr, false);
            std::vector<nlohmann::json> lines;
            if (parsed.is_array())
                for (auto& l : parsed) lines.push_back(std::move(l));
            if (lines.size() != group_files.size() || !std::all_of(lines.begin(), lines.end(), [](const nlohmann::json& l) {
                    return l.is_object() && l.contains("file");
                }))
                return Status(ErrorCode::Internal, "the worker's answer was unreadable");
            return lines;
        };
        return run_groups(files, workers, group, json, [&](int w, std::size_t begin, std::size_t end) {
            const std::vector<std::string> group_files(files.begin() + std::ptrdiff_t(begin),
                                                       files.begin() + std::ptrdiff_t(end));
            // One worker: it reads the next group while scoring this one.
            const std::vector<std::string> next_files =
                workers == 1 && group > 1
                    ? std::vector<std::string>(files.begin() + std::ptrdiff_t(end),
                                               files.begin() + std::ptrdiff_t(std::min(files.size(), end + group)))
                    : std::vector<std::string>();
            auto lines = ask(w, group_files, next_files);
            if (lines) return std::move(*lines);
            // A group that timed out or crashed its worker: each file again on its
            // own, so only the file at fault is reported.
            std::vector<nlohmann::json> one_by_one;
            for (const auto& f : group_files) {
                auto single = group_files.size() > 1 ? ask(w, {f}, {}) : lines;
                one_by_one.push_back(single ? std::move(single->front()) : error_line(f, single.status()));
            }
            return one_by_one;
        });
    }

    // A worker answers on its own descriptor; stray library output on stdout goes to stderr.
    std::FILE* replies = worker_mode ? take_worker_replies() : nullptr;
    if (worker_mode && !replies) return 2;

    // In this process: one set of detectors per worker thread (a detector is used by one thread at a time).
    const auto sets = load_detector_sets("score", set_params, worker_mode ? 1 : threads);
    if (sets.empty()) return 2;
    if (worker_mode) {
        // The isolated half of --file-timeout: says whether its parent may run several
        // (not with a CLIP backbone, which uses every core already).
        const nlohmann::json hello = {{"ready", true}, {"parallel", !sets.front().clip_backbone()}};
        ReadAhead reader(provenance);
        return serve_worker_requests(replies, dump_line(hello), [&](const std::string& request) {
            const auto [now, next] = split_request(request);
            std::vector<std::string> group_files, next_files;
            for (const auto* side : {&now, &next})
                for (const auto& part : *side) {
                    auto path = decode_worker_path(part);
                    if (!path) return dump_line(nlohmann::json{{"error", "unreadable request"}});
                    (side == &now ? group_files : next_files).push_back(std::move(*path));
                }
            const Decoded decoded = reader.take(group_files);
            reader.start(std::move(next_files));
            return dump_line(nlohmann::json(score_files(group_files, decoded, sets.front(), scoring, maps)));
        });
    }
    const std::size_t group = batch > 0 ? std::size_t(batch) : sets.front().clip_backbone() ? 8 : 1;
    const bool read_ahead = sets.size() == 1 && group > 1;
    ReadAhead reader(provenance);
    return run_groups(files, static_cast<int>(sets.size()), group, json, [&](int w, std::size_t begin, std::size_t end) {
        const std::vector<std::string> group_files(files.begin() + std::ptrdiff_t(begin), files.begin() + std::ptrdiff_t(end));
        if (!read_ahead)
            return score_files(group_files, read_group(group_files, provenance, 1), sets[static_cast<std::size_t>(w)], scoring,
                               maps);
        const Decoded decoded = reader.take(group_files);
        reader.start({files.begin() + std::ptrdiff_t(end), files.begin() + std::ptrdiff_t(std::min(files.size(), end + group))});
        return score_files(group_files, decoded, sets[static_cast<std::size_t>(w)], scoring, maps);
    });
}

} // namespace clipflow::cli
