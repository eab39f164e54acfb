#pragma once
// Train a CLIP-Flow detector (folders, backbone, objective and epochs in) or
// the forensic-v2 backbone (folders and steps in) from the analyst's own
// natural photos; a live TrainingMonitor, cancel and resume
// while it runs; a calibrated model registered in the user's models folder at
// the end. The work runs in a TrainingJob (worker thread); this is GUI only.

#include "trainingjob.h"

#include <clipflow/imagepaths.h>

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace clipflow::widgets {
class TrainingMonitor;
}

namespace clipflow::app {

class TrainingDialog : public QDialog {
    Q_OBJECT
public:
    explicit TrainingDialog(QWidget* parent = nullptr);
    ~TrainingDialog() override; // stops a listing at its next sub-folder and waits for it

    void addFolder(const QString& folder);
    void setOutputDir(const QString& dir) { out_dir_ = dir; }
    void setModelName(const QString& name);
    void setEpochs(int epochs);
    // What to train: a detector (default) or the learned backbone, whose new
    // weights then join the Backbone choices for the next detector.
    void setTrainBackbone(bool backbone);
    void setSteps(int steps);
    // Both kinds: how strong the decoder proxies are at the least (1: whole; see --decoder-strength).
    QDoubleSpinBox* decoderStrength() const { return decoder_strength_; }
    QComboBox* backboneChoice() const { return backbone_; }
    QComboBox* startChoice() const { return start_from_; } // backbone: random or existing weights
    // Backbone: read every image with its chroma halved (a second reading's network; see --halve-chroma).
    QCheckBox* halveChroma() const { return halve_; }
    // Detector: which photos the false-positive bound holds for (TrainingRequest::Bound, in its order).
    QComboBox* boundChoice() const { return bound_; }
    // Detector: read images in either orientation (checked by default, as the shipped detector reads).
    QCheckBox* eitherOrientation() const { return either_; }
    // Detector on forensic-v2: also read with the shipped chroma-halved network, as the shipped
    // detector does (TrainingRequest::second_reading); disabled for other backbones.
    QCheckBox* secondReading() const { return second_; }
    void setCacheDir(const QString& dir) { cache_dir_ = dir; } // for tests: "" disables the feature cache
    QString outputPath() const;
    TrainingJob* job() { return &job_; }
    widgets::TrainingMonitor* monitor() const { return monitor_; }
    QString statusText() const;
    // Start lists the folders off the GUI thread first (a large tree or a network share
    // would freeze the dialog), then starts the job; Cancel stops either.
    bool isListing() const { return listing_ != nullptr; }
    bool isBusy() const { return isListing() || job_.isRunning(); }

    void startTraining();
    void cancelTraining();

Q_SIGNALS:
    void modelReady(const QString& path);    // calibrated and saved
    void backboneReady(const QString& path); // forensic-v2 weights saved

protected:
    void reject() override; // closing cancels a running job first

private:
    void updateButtons();
    void updateMode();
    void updateSecondReading();
    void startWith(const ImagePaths& found);
    bool trainsBackbone() const;
    QComboBox* what_;
    QFormLayout* form_;
    QSpinBox* steps_;
    QComboBox* start_from_;
    QListWidget* folders_;
    QComboBox* backbone_;
    QComboBox* objective_;
    QSpinBox* epochs_;
    QComboBox* bound_;
    QCheckBox* either_;
    QCheckBox* halve_;
    QCheckBox* second_;
    QDoubleSpinBox* decoder_strength_;
    QLineEdit* name_;
    QLabel* device_;
    QLabel* status_;
    QProgressBar* bar_;
    QPushButton* add_;
    QPushButton* remove_;
    QPushButton* start_;
    QPushButton* cancel_;
    widgets::TrainingMonitor* monitor_;
    TrainingJob job_;
    QString out_dir_, cache_dir_ = QStringLiteral("default");
    int reading_ = 0; // the reading being made (TrainingJob::readingChanged)
    QFutureWatcher<ImagePaths>* listing_ = nullptr;
    std::shared_ptr<std::atomic_bool> stop_listing_; // shared with the listing task, which may outlive a watcher
};

} // namespace clipflow::app
