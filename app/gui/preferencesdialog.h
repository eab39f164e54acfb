#pragma once
// Preferences: theme (applied at once), language (at the next start), the
// page size of case reports and what they make for every file (heat maps, JPEG
// ghosts), the per-file time limit and the C2PA trust anchors
// (both from the next file). Stored through AppSettings; a trust file that holds
// no certificate is refused with the reason.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace clipflow::app {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    void accept() override; // saves and applies

    QComboBox* theme() const { return theme_; }
    QComboBox* language() const { return language_; }
    QComboBox* page() const { return page_; }
    QDoubleSpinBox* timeLimit() const { return time_limit_; }
    QCheckBox* robustness() const { return robustness_; }
    QCheckBox* reportHeatMaps() const { return report_maps_; }
    QCheckBox* reportGhosts() const { return report_ghosts_; }
    QLineEdit* trustAnchors() const { return trust_; }
    QLabel* trustStatus() const { return trust_status_; }

private:
    QComboBox* theme_;
    QComboBox* language_;
    QComboBox* page_;
    QDoubleSpinBox* time_limit_;
    QCheckBox* robustness_;
    QCheckBox* report_maps_;
    QCheckBox* report_ghosts_;
    QLineEdit* trust_;
    QLabel* trust_status_;
    bool checkTrust(); // reads the file; says how many certificates, or why none
};

} // namespace clipflow::app
