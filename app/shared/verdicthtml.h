#pragma once
// One detector's verdict as the window's Detectors tab and the PDF report show
// it: the verdict in its colour, why it is inconclusive when it is, and the
// robustness checks. Rich text for QTextDocument (Qt's HTML subset).

#include <clipflow/detector.h>

#include <QCoreApplication>
#include <QString>

namespace clipflow::app {

class VerdictHtml {
    Q_DECLARE_TR_FUNCTIONS(VerdictHtml)
public:
    // Green for natural, amber to red by strength, slate for inconclusive.
    static QString colour(Verdict verdict);
    // "<b style='color:…'>weak evidence of AI generation</b>", plus "(reason)" when inconclusive.
    static QString verdict(const DetectorScore& score);
    // The analyst's one verdict over every detector (DetectorSetScore::verdict), with its reason.
    static QString overall(const DetectorSetScore& scores);
    // Why a detector's verdict is inconclusive, or the analyst's one verdict, in the
    // interface language (plain text; empty when conclusive). Core's English
    // inconclusive_reason goes to JSON; these are built from the same data.
    static QString reason(const DetectorScore& score);
    static QString overallReason(const DetectorSetScore& scores);
    // "Robustness: JPEG 90 0.31 natural · JPEG 75 … ", empty without checks.
    static QString robustness(const DetectorScore& score);
    // "Read as a small JPEG copy: …" when the score was read against delivered photos, "Not calibrated
    // for HEIF files: …" for a compression no calibration covers; else empty.
    static QString calibrationNote(const DetectorScore& score);
    // The supervised detector's numbers: "p_ai 0.83", and "· p = 0.21" where the model is
    // calibrated on natural photos (its level then comes from p). Plain text.
    static QString supervisedNumbers(const SupervisedScore& score);
};

} // namespace clipflow::app
