// Fuzz target: the detector model metadata parsers (CLIP-Flow and supervised)
// and the calibration they embed — JSON from model files of unknown origin.

#include <clipflow/calibration.h>
#include <clipflow/clipflowmodel.h>
#include <clipflow/supervisedmodel.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string json(reinterpret_cast<const char*>(data), size);
    // An accepted model reads images in one of the two known orientations, nothing else.
    auto known = [](const std::string& o) { return o == "stored" || o == "either"; };
    if (auto m = clipflow::ClipFlowModelInfo::parse(json)) {
        if (!known(m->orientation)) __builtin_trap();
        // An accepted calibration must answer every score without blowing up.
        for (double s : {-1e9, -10.0, 0.0, 0.5, 1e9}) {
            const auto c = m->calibration.evaluate(s);
            if (!(c.p_value >= 0.0 && c.p_value <= 1.0)) __builtin_trap();
        }
    }
    if (auto m = clipflow::SupervisedModelInfo::parse(json)) {
        if (!known(m->orientation)) __builtin_trap();
        if (m->calibration)
            for (double s : {-1e9, -3.0, 0.0, 3.0, 1e9}) {
                const auto c = m->calibration->evaluate(s);
                if (!(c.p_value >= 0.0 && c.p_value <= 1.0)) __builtin_trap();
            }
    }
    if (auto c = clipflow::Calibration::from_json(json)) {
        const auto s = c->evaluate(0.0);
        if (!(s.percentile >= 0.0 && s.percentile <= 100.0)) __builtin_trap();
    }
    return 0;
}
