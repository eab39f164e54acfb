#pragma once
// The main window: drop or open an image, see its hash, its stored pixels,
// its spectra and radial profiles, both detectors' scores and where it falls
// among natural images. A view over the evidence model and the case: the
// AnalysisQueue runs the analyses (and owns the isolated reader); everything
// here runs on the GUI thread.

#include "analysis.h"
#include "analysisqueue.h"
#include "evidencemodel.h"

#include <clipflow/casefile.h>
#include <clipflow/imagepaths.h>

#include <QFutureWatcher>
#include <QMainWindow>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <atomic>
#include <map>
#include <memory>
#include <optional>

class QCheckBox;
class QRadioButton;
class QSlider;
class QSpinBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QTextBrowser;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace clipflow::widgets {
class ImageView;
class LikelihoodHistogram;
class SpectrumView;
} // namespace clipflow::widgets

namespace clipflow::app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override; // shuts the queue down (its reader and running analysis), waits for other jobs

    // Adds the file (or every image in a folder) to the evidence table and
    // queues its background analysis; results appear as each finishes. A
    // folder is listed off the GUI thread (a large tree on a slow share takes
    // seconds): its rows appear when the listing is done. A folder that gives
    // no images is said in the status bar; one that could not be read whole
    // also in a warning that stays (its images are missing).
    void openFile(const QString& file);
    // Analysing, or still listing a folder.
    bool isBusy() const;
    bool isListing() const { return !listings_.isEmpty(); }
    // Drops every queued file that has not started (the running one finishes).
    void cancelQueued();
    EvidenceModel* evidence() { return &model_; }

    // Case files: every analysed file joins the case with its results; the
    // audit log records additions, saves and openings. Opening re-hashes all
    // evidence in the background and shows any mismatch prominently.
    bool saveCase(const QString& path);
    bool openCase(const QString& path);
    const CaseFile& currentCase() const { return case_; }
    QString banner() const;
    QTableView* table() const { return table_; }
    QLineEdit* filter() const { return filter_; }

    // Case properties and the selected evidence's notes (kept in the case file).
    void setCaseProperties(const QString& title, const QString& analyst, const QString& notes);
    QPlainTextEdit* notesEditor() const { return notes_; }
    QTextBrowser* provenanceView() const { return provenance_; }
    QTextBrowser* jpegView() const { return jpeg_; }
    // The JPEG tab: the structure above, the error level analysis image below (JPEGs only).
    QWidget* jpegPage() const { return jpeg_page_; }
    widgets::ImageView* elaView() const { return ela_; }
    // Below the structure: the error levels or, when chosen, the JPEG ghosts (one map per
    // quality 50..95, picked with the slider; computed on demand off the GUI thread from the
    // file read again, kept per SHA-256 for the session).
    QRadioButton* jpegGhostsChoice() const { return ghost_mode_; }
    QSlider* jpegGhostQuality() const { return ghost_quality_; } // an index into the qualities
    QSpinBox* jpegGhostGridX() const { return ghost_grid_x_; }   // the re-saves' grid, columns past the image's
    QSpinBox* jpegGhostGridY() const { return ghost_grid_y_; }
    QRadioButton* errorLevelsChoice() const { return ela_mode_; }
    QTabWidget* detailTabs() const { return tabs_; }
    QString modelCardsHtml() const;
    // The PDF case report over every analysed file, in table order; false (with the reason in the status bar) on failure.
    // With AppSettings::reportHeatMaps() / reportGhosts(), the heat maps and JPEG ghosts not yet made are made
    // first, off the GUI thread, behind a cancellable progress dialog (cancelled: nothing is written).
    bool exportReport(const QString& path);
    // Active detector files (empty: the shipped default); remembered in the settings.
    void useModels(const QString& clipflow, const QString& supervised);
    QMenu* recentFilesMenu() const { return recent_files_; }
    // The isolated reader's program (default: `clipflow` beside this one); applies from the next file.
    void setReaderProgram(const QString& path);
    // The heat map: where the CLIP-Flow detector finds the shown image least natural,
    // drawn over it. Computed on demand off the GUI thread (it scores the whole image
    // in 256-pixel tiles), then kept per SHA-256 for the session and the report.
    QCheckBox* heatMapToggle() const { return heat_; }
    // The error level picture in place of the image, at the same zoom and place (JPEG
    // files; E switches). One overlay at a time: ticking it clears the heat map's box.
    QCheckBox* errorLevelsToggle() const { return errors_; }
    widgets::ImageView* imageView() const { return image_; }
    const ScoreMap* heatMap(const std::string& sha256) const;
    // A batch of more than one file: files done of the batch, shown in the status
    // bar with the time left (from the files done so far); hidden when idle.
    QProgressBar* batchProgress() const { return batch_bar_; }
    QLabel* batchTimeLeft() const { return batch_left_; }

Q_SIGNALS:
    void analysisFinished(const QString& file, bool ok);
    void caseVerified(int mismatches);
    void heatMapReady(const QString& file, bool ok);
    void jpegGhostsReady(const QString& file, bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void addFound(const QString& path, const ImagePaths& found); // openFile's rows, queue and messages
    void rebuildRecentMenus();
    void chooseFile();
    void chooseFolder();
    void chooseReport();
    void editCase();
    void showModelManager();
    void showTraining();
    void showPreferences();
    void showModelCards(const std::shared_ptr<const ModelCards>& cards);
    CaseEvidence* caseEntry(const std::string& sha256);
    void started(const QString& file, int index, int total);
    void finished(std::shared_ptr<Analysis> analysis);
    AnalysisQueue::FileSettings nextFileSettings();
    void showSelected();
    void showAnalysis(const Analysis& a);
    void updateOverlay();     // the heat map or the error levels over the image, as ticked
    void updateJpegPicture(); // the JPEG tab's picture: error levels or ghosts, as chosen
    void showGhostGrid();     // the grid boxes: the shown file's ghosts' grid, else the image's
    void updateBatchProgress();
    struct MapJob {
        std::string sha256;
        std::optional<ScoreMap> map;
        QString file, error;
    };
    struct Ghosts {
        std::vector<int> qualities;
        std::vector<QImage> maps;
        int start = 0;              // the map first shown: the one with the most contrast
        int shown = -1;             // the map the analyst left on screen (-1: none yet)
        QImage sheet;               // all of them, labelled, for the report
        int grid_x = 0, grid_y = 0; // the grid they were re-saved on (JpegGhostParams)
    };
    struct GhostJob {
        std::string sha256;
        std::optional<Ghosts> ghosts;
        QString file, error;
    };
    // Off the GUI thread: the ghosts of the pixels as read again, or why not.
    static std::optional<Ghosts> makeGhosts(const Evidence& ev, const AbortCallback& abort, QString& error, int grid_x = 0,
                                            int grid_y = 0);
    // What the report asks for and the window has not made: made now, file by file; false when cancelled.
    bool makeReportFigures(bool maps, bool ghosts);

    QLabel* info_ = nullptr;
    QLabel* results_ = nullptr;
    QTableWidget* metadata_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    widgets::ImageView* image_ = nullptr;
    widgets::SpectrumView* spectra_ = nullptr;
    widgets::LikelihoodHistogram* histogram_ = nullptr;
    EvidenceModel model_;
    QSortFilterProxyModel sorted_;
    QTableView* table_ = nullptr;
    QLineEdit* filter_ = nullptr;
    CaseFile case_;
    QString case_path_;
    QLabel* banner_ = nullptr;
    QPlainTextEdit* notes_ = nullptr;
    QTextBrowser* cards_ = nullptr;
    QTextBrowser* provenance_ = nullptr;
    QTextBrowser* jpeg_ = nullptr;
    QWidget* jpeg_page_ = nullptr;
    QLabel* ela_title_ = nullptr;
    widgets::ImageView* ela_ = nullptr;
    QRadioButton* ela_mode_ = nullptr;
    QRadioButton* ghost_mode_ = nullptr;
    QWidget* jpeg_choice_ = nullptr;
    QSlider* ghost_quality_ = nullptr;
    QLabel* ghost_label_ = nullptr;
    QLabel* ghost_grid_label_ = nullptr;
    QSpinBox* ghost_grid_x_ = nullptr;
    QSpinBox* ghost_grid_y_ = nullptr;
    std::string ghost_shown_sha_; // whose maps the slider was set up for
    QImage shown_ela_;            // the shown file's error levels (the JPEG tab may show its ghosts instead)
    QString trust_warned_;        // the trust-anchor file whose failure was last reported
    QMenu* recent_files_ = nullptr;
    QMenu* recent_cases_ = nullptr;
    std::string current_sha_; // the evidence whose notes are in the editor
    std::shared_ptr<const ModelCards> shown_cards_;
    QFutureWatcher<std::vector<IntegrityCheck>> verifier_;
    // Folders being listed (openFile), each watcher deleted once its rows are added. The flag stops
    // a listing when the window closes, which waits for them.
    QList<QFutureWatcher<ImagePaths>*> listings_;
    std::shared_ptr<std::atomic_bool> closing_ = std::make_shared<std::atomic_bool>(false);
    QProgressBar* batch_bar_ = nullptr;
    QLabel* batch_left_ = nullptr;
    Detectors detectors_;
    // Owns the reader process and the running analysis; declared after detectors_, which it uses.
    AnalysisQueue queue_;
    QCheckBox* heat_ = nullptr;
    QWidget* heat_legend_ = nullptr;
    QCheckBox* errors_ = nullptr;
    QLabel* errors_legend_ = nullptr;
    QString shown_file_; // the analysed file on screen (empty when it failed)
    std::string shown_sha_;
    std::map<std::string, ScoreMap> maps_;      // by SHA-256
    std::map<std::string, QString> map_errors_; // why a map could not be made
    QFutureWatcher<MapJob> map_watcher_;
    std::map<std::string, Ghosts> ghosts_;        // by SHA-256
    std::map<std::string, QString> ghost_errors_; // why none could be made
    QFutureWatcher<GhostJob> ghost_watcher_;
};

} // namespace clipflow::app
