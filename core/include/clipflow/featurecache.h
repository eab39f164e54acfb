#pragma once
// Backbone features of training images, computed once: one safetensors file
// per (image SHA-256, recipe tag) under
//   $XDG_CACHE_HOME/clipflow/features/<backbone>/<sha[0:2]>/<sha>-<tag>.safetensors
// The tag hashes everything that changes the features (backbone parameters,
// proxy recipe, seed), so a stale entry can never be mistaken for a fresh one.
// Writes are atomic; an unreadable entry is a miss.

#include "clipflow/result.h"

#include <optional>
#include <string>
#include <vector>

namespace clipflow {

struct FeatureSet {
    int dim = 0;
    std::vector<std::vector<float>> natural;   ///< views of the image
    std::vector<std::vector<float>> proxy;     ///< proxies made from those views
    std::vector<std::string> proxy_ops;        ///< one description per proxy
    std::vector<std::vector<float>> delivered; ///< views of the image as delivered (held-out images; may be empty)
};

class FeatureCache {
public:
    static std::string default_dir();
    explicit FeatureCache(std::string dir = default_dir()) : dir_(std::move(dir)) {}

    bool enabled() const { return !dir_.empty(); }
    std::optional<FeatureSet> get(const std::string& backbone, const std::string& sha256, const std::string& tag) const;
    Status put(const std::string& backbone, const std::string& sha256, const std::string& tag, const FeatureSet& set) const;

private:
    std::string path(const std::string& backbone, const std::string& sha256, const std::string& tag) const;
    std::string dir_;
};

} // namespace clipflow
