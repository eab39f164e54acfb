#include "verdicthtml.h"

#include "wording.h"

#include <QStringList>

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
                    .arg(QString::fromStdString(score.inconclusive_reason).toHtmlEscaped(),
                         tr("the model alone says: %1").arg(Wording::verdictShort(verdict_code(score.level))));
    return html;
}

QString VerdictHtml::overall(const DetectorSetScore& scores)
{
    const Verdict v = scores.verdict();
    QString html = tr("Verdict: %1")
                       .arg(QStringLiteral("<b style='color:%1'>%2</b>")
                                .arg(colour(v), Wording::verdict(verdict_code(v), verdict_wording(v)).toHtmlEscaped()));
    if (v == Verdict::Inconclusive)
        html += QStringLiteral(" (%1)").arg(QString::fromStdString(scores.inconclusive_reason()).toHtmlEscaped());
    return html;
}

QString VerdictHtml::robustness(const DetectorScore& score)
{
    if (score.robustness.empty()) return {};
    QStringList checks;
    for (const auto& c : score.robustness) {
        const bool flipped = (c.level == Verdict::Natural) != (score.level == Verdict::Natural);
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
