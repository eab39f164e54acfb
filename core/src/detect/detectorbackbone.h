#pragma once
// Rebuilding the backbone a detector header names, for scoring (internal;
// shared by both detector kinds): the forensic backbone of the same version, or
// the CLIP checkpoint or forensic-v2 weights with the recorded SHA-256 (the
// user's file, checked, or an installed model); and the views both kinds read
// through it, in the header's orientation.

#include "clipflow/backbone.h"
#include "clipflow/clipflowdetector.h"
#include "clipflow/detectormodel.h"
#include "detectorheader.h"

#include <memory>
#include <string>
#include <vector>

namespace clipflow::detail {

// Rebuilds the backbone a detector header names. A forensic-v2 detector's
// weights are looked for in given_weights, then under either shipped name
// (forensic-v2.safetensors, forensic-v2-halved.safetensors) beside the detector
// file, in params.models_dir, where find_default_detector looks (environment,
// beside the running program) and in the user's models folder, and must have
// the recorded SHA-256.
Result<std::unique_ptr<Backbone>> detector_backbone(const DetectorModelHeader& header, const DetectorLoadParams& params,
                                                    const std::string& detector_path, const std::string& given_weights);

// Where detector_backbone() finds a forensic-v2 header's weights: the file's path.
Result<std::string> find_learned_weights(const DetectorModelHeader& header, const std::string& given_weights,
                                         const DetectorLoadParams& params, const std::string& detector_path);

// The backbone's scoring views of image; for a model read in either orientation
// ("either") followed by each of them transposed — the same crops (the backbones
// place them alike along both axes) without turning a 12 MP image around.
std::vector<Raster> oriented_scoring_views(const Backbone& backbone, const Raster& image, const std::string& orientation);
// The same for views already cut (a robustness copy's, made from their neighbourhoods alone).
std::vector<Raster> oriented_views(std::vector<Raster> views, const std::string& orientation);

// "stored" or "either", else a clear error (recalibration's and training's choice).
Status check_orientation(const std::string& orientation);

// An image's log-likelihood from its views' (in oriented_scoring_views() order): their mean, or
// read in either orientation the larger of the two halves' means (the views, then transposed).
Result<double> image_log_likelihood(const std::vector<double>& view_ll, bool either);

} // namespace clipflow::detail
