#pragma once
// The PDF case report an analyst signs: the case and tool version, a summary
// table, one section per piece of evidence (hash, size, times, metadata
// summary, thumbnail, spectrum, radial profile, calibration histogram, every
// detector's score and verdict, disagreement), the model cards, and the
// method and its limits. QTextDocument laid out for QPdfWriter, A4 or Letter;
// written atomically. GUI thread only (it renders widgets off screen).
//
//   CaseReport report(params, detectors.cards());
//   for (const Analysis& a : analyses) report.add(a, notes_for(a));
//   if (Status s = report.write("case.pdf"); !s.ok()) ...

#include "analysis.h"
#include "detectors.h"

#include <clipflow/casefile.h>
#include <clipflow/status.h>

#include <QCoreApplication>
#include <QPageSize>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QTextDocument;

namespace clipflow::app {

struct ReportParams {
    QString title;   // the case
    QString analyst; // who signs it
    QString notes;   // the analyst's case notes
    QPageSize::PageSizeId page = QPageSize::A4;
    QString case_file;                     // the .cfcase it came from, if any
    std::vector<AuditEntry> audit;         // printed as an appendix
    std::vector<IntegrityCheck> integrity; // re-hash results; mismatches are flagged on page one
};

class CaseReport {
    Q_DECLARE_TR_FUNCTIONS(CaseReport)
public:
    CaseReport(ReportParams params, ModelCards models);
    ~CaseReport();

    // map: the heat map, where the analyst made one; ghosts: the JPEG ghosts' sheet
    // (jpeg_ghost_sheet), where the analyst made them, on ghosts_grid. Else the analysis's own, if it has them.
    void add(const Analysis& analysis, const QString& notes = {}, const ScoreMap* map = nullptr, const QImage& ghosts = {},
             QPoint ghosts_grid = {});
    int size() const { return static_cast<int>(items_.size()); }

    // The laid-out document (for previews and tests); pages follow the chosen size.
    std::unique_ptr<QTextDocument> document() const;
    // Writes the PDF through a temporary file renamed into place.
    Status write(const QString& pdf_path) const;
    // With the document's page size set: a figure (a paragraph holding an image, its caption
    // under it) that would run across a page break starts on the next page instead, so no
    // caption is parted from its picture. Figures taller than a page are left to break.
    static void keepFiguresWhole(QTextDocument& doc);

private:
    struct Item {
        Analysis analysis;
        QString notes;
        std::optional<ScoreMap> map;
        QImage ghosts;
        QPoint ghosts_grid;
    };
    QString summaryHtml() const;
    QString evidenceHtml(QTextDocument& doc, int index, const Item& item) const;
    QString methodHtml() const;
    ReportParams params_;
    ModelCards models_;
    std::vector<Item> items_;
};

} // namespace clipflow::app
