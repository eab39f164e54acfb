#pragma once
// Preferences: theme (applied at once), language (at the next start), and the
// page size of case reports. Stored through AppSettings.

#include <QDialog>

class QComboBox;

namespace clipflow::app {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    void accept() override; // saves and applies

    QComboBox* theme() const { return theme_; }
    QComboBox* language() const { return language_; }
    QComboBox* page() const { return page_; }

private:
    QComboBox* theme_;
    QComboBox* language_;
    QComboBox* page_;
};

} // namespace clipflow::app
