#pragma once
// The user's settings (QSettings): theme, language, report page size, the
// per-file time limit, the active detectors and recent files and cases. GUI thread only.

#include <QPageSize>
#include <QString>
#include <QStringList>

namespace clipflow::app {

class AppSettings {
public:
    static QString theme(); // "system", "light", "dark"
    static void setTheme(const QString& theme);
    static QString language(); // "" (the system's), "en", "fr", "de", "es", "zh_CN"
    static void setLanguage(const QString& language);
    static QPageSize::PageSizeId pageSize();
    static void setPageSize(QPageSize::PageSizeId page);
    static QString analyst(); // remembered for new cases
    // Seconds an image may take to be read and decoded in the isolated reader; 0: no limit, no reader.
    static double fileTimeLimit();
    static void setFileTimeLimit(double seconds);
    static void setAnalyst(const QString& name);
    // A PEM file of C2PA trust anchors the user added; empty: none (no trust list ships).
    // Re-score each image after JPEG 90/75 and resizing to 75%/50% (5x the scoring time).
    // What the exported report makes for files whose heat map or JPEG ghosts the analyst did
    // not make in the window (off by default: seconds per large photo).
    static bool reportHeatMaps();
    static void setReportHeatMaps(bool on);
    static bool reportGhosts();
    static void setReportGhosts(bool on);
    static bool robustnessChecks();
    static void setRobustnessChecks(bool on);
    static QString trustAnchors();
    static void setTrustAnchors(const QString& path);

    static QString clipflowModel(); // empty: the shipped default
    static QString supervisedModel();
    static void setModels(const QString& clipflow, const QString& supervised);

    static constexpr int kMaxRecent = 10;
    static QStringList recentFiles();
    static QStringList recentCases();
    static void addRecentFile(const QString& path); // newest first, no duplicates
    static void addRecentCase(const QString& path);
};

} // namespace clipflow::app
