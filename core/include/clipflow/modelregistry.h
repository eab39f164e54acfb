#pragma once
// Installed models: files in the user's data folder
// ($XDG_DATA_HOME/clipflow/models, else ~/.local/share/clipflow/models) and an
// index (models.json) recording each file's SHA-256 and what it is. Installing
// validates the checkpoint first; nothing is ever downloaded.

#include "clipflow/result.h"

#include <string>
#include <vector>

namespace clipflow {

struct ModelEntry {
    std::string id;   ///< "clip-" + first 12 hex digits of the SHA-256
    std::string kind; ///< "clip"
    std::string name; ///< e.g. "ViT-L/14" (or the user's --name)
    std::string file; ///< absolute path inside the models folder
    std::string sha256;
    std::string format; ///< checkpoint format
    std::string dtype;
    int width = 0, layers = 0, output_dim = 0, image_size = 0, patch_size = 0;
    std::string installed_at; ///< ISO 8601 UTC
};

class ModelRegistry {
public:
    static std::string default_dir();
    explicit ModelRegistry(std::string dir = default_dir());

    const std::string& dir() const { return dir_; }
    Result<std::vector<ModelEntry>> list() const;
    /// Validates a CLIP checkpoint, copies it (a hard link where possible) with
    /// its config.json, and records it. Installing the same file twice is a no-op.
    Result<ModelEntry> install_clip(const std::string& path, const std::string& name = {}) const;
    /// By id, SHA-256 prefix (8+ digits), name, or an existing file path.
    Result<std::string> resolve(const std::string& model) const;

private:
    Status save(const std::vector<ModelEntry>& entries) const;
    std::string dir_;
};

} // namespace clipflow
