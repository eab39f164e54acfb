#pragma once
// clipflow_core: the forensic engine of ClipFlow Forensics. No Qt; builds on
// headless servers. Every call reports failure through Status / Result<T>.
//
// Usage:
//
//     #include <clipflow/clipflow.h>
//
//     clipflow::IntakeParams intake;            // defaults: 100 MP limit
//     auto ev = clipflow::load_evidence("suspect.png", intake);
//     if (!ev) { std::cerr << ev.status().to_string() << "\n"; return 1; }
//     std::cout << ev->info.sha256 << "\n";      // hash of the exact bytes read
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
// Threading: every function here may run on a worker thread; none touches
// global mutable state except the shared FFT plan cache, which locks.

#include "clipflow/atomicfile.h"
#include "clipflow/callbacks.h"
#include "clipflow/clipencoder.h"
#include "clipflow/clippreprocess.h"
#include "clipflow/evidence.h"
#include "clipflow/fftplancache.h"
#include "clipflow/flow.h"
#include "clipflow/flowtrainer.h"
#include "clipflow/imageheader.h"
#include "clipflow/modelregistry.h"
#include "clipflow/raster.h"
#include "clipflow/result.h"
#include "clipflow/safetensors.h"
#include "clipflow/sha256.h"
#include "clipflow/spectrum.h"
#include "clipflow/status.h"
#include "clipflow/version.h"
