#include "casedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace clipflow::app {

CaseDialog::CaseDialog(const QString& title, const QString& analyst, const QString& notes, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Case properties"));
    title_ = new QLineEdit(title, this);
    title_->setAccessibleName(tr("Case title"));
    analyst_ = new QLineEdit(analyst, this);
    analyst_->setAccessibleName(tr("Analyst"));
    notes_ = new QPlainTextEdit(notes, this);
    notes_->setAccessibleName(tr("Case notes"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Title"), title_);
    form->addRow(tr("Analyst"), analyst_);
    form->addRow(tr("Notes"), notes_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, 360);
}

QString CaseDialog::title() const
{
    return title_->text().trimmed();
}

QString CaseDialog::analyst() const
{
    return analyst_->text().trimmed();
}

QString CaseDialog::notes() const
{
    return notes_->toPlainText();
}

} // namespace clipflow::app
