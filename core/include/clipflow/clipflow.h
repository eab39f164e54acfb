#pragma once
// clipflow_core: the forensic engine of ClipFlow Forensics. No Qt; builds on
// headless servers. Every call reports failure through Status / Result<T>.
//
// Usage:
//
//     #include <clipflow/clipflow.h>
//
//     clipflow::IntakeParams intake;            // defaults: 100 MP limit
//     intake.read_provenance = true;            // metadata and embedded generator settings too
//     auto ev = clipflow::load_evidence("suspect.png", intake);
//     if (!ev) { std::cerr << ev.status().to_string() << "\n"; return 1; }
//     std::cout << ev->info.sha256 << "\n";      // hash of the exact bytes read
//     if (ev->provenance && ev->provenance->says_ai)   // what the file claims (can be forged)
//         std::cout << ev->provenance->summary() << "\n";
//
//     clipflow::SpectrumParams sp;               // Hann window, 1024 px Welch tiles
//     sp.progress = [](double f) { /* 0..1 */ };
//     sp.abort = [&] { return cancelled.load(); };
//     auto spec = clipflow::analyze_spectrum(ev->pixels, sp);
//     for (const auto& peak : spec->peaks)       // periodic traces, strongest first
//         std::cout << peak.source << " " << peak.period_px << " px\n";
//     auto png = clipflow::render_spectrum_png(*spec);
//     clipflow::write_file_atomic("spectrum.png", *png);
//
//     // The shipped detectors (CLIP-Flow and supervised; no download), any kind alike:
//     auto detectors = clipflow::DetectorSet::load({});
//     auto scores = detectors->score(ev->pixels, ev->info.sha256);
//     for (const auto& d : scores->scores)
//         std::cout << clipflow::detector_kind_name(d.kind) << " " << d.ai_score << " "
//                   << d.verdict_text << "\n";
//     if (scores->disagree()) std::cout << "the detectors disagree\n";
//
//     // Measuring a detector on labelled folders, on centre crops:
//     clipflow::EvalParams ep;
//     ep.model = "clipflow-default.safetensors";
//     ep.real = {"photos/"};  ep.fake_dir = "ai/";   // ai/<generator>/...
//     ep.conditions = {clipflow::EvalCondition::Crop};
//     auto eval = clipflow::evaluate_detector(ep);   // eval->conditions[0].overall.auc
//
//     // Training one from natural photos only (see clipflowtraining.h):
//     clipflow::ClipFlowTrainParams tp;
//     tp.natural_files = photos;  tp.out_path = "mine.safetensors";
//     auto trained = clipflow::train_clipflow_detector(tp);
//     // ... or on several processes/machines (torchrun's RANK, WORLD_SIZE, MASTER_*):
//     tp.distributed = *clipflow::distributed_from_environment({});
//
//     // A folder with a CLIP backbone: many images through the encoder at once.
//     std::vector<clipflow::ScoreInput> batch{{&a.pixels, a.info.sha256}, {&b.pixels, b.info.sha256}};
//     auto many = detectors->score_batch(batch);     // one Result per image, in order
//
//     // Everything the window shows, from one read and one decode; the untrusted
//     // parsers in a child process with a time limit (isolatedintake.h):
//     clipflow::AnalysisParams ap;
//     ap.reader = std::make_shared<clipflow::IsolatedReader>(worker_params);  // argv: clipflow-intake
//     ap.detectors = &*detectors;
//     auto analysis = clipflow::analyse_evidence("suspect.jpg", ap);
//     // analysis->preview, ->spectrum, ->scores->verdict(), ->changed_during_analysis
//
// Threading: every function here may run on a worker thread; none touches
// global mutable state except the shared FFT plan cache, which locks.

#include "clipflow/allocator.h"
#include "clipflow/analysis.h"
#include "clipflow/atomicfile.h"
#include "clipflow/backbone.h"
#include "clipflow/backbonetraining.h"
#include "clipflow/batchrunner.h"
#include "clipflow/c2pa.h"
#include "clipflow/calibration.h"
#include "clipflow/callbacks.h"
#include "clipflow/casefile.h"
#include "clipflow/clipbackbone.h"
#include "clipflow/clipencoder.h"
#include "clipflow/clipflowdetector.h"
#include "clipflow/clipflowmodel.h"
#include "clipflow/clipflowtraining.h"
#include "clipflow/clippreprocess.h"
#include "clipflow/dataset.h"
#include "clipflow/detector.h"
#include "clipflow/detectormodel.h"
#include "clipflow/distributed.h"
#include "clipflow/evaluation.h"
#include "clipflow/evidence.h"
#include "clipflow/featurecache.h"
#include "clipflow/fftplancache.h"
#include "clipflow/flow.h"
#include "clipflow/flowtrainer.h"
#include "clipflow/forensicbackbone.h"
#include "clipflow/imageheader.h"
#include "clipflow/imagepaths.h"
#include "clipflow/isolatedintake.h"
#include "clipflow/jpegforensics.h"
#include "clipflow/laundering.h"
#include "clipflow/learnedbackbone.h"
#include "clipflow/metadata.h"
#include "clipflow/metrics.h"
#include "clipflow/modelregistry.h"
#include "clipflow/provenance.h"
#include "clipflow/proxy.h"
#include "clipflow/raster.h"
#include "clipflow/recalibration.h"
#include "clipflow/result.h"
#include "clipflow/safetensors.h"
#include "clipflow/scoremap.h"
#include "clipflow/sha256.h"
#include "clipflow/sharding.h"
#include "clipflow/spectrum.h"
#include "clipflow/status.h"
#include "clipflow/superviseddetector.h"
#include "clipflow/supervisedmodel.h"
#include "clipflow/supervisedtraining.h"
#include "clipflow/version.h"
#include "clipflow/workerprocess.h"
