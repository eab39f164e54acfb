#include "scorecommand.h"

#include "detectorsetup.h"
#include "jsonfields.h"
#include "optiontable.h"

#include <clipflow/atomicfile.h>
#include <clipflow/batchrunner.h>
#include <clipflow/c2pa.h>
#include <clipflow/evidence.h>
#include <clipflow/isolatedintake.h>
#include <clipflow/laundering.h>
#include <clipflow/sha256.h>
#include <clipflow/sharding.h>
#include <clipflow/supervisedmodel.h>
#include <clipflow/workerprocess.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <unistd.h>

namespace clipflow::cli {

const char* const kScoreAbout = R"(Scores images for signs of AI generation. Two detectors exist:
  clipflow    (default) trained on natural photos only: how likely a natural
              photo is to look like this one, calibrated against held-out
              natural photos
  supervised  trained on real and AI images: p_ai, and which generator;
              the shipped one's level is read against natural photos it
              never saw (p_value), as CLIP-Flow's is
  all         both; a line says when they disagree
Without --model the default detectors shipped with ClipFlow are used.)";

const char* const kScoreNotes = R"(Verdicts: natural, weak, moderate or strong evidence of AI generation (the
model's calibrated level, level_code), or inconclusive when that level does
not hold up: the score is close to the model's threshold (a p-value within a
factor of 2 of the flag level, about 0.02-0.08; an uncalibrated supervised
model's p_ai 0.4-0.6), the verdict changes under an everyday
transform (--robustness), or the detectors disagree (--detector all). The
reason is in inconclusive_reason.

JSON fields: file, sha256, detector, model_id, backbone, ai_score, verdict,
verdict_code, level_code, inconclusive_reason; clipflow adds log_likelihood,
percentile, p_value; supervised adds p_ai, log_odds_real, percentile and
p_value (models calibrated on natural photos), generator ("unknown" when no
known generator fits), generator_probs (given AI, summing to 1; models
that learnt an "unknown" class from proxies list it too);
seen_in_training (true only when the model trained or was calibrated on
this very file, so its score says little); calibrated_as ("delivered_copy"
when a small JPEG, shorter side at most 640 px, was read against the
model's held-out photos as delivered); uncalibrated_format ("HEIF",
"AVIF", "lossy WebP", "palette-colour" or "CMYK": no calibration covers that
compression, so a level above natural is reported as inconclusive);
robustness (with --robustness: {transform, ai_score, verdict_code} for
jpeg90, jpeg75, resize75, resize50); map (with --map: image_width,
image_height, tile_width, tile_height, xs, ys (tile edges), log_likelihood
and ai_score per tile, row-major, model_id, and png); pixel_grid (which
pixels were read); name_format (null, or a sentence when the name's ending
promises another format: a renamed file). With all: "results" (one
object per detector), "disagreement", and the one verdict, verdict_code
and inconclusive_reason for the analyst (an AI verdict needs both
detectors, at the weaker one's level). Every line has "provenance": what
the file itself says of its origin (C2PA Content Credentials, verified;
generator settings in PNG text chunks from AUTOMATIC1111, ComfyUI, NovelAI
or InvokeAI; the IPTC digital source type; software and credit tags naming
a generator): ai_declared, says_camera, digital_source_type, generator,
findings (each with its meaning), c2pa and text_chunks, as `clipflow
provenance` gives them. Metadata can be removed or forged. Absence of
evidence is not proof of authenticity, and resizing or recompression
weakens every detector.

Exit status: 0 all scored, 1 some inputs failed, 2 usage error or unusable model.)";

namespace {

std::string readable(const nlohmann::json& r)
{
    char buf[320]; // a generator named by add-generator may be long
    if (r["detector"] == "clipflow")
        std::snprintf(buf, sizeof buf, "clipflow ai_score %.2f  p %s%.2g  ", r["ai_score"].get<double>(),
                      r["p_extrapolated"].get<bool>() ? "~" : "", r["p_value"].get<double>());
    else {
        char p[32] = ""; // calibrated models only
        if (r.contains("p_value"))
            std::snprintf(p, sizeof p, "  p %s%.2g", r["p_extrapolated"].get<bool>() ? "~" : "", r["p_value"].get<double>());
        // A name says which known generator's traces the image shares, never who made it.
        const std::string gen = r["generator"].is_string() ? r["generator"].get<std::string>() : std::string();
        const std::string maker = gen.empty() ? "" : gen == "unknown" ? "  no known generator" : "  resembles " + gen;
        std::snprintf(buf, sizeof buf, "supervised p_ai %.2f%s%s  ", r["p_ai"].get<double>(), p, maker.c_str());
    }
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
// Reads one file: in this process, or through the isolated reader numbered `slot`,
// whose child then goes on to read `next` (when not empty) while this one is used.
using ReadOne = std::function<Result<Evidence>(std::size_t slot, const std::string& file, const std::string& next)>;

// Reads, hashes and decodes a group of files on `threads` threads, the t-th
// thread through slot `first_slot + t`, each a contiguous run of the files in
// order (so that an isolated reader's child reads the next file ahead).
Decoded read_group(const std::vector<std::string>& files, const ReadOne& read_one, std::size_t first_slot, unsigned threads)
{
    Decoded evs(files.size());
    const std::size_t n = files.size(), runs = std::max<std::size_t>(1, std::min<std::size_t>(threads, n));
    auto read_run = [&](std::size_t t) {
        const std::size_t begin = n * t / runs, end = n * (t + 1) / runs;
        for (std::size_t i = begin; i < end; ++i)
            evs[i] = read_one(first_slot + t, files[i], i + 1 < end ? files[i + 1] : std::string());
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < runs; ++t) pool.emplace_back(read_run, t);
    read_run(0);
    for (auto& t : pool) t.join();
    return evs;
}

// Reads the next group while this one is scored: outside its matrix products a
// CLIP encoder keeps one core busy, so decoding there is nearly free. In
// process on two threads (rather than one: 85 % -> 89-90 % of the encoder's
// batched throughput on 2 cores, bench/compare_batch.py); isolated through one
// reader, whose child reads each next file while this one comes back (a second
// reader measured the same). A file that hangs the read-ahead runs into its
// own time limit in its child.
class ReadAhead {
public:
    ReadAhead(ReadOne read_one, unsigned threads) : read_one_(std::move(read_one)), threads_(threads) {}
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
        return read_group(files, read_one_, 0, threads_);
    }
    void start(std::vector<std::string> files)
    {
        if (files.empty()) return;
        pending_files_ = files;
        pending_ = std::async(std::launch::async,
                              [this, files = std::move(files)] { return read_group(files, read_one_, 0, threads_); });
    }

private:
    ReadOne read_one_;
    unsigned threads_;
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
            const auto& info = (*evs[i])->info;
            inputs.push_back({&(*evs[i])->pixels, info.sha256, is_delivered_copy(info.format, info.width, info.height),
                              uncalibrated_format(info)});
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
        line["name_format"] = name_format_json(ev.info);
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
    // A map that could not be written fails the file, but its scores stand and are printed.
    const bool failed = line.contains("error") || line.contains("map_error");
    if (line.contains("map_error") && !json)
        std::cerr << line["file"].get<std::string>() << ": no score map: " << line["map_error"].get<std::string>() << "\n";
    if (json) {
        std::cout << dump_line(line) << "\n";
    } else if (line.contains("error")) {
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
    bool json = false, bf16 = false, resume = false;
    ScoreParams scoring;
    std::optional<std::string> model, clipflow_model, supervised_model, clip, trust, map_dir, shard_text, output;
    std::string kind = "clipflow";
    int threads = 0, batch = 0, shards = 0;
    double file_timeout = 120;
    std::vector<std::string> inputs;
    OptionTable t("score", "[options] IMAGE|FOLDER...", kScoreAbout);
    t.choice("--detector", "D", kind, {"clipflow", "supervised", "all"}, "")
        .text("--model", "MODEL", model, "a detector file (its kind is read from the file)")
        .text("--clipflow-model", "M", clipflow_model, "the CLIP-Flow detector (with --detector clipflow or all)")
        .text("--supervised-model", "M", supervised_model, "the supervised detector (with --detector supervised or all)")
        .text("--clip", "CHECKPOINT", clip,
              "the CLIP model for CLIP-backbone detectors (default: the installed model whose SHA-256 the detector "
              "names)")
        .flag("--bf16", bf16, "bfloat16 CLIP compute (CPUs with AVX-512 BF16, or CUDA)")
        .whole("--threads", "N", threads, 0, 1024, "images scored in parallel")
        .default_text("all cores for the forensic backbone, 1 for CLIP")
        .whole("--batch", "N", batch, 1, 256,
               "images decoded together (in parallel) and encoded as one batch (a CLIP backbone's batched "
               "throughput is about twice batch 1's)")
        .default_text("8 with a CLIP backbone, else 1")
        .flag("--json", json, "JSON lines (default: one readable line per image)")
        .flag("--robustness", scoring.robustness,
              "also score each image after JPEG quality 90 and 75 and after resizing to 75% and 50% (in memory; 5x "
              "the time)")
        .text("--map", "DIR", map_dir,
              "also write where the CLIP-Flow detector finds each image least natural: DIR/NAME-SHA8-map.png (8-bit "
              "grey, the image's aspect ratio, long side at most 1024 px, brighter = less natural; from overlapping "
              "256 px tiles at native resolution) and the tile grid in the JSON line as \"map\"")
        .text("--trust", "FILE.pem", trust, "C2PA trust anchors for the provenance object (see clipflow provenance --help)")
        .number("--file-timeout", "S", file_timeout, 0, 86400,
                "time limit for reading each image, in seconds (0: none, and no worker processes). Images are read, "
                "hashed and decoded in worker processes (clipflow-intake), and scored here; one that takes "
                "longer is stopped and reported (error_code \"timed_out\"), one whose worker crashes is reported "
                "(\"worker_crashed\"), and the batch goes on with a fresh worker")
        .section("Large batches, over several machines")
        .text("--shard", "I/N", shard_text,
              "score only shard I (0-based) of N: each file's shard comes from a hash of its path relative to the "
              "folder given, so N shards together are one unsharded run, whatever machine lists the files. Without "
              "--shard, a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (with --shards N) or a Slurm array's "
              "SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT choose the shard")
        .whole("--shards", "N", shards, 1, 1'000'000, "the number of shards, for JOB_COMPLETION_INDEX")
        .default_text("")
        .text("--output", "FILE.jsonl", output,
              "also append each result to FILE as one JSON line, written whole (an existing non-empty FILE needs "
              "--resume)")
        .flag("--resume", resume,
              "continue a stopped run: skip the files whose path and SHA-256 already have a line in --output (a last "
              "line cut short is removed first)")
        .positionals(inputs)
        .notes(kScoreNotes);
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    if (inputs.empty()) return usage("no images given");
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
        maps = std::filesystem::absolute(*map_dir, ec).string();
    }
    ProvenanceParams provenance;
    if (trust) {
        auto pem = read_trust_anchors(*trust);
        if (!pem) return usage(pem.status().message());
        provenance.c2pa.trust_anchors_pem = std::move(*pem);
    }
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
        if (shards > 0 && shards != parsed->count) return usage("--shard and --shards name different counts");
        shard = *parsed;
    } else {
        auto from_env = shard_from_environment(shards);
        if (!from_env) return usage(from_env.status().message());
        if (!*from_env && shards > 0)
            return usage("--shards needs JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID in the environment, or --shard I/N");
        shard = *from_env;
    }
    std::vector<std::string> files;
    std::vector<FolderProblem> folder_problems; // said now; the batch still runs, and exits 1
    for (auto& f : expand_image_roots(inputs, &folder_problems))
        if (!shard || shard_of(f.relative, shard->count) == shard->index) files.push_back(std::move(f.path));
    const int folders_failed = say_folder_problems(folder_problems) ? 1 : 0;
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

    // With a time limit, every parser of a file's bytes runs in `clipflow-intake`
    // (core/isolatedintake.h), as in the window: a file that hangs or crashes a decoder
    // costs that child and one error line. Scoring the decoded pixels runs here. A
    // reader per worker thread.
    std::vector<std::unique_ptr<IsolatedReader>> readers; // each starts its child at its first read
    if (file_timeout > 0) {
        WorkerProcessParams params;
        params.argv = {executable_dir() + "/clipflow-intake"};
        if (::access(params.argv.front().c_str(), X_OK) != 0) {
            std::cerr << "clipflow score: " << params.argv.front() << " is missing (it is installed beside clipflow and "
                      << "reads each file in a separate process); --file-timeout 0 reads in this process instead\n";
            return 2;
        }
        params.timeout_s = file_timeout;
        for (int r = 0; r < threads; ++r) readers.push_back(std::make_unique<IsolatedReader>(params));
    }
    // In this process: one set of detectors per worker thread (a detector is used by one thread at a time).
    // (Starting the first reader while they load gained nothing here: both compete for the same cores.)
    const auto sets = load_detector_sets("score", set_params, threads);
    if (sets.empty()) return 2;
    const std::size_t group = batch > 0 ? std::size_t(batch) : sets.front().clip_backbone() ? 8 : 1;
    // One worker with groups (a CLIP backbone) reads the next group while it scores this one.
    // Not for one file at a time: decoding beside the forensic backbone's convolutions, whose
    // threads spin on both cores, made ten 12 MP photos 3 s -> 9.7 s (in process) here.
    const bool read_ahead = sets.size() == 1 && group > 1;
    IntakeParams intake;
    intake.read_provenance = true; // from the bytes already read: no second read
    intake.provenance = provenance;
    const ReadOne read_one = [&](std::size_t slot, const std::string& file, const std::string& next) {
        return readers.empty() ? load_evidence(file, intake) : readers[slot]->read(file, intake, next);
    };
    ReadAhead reader(read_one, readers.empty() ? 2 : 1);
    const int status =
        run_groups(files, static_cast<int>(sets.size()), group, json, [&](int w, std::size_t begin, std::size_t end) {
            const std::vector<std::string> group_files(files.begin() + std::ptrdiff_t(begin),
                                                       files.begin() + std::ptrdiff_t(end));
            const auto& set = sets[static_cast<std::size_t>(w)];
            if (!read_ahead)
                return score_files(group_files, read_group(group_files, read_one, std::size_t(w), 1), set, scoring, maps);
            const Decoded decoded = reader.take(group_files);
            reader.start(
                {files.begin() + std::ptrdiff_t(end), files.begin() + std::ptrdiff_t(std::min(files.size(), end + group))});
            return score_files(group_files, decoded, set, scoring, maps);
        });
    return std::max(status, folders_failed);
}

} // namespace clipflow::cli
