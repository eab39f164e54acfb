#pragma once
// Case properties: title, analyst and the analyst's case notes, as they go
// into the case file and onto the report's first page.

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace clipflow::app {

class CaseDialog : public QDialog {
    Q_OBJECT
public:
    CaseDialog(const QString& title, const QString& analyst, const QString& notes, QWidget* parent = nullptr);
    QString title() const;
    QString analyst() const;
    QString notes() const;

private:
    QLineEdit* title_;
    QLineEdit* analyst_;
    QPlainTextEdit* notes_;
};

} // namespace clipflow::app
