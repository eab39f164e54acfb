#pragma once
// Case files (.cfcase): one JSON document holding an investigation: the
// evidence list with SHA-256 hashes and results, the analyst's notes, and an
// audit log of every action with UTC timestamps. Saving is atomic (a crash
// or full disk leaves the previous file intact); opening checks the
// structure, and verify_evidence() hashes every listed file again.
//
//   clipflow::CaseFile c;
//   c.title = "Flood photo, 12 May"; c.analyst = "A. Analyst";
//   c.add_evidence(info);                       // from load_evidence
//   c.log("note", "asked the sender for the original");
//   c.save("flood.cfcase");
//   auto back = clipflow::CaseFile::load("flood.cfcase");
//   for (auto& v : clipflow::verify_evidence(*back)) if (!v.ok) ...
//   if (auto map = clipflow::kept_heat_map(back->evidence[0], model_id)) ...  // made earlier
//   if (auto ghosts = clipflow::kept_jpeg_ghosts(back->evidence[0])) ...      // make again on ghosts->grid_x, grid_y

#include "clipflow/callbacks.h"
#include "clipflow/evidence.h"
#include "clipflow/result.h"
#include "clipflow/scoremap.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clipflow {

struct CaseEvidence {
    std::string file;   ///< as added (absolute where possible)
    std::string sha256; ///< of the exact bytes analysed
    std::uint64_t size = 0;
    std::string format;
    int width = 0, height = 0;
    std::string added_at;
    std::string notes;
    std::string results_json = "{}"; ///< detector outputs, as the tools wrote them
    bool operator==(const CaseEvidence&) const = default;
};

struct AuditEntry {
    std::string time; ///< ISO 8601 UTC
    std::string action;
    std::string detail;
    bool operator==(const AuditEntry&) const = default;
};

class CaseFile {
public:
    static constexpr int kFormatVersion = 1;
    static constexpr std::uint64_t kMaxBytes = 256ull * 1024 * 1024;

    std::string title, analyst, notes;
    std::string created_at, tool_version;
    std::vector<CaseEvidence> evidence;
    std::vector<AuditEntry> audit;

    CaseFile(); ///< created now, by this tool version

    /// Appends (or, for a file already listed with the same hash, returns) an evidence entry; logged.
    CaseEvidence& add_evidence(const EvidenceInfo& info);
    void log(const std::string& action, const std::string& detail);

    std::string to_json() const;
    static Result<CaseFile> parse(const std::string& json);
    Status save(const std::string& path) const; ///< atomic
    static Result<CaseFile> load(const std::string& path);

    bool operator==(const CaseFile&) const = default;
};

/// Keeps a heat map with its evidence (results "heat_map", the map as ScoreMap::to_json writes
/// it), so that a reopened case and a report written from it need not compute it again:
/// seconds to tens of seconds for a large photo.
void keep_heat_map(CaseEvidence& e, const ScoreMap& map);
/// The map keep_heat_map kept, when `model_id` made it and it fits the evidence's size; none
/// otherwise: another model's map, or a damaged one, is as good as none (it is made again).
std::optional<ScoreMap> kept_heat_map(const CaseEvidence& e, const std::string& model_id);

/// The grid a JPEG's ghosts were last made on (JpegGhostParams::grid_x, grid_y).
struct KeptJpegGhosts {
    int grid_x = 0, grid_y = 0;
    bool operator==(const KeptJpegGhosts&) const = default;
};
/// Keeps that the analyst made a JPEG's ghosts, and on which grid (results "jpeg_ghosts":
/// {"grid": [x, y]}). The maps are not stored: made again in about a second, they would
/// weigh more than the case. A report written from the case prints them as the analyst left them.
void keep_jpeg_ghosts(CaseEvidence& e, const KeptJpegGhosts& ghosts);
/// What keep_jpeg_ghosts kept; none where nothing was, or a grid outside 0..7 (damaged).
std::optional<KeptJpegGhosts> kept_jpeg_ghosts(const CaseEvidence& e);

struct IntegrityCheck {
    std::string file;
    std::string expected, actual; ///< actual is empty when the file cannot be read
    bool ok = false;
    std::string error;
};

/// Hashes every evidence file again (read-only) and compares.
std::vector<IntegrityCheck> verify_evidence(const CaseFile& c, const AbortCallback& abort = {});

} // namespace clipflow
