#pragma once
// Preferences: theme (applied at once), language (at the next start), the
// page size of case reports and the per-file time limit (from the next file). Stored through AppSettings.

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;

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

private:
    QComboBox* theme_;
    QComboBox* language_;
    QComboBox* page_;
    QDoubleSpinBox* time_limit_;
};

} // namespace clipflow::app
