#pragma once
// Which files a path stands for: a file as given (intake reports what is
// wrong with it), a folder recursively — the entries inside it named like
// images (extension, case-insensitive), sorted; links to folders are not
// followed. Entries that are not regular files (FIFOs, devices, broken links)
// are listed too, so that intake reports them instead of their going missing.
// Folders that yield nothing are reported beside the files: one given that
// holds no image, and any that could not be read (its images would otherwise
// be missing without a word). Shared by the CLI, the report and the window so
// that all three see the same files in a folder.
//
//     const auto found = clipflow::find_image_paths({"case/"});
//     for (const auto& p : found.problems) std::cerr << p.path << ": " << p.message << "\n";
//     for (const auto& f : found.files) score(f);

#include <functional>
#include <string>
#include <vector>

namespace clipflow {

/// A folder that gave no images: `message` says why ("no images in this folder …",
/// "cannot read this folder: Permission denied").
struct FolderProblem {
    enum class Kind { NoImages, Unreadable };
    std::string path;
    std::string message;
    Kind kind = Kind::Unreadable;
};

struct ImagePaths {
    std::vector<std::string> files;
    std::vector<FolderProblem> problems; ///< in the order met
};

/// `abort` (when given) is asked before each folder is read; once it says true the walk stops
/// and what was found so far is returned (the window stops a listing it is closed during).
ImagePaths find_image_paths(const std::vector<std::string>& paths, const std::function<bool()>& abort = {});
bool has_image_extension(const std::string& path);
/// The format a file's name ending promises ("JPEG" for .jpg, .jpeg, .jpe; "HEIF" for .heic,
/// .heif, .hif; as EvidenceInfo::format names them), case-insensitive; empty for any other name.
std::string format_named(const std::string& path);

} // namespace clipflow
