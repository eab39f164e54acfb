#pragma once
// --backbone and --layer, the same for `clipflow train` and `clipflow train-classifier`.

#include "optiontable.h"

#include <clipflow/backbone.h>

#include <optional>
#include <string>

namespace clipflow::cli {

/// What went wrong with the options. A usage error prints the usage; the
/// others (a model that cannot be found) only the message, with `exit_code`.
struct BackboneOptionError {
    std::string message;
    bool usage_error = true;
    int exit_code = 2;
};

/// Adds --backbone and --layer to a command's table.
void add_backbone_options(OptionTable& table, std::optional<std::string>& backbone, std::optional<std::string>& layer);

/// Fills `spec` from --backbone (forensic, forensic-v2[:WEIGHTS], clip:MODEL)
/// and --layer (CLIP only); `device` is the CLIP device.
std::optional<BackboneOptionError> apply_backbone_option(const std::optional<std::string>& backbone,
                                                         const std::optional<std::string>& layer, const std::string& device,
                                                         BackboneSpec& spec);

} // namespace clipflow::cli
