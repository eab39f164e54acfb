#include "verdicthtml.h"

#include "wording.h"

#include <QStringList>

#include <algorithm>

namespace clipflow::app {

QString VerdictHtml::colour(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Strong: return QStringLiteral("#a01818");
    case Verdict::Moderate: return QStringLiteral("#c05000");
    case Verdict::Weak: return QStringLiteral("#8a6d00");
    case Verdict::Inconclusive: return QStringLiteral("#4a5a70");
    case Verdict::Natural: break;
    }
    return QStringLiteral("#1d6b2c");
}

QString VerdictHtml::verdict(const DetectorScore& score)
{
    QString html =
        QStringLiteral("<b style='color:%1'>%2</b>")
            .arg(colour(score.verdict), Wording::verdict(verdict_code(score.verdict), score.verdict_text).toHtmlEscaped());
    if (score.verdict == Verdict::Inconclusive)
        html += QStringLiteral(" (%1; %2)")
                    .arg(reason(score).toHtmlEscaped(),
                         tr("the model alone says: %1").arg(Wording::verdictShort(verdict_code(score.level))));
    return html;
}

QString VerdictHtml::overall(const DetectorSetScore& scores)
{
    const Verdict v = scores.verdict();
    QString html = tr("Verdict: %1")
                       .arg(QStringLiteral("<b style='color:%1'>%2</b>")
                                .arg(colour(v), Wording::verdict(verdict_code(v), verdict_wording(v)).toHtmlEscaped()));
    if (v == Verdict::Inconclusive) html += QStringLiteral(" (%1)").arg(overallReason(scores).toHtmlEscaped());
    return html;
}

QString VerdictHtml::reason(const DetectorScore& score)
{
    if (score.verdict != Verdict::Inconclusive) return {};
    QStringList why;
    if (score.near_threshold)
        why << tr("the score is close to the model's threshold (%1 = %2, threshold %3)")
                   .arg(score.clipflow || (score.supervised && score.supervised->calibrated) ? QStringLiteral("p")
                                                                                             : QStringLiteral("p_ai"))
                   .arg(score.thresholded_score, 0, 'g', 3)
                   .arg(score.threshold, 0, 'g', 3);
    if (!score.flipped_under.empty()) {
        QStringList transforms;
        for (const auto& t : score.flipped_under) transforms << Wording::transform(t);
        why << tr("the verdict changes under %1").arg(transforms.join(QStringLiteral(", ")));
    }
    if (!score.uncalibrated_format.empty() && score.level != Verdict::Natural)
        why << tr("the model's false-positive bound has not been shown to hold for %1 files")
                   .arg(Wording::compression(score.uncalibrated_format));
    // A reason core gives that this interface does not know yet: say it as core does.
    if (why.isEmpty()) why << QString::fromStdString(score.inconclusive_reason);
    return why.join(QStringLiteral("; "));
}

QString VerdictHtml::overallReason(const DetectorSetScore& scores)
{
    if (scores.verdict() != Verdict::Inconclusive) return {};
    if (scores.scores.empty()) return tr("no detector scored the image");
    if (scores.disagree()) return tr("the detectors disagree");
    QStringList why;
    for (const auto& s : scores.scores) {
        if (s.verdict != Verdict::Inconclusive) continue;
        const QString name = s.kind == DetectorKind::ClipFlow ? tr("CLIP-Flow") : tr("supervised");
        why << (scores.scores.size() > 1 ? name + QStringLiteral(": ") : QString()) + reason(s);
    }
    return why.join(QStringLiteral("; "));
}

QString VerdictHtml::calibrationNote(const DetectorScore& score)
{
    if (!score.uncalibrated_format.empty())
        return QStringLiteral("<small>%1</small>")
            .arg(tr("Not calibrated for %1 files: the model's false-positive bound has not been shown to hold for them, "
                    "so this score alone never calls the image AI-made.")
                     .arg(Wording::compression(score.uncalibrated_format))
                     .toHtmlEscaped());
    if (!score.delivered_copy) return {};
    return QStringLiteral("<small>%1</small>")
        .arg(tr("Read as a small JPEG copy: percentile, p and level are against the model's held-out photos as "
                "messengers deliver them, not as taken.")
                 .toHtmlEscaped());
}

QString VerdictHtml::supervisedNumbers(const SupervisedScore& score)
{
    QString text = QStringLiteral("p_ai %1").arg(score.p_ai, 0, 'f', 2);
    if (score.calibrated)
        text += QStringLiteral(" \u00b7 ") + Wording::pValue(score.calibrated->p_value, score.calibrated->p_extrapolated);
    return text;
}

QString VerdictHtml::robustness(const DetectorScore& score)
{
    if (score.robustness.empty()) return {};
    QStringList checks;
    for (const auto& c : score.robustness) {
        const bool flipped =
            std::find(score.flipped_under.begin(), score.flipped_under.end(), c.transform) != score.flipped_under.end();
        checks << QStringLiteral("%1 %2 <span style='color:%3'>%4</span>%5")
                      .arg(Wording::transform(c.transform))
                      .arg(c.ai_score, 0, 'f', 2)
                      .arg(colour(c.level), Wording::verdictShort(verdict_code(c.level)))
                      .arg(flipped ? QStringLiteral(" <b>\u21c4</b>") : QString());
    }
    return QStringLiteral("<small>%1: %2</small>")
        .arg(tr("Robustness (ai_score after)"), checks.join(QStringLiteral(" \u00b7 ")));
}

} // namespace clipflow::app
