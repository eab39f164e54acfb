#include "preferencesdialog.h"

#include "appsettings.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <clipflow/c2pa.h>

namespace clipflow::app {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    theme_ = new QComboBox(this);
    theme_->addItem(tr("System"), QStringLiteral("system"));
    theme_->addItem(tr("Light"), QStringLiteral("light"));
    theme_->addItem(tr("Dark"), QStringLiteral("dark"));
    theme_->setCurrentIndex(std::max(0, theme_->findData(AppSettings::theme())));
    theme_->setAccessibleName(tr("Theme"));
    language_ = new QComboBox(this);
    // Language names in their own language, so anyone can find theirs.
    language_->addItem(tr("System language"), QString());
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("Fran\u00e7ais"), QStringLiteral("fr"));
    language_->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    language_->addItem(QStringLiteral("Espa\u00f1ol"), QStringLiteral("es"));
    language_->addItem(QStringLiteral("\u7b80\u4f53\u4e2d\u6587"), QStringLiteral("zh_CN"));
    language_->setCurrentIndex(std::max(0, language_->findData(AppSettings::language())));
    language_->setAccessibleName(tr("Language"));
    page_ = new QComboBox(this);
    page_->addItem(QStringLiteral("A4"), int(QPageSize::A4));
    page_->addItem(QStringLiteral("Letter"), int(QPageSize::Letter));
    page_->setCurrentIndex(AppSettings::pageSize() == QPageSize::Letter ? 1 : 0);
    page_->setAccessibleName(tr("Report page size"));
    time_limit_ = new QDoubleSpinBox(this);
    time_limit_->setDecimals(1);
    time_limit_->setRange(0, 3600);
    time_limit_->setSingleStep(10);
    time_limit_->setSuffix(tr(" s"));
    time_limit_->setSpecialValueText(tr("No limit"));
    time_limit_->setValue(AppSettings::fileTimeLimit());
    time_limit_->setAccessibleName(tr("Time limit per file"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Theme"), theme_);
    form->addRow(tr("Language"), language_);
    form->addRow(QString(), new QLabel(tr("A new language applies when the program next starts."), this));
    form->addRow(tr("Report page size"), page_);
    // The window's report prints what the analyst made; these make the rest when it is exported.
    report_maps_ = new QCheckBox(tr("A heat map of every file"), this);
    report_maps_->setChecked(AppSettings::reportHeatMaps());
    report_maps_->setToolTip(tr("Files whose heat map you did not open get one when the report is exported "
                                "(seconds for a large photo; kept in the case)."));
    report_ghosts_ = new QCheckBox(tr("JPEG ghosts of every JPEG"), this);
    report_ghosts_->setChecked(AppSettings::reportGhosts());
    report_ghosts_->setToolTip(tr("JPEG files whose ghosts you did not open get them when the report is exported "
                                  "(about a second for a 12 MP photo)."));
    auto* report_extras = new QVBoxLayout;
    report_extras->addWidget(report_maps_);
    report_extras->addWidget(report_ghosts_);
    form->addRow(tr("In the report"), report_extras);
    form->addRow(tr("Time limit per file"), time_limit_);
    auto* limit_note = new QLabel(tr("Each image is first read in a separate process; one that takes longer, or crashes it, "
                                     "is reported and skipped, and the queue goes on."),
                                  this);
    limit_note->setWordWrap(true);
    form->addRow(QString(), limit_note);
    robustness_ = new QCheckBox(tr("Re-score each image after JPEG and resizing"), this);
    robustness_->setChecked(AppSettings::robustnessChecks());
    robustness_->setToolTip(tr("JPEG quality 90 and 75, 75% and 50% size, in memory. A verdict that changes under them "
                               "is reported as inconclusive. Scoring takes five times as long."));
    form->addRow(tr("Robustness checks"), robustness_);
    trust_ = new QLineEdit(AppSettings::trustAnchors(), this);
    trust_->setPlaceholderText(tr("none: no signer is trusted"));
    trust_->setClearButtonEnabled(true);
    trust_->setAccessibleName(tr("C2PA trust anchors"));
    auto* browse = new QPushButton(tr("Choose\u2026"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("C2PA trust anchors"), trust_->text(),
                                                       tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!f.isEmpty()) trust_->setText(f);
    });
    auto* trust_row = new QHBoxLayout;
    trust_row->addWidget(trust_, 1);
    trust_row->addWidget(browse);
    form->addRow(tr("C2PA trust anchors"), trust_row);
    trust_status_ = new QLabel(this);
    trust_status_->setWordWrap(true);
    form->addRow(QString(), trust_status_);
    connect(trust_, &QLineEdit::textChanged, this, [this] { checkTrust(); });
    checkTrust();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
}

bool PreferencesDialog::checkTrust()
{
    const QString path = trust_->text().trimmed();
    if (path.isEmpty()) {
        trust_status_->setText(tr("No trust list ships with ClipFlow: valid Content Credentials are shown as signed by "
                                  "their signer, \u201cissuer not on your trust list\u201d. Add the root or intermediate "
                                  "certificates (PEM) of signers you have reason to trust."));
        return true;
    }
    std::size_t n = 0;
    const auto pem = read_trust_anchors(path.toStdString(), &n);
    trust_status_->setText(pem ? tr("%n certificate(s) will be trusted from the next file analysed.", nullptr, int(n))
                               : QStringLiteral("<b style='color:#b03030'>%1</b>")
                                     .arg(QString::fromStdString(pem.status().message()).toHtmlEscaped()));
    return bool(pem);
}

void PreferencesDialog::accept()
{
    if (!checkTrust()) return; // the reason is on screen; nothing is saved
    AppSettings::setTrustAnchors(trust_->text().trimmed());
    AppSettings::setTheme(theme_->currentData().toString());
    AppSettings::setLanguage(language_->currentData().toString());
    AppSettings::setPageSize(QPageSize::PageSizeId(page_->currentData().toInt()));
    AppSettings::setFileTimeLimit(time_limit_->value());
    AppSettings::setRobustnessChecks(robustness_->isChecked());
    AppSettings::setReportHeatMaps(report_maps_->isChecked());
    AppSettings::setReportGhosts(report_ghosts_->isChecked());
    Theme::apply(AppSettings::theme());
    QDialog::accept();
}

} // namespace clipflow::app
