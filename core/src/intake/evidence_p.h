#pragma once
// Intake's decoding with a choice of pixel form, for the isolated reader's child:
// it sends 8-bit files as their bytes and should not make the float raster first.

#include "clipflow/evidence.h"

#include <span>
#include <string>

namespace clipflow::detail {

enum class PixelForm {
    Float,          ///< Evidence::pixels only
    FloatAndBytes,  ///< pixels, and Evidence::picture for 8-bit samples (IntakeParams::keep_picture)
    BytesWhenExact, ///< 8-bit samples as Evidence::picture alone; other depths as pixels
};

Result<Evidence> decode_evidence(std::span<const std::uint8_t> bytes, const std::string& name, const IntakeParams& params,
                                 PixelForm form);
Result<Evidence> load_evidence(const std::string& path, const IntakeParams& params, PixelForm form);

} // namespace clipflow::detail
