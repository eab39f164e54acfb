#pragma once
// How labelled images are laid out on disk, for training and evaluation alike.

#include "clipflow/imagepaths.h"

#include <string>
#include <vector>

namespace clipflow {

/// One image of a training set.
struct LabelledImage {
    std::string file;
    std::string label; ///< "real" or a generator name
};

/// The training-data layout: DIR/real/ (or natural/) holds photos, DIR/fake/ (or
/// ai/) one folder per generator, and any other sub-folder of DIR is a generator
/// of its own. Folders named in `exclude` are skipped (held-out generators).
/// Sorted by folder, so the same folder gives the same list. A class folder that
/// gave no images, and any folder that could not be read, is added to `problems`
/// (when given): a set trained or measured on must be the one asked for.
std::vector<LabelledImage> scan_labelled_folder(const std::string& dir, const std::vector<std::string>& exclude = {},
                                                std::vector<FolderProblem>* problems = nullptr);

/// One image of an evaluation set.
struct EvalImage {
    std::string file;
    /// A real image's first-level sub-folder under the folder given (prefixed by that
    /// folder's name when several are given), the folder's own name for photos directly
    /// in it, "." for files given one by one; an AI image's first-level sub-folder of
    /// the fake folder ("." for files directly in it).
    std::string group;
    bool fake = false;
};

/// The evaluation layout: every image under the real folders (or files), grouped by
/// source folder, then every image under fake_dir grouped by its first-level
/// sub-folder (one per generator). Folders that gave no images go to `problems`, as above.
std::vector<EvalImage> eval_images(const std::vector<std::string>& real, const std::string& fake_dir,
                                   std::vector<FolderProblem>* problems = nullptr);

} // namespace clipflow
