#include "modelcard.h"

#include <clipflow/laundering.h>

#include <QFileInfo>
#include <nlohmann/json.hpp>

namespace clipflow::app {
namespace {

QString row(const QString& key, const QString& value)
{
    return QStringLiteral("<tr><td style='padding-right:10px'><b>%1</b></td><td>%2</td></tr>").arg(key, value);
}

QString q(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString backbone_text(const DetectorModelHeader& h)
{
    QString text = QStringLiteral("%1 (%2), %3, %4-dim").arg(q(h.backbone_id), q(h.backbone_type), q(h.feature_layer)).arg(h.dim);
    if (!h.backbone_weights_sha256.empty())
        text += QStringLiteral("<br><small>weights SHA-256 %1</small>").arg(q(h.backbone_weights_sha256.substr(0, 16)));
    return text;
}

// A value from the stored training summary, or a dash when this model file predates it.
QString number(const nlohmann::json& j, const char* key, int decimals = -1)
{
    if (!j.contains(key) || !j[key].is_number()) return QStringLiteral("\u2014");
    if (decimals < 0) return QString::number(j[key].get<double>(), 'g', 6);
    return QString::number(j[key].get<double>(), 'f', decimals);
}

} // namespace

QString ModelCard::orientation_row(const DetectorModelHeader& info)
{
    return row(tr("Orientation"),
               info.orientation == "either"
                   ? tr("Either: each view is read as it is and transposed, and the more natural reading counts, so a "
                        "photo saved turned a quarter reads as the original (its calibration was read the same way).")
                   : tr("As stored: a photo saved turned a quarter from the camera's orientation is flagged more often "
                        "than the bound says (see the method documentation)."));
}

QString ModelCard::html(const ClipFlowModelInfo& info, const QString& path)
{
    const auto training = nlohmann::json::parse(info.training_json, nullptr, false);
    const nlohmann::json t = training.is_object() ? training : nlohmann::json::object();
    const auto& cal = info.calibration;
    QString html = QStringLiteral("<h3>%1 \u2014 %2</h3><table>").arg(tr("CLIP-Flow detector"), q(info.model_id));
    html += row(tr("File"), QFileInfo(path).fileName().toHtmlEscaped());
    html += row(tr("Backbone"), backbone_text(info));
    if (info.second_reading)
        html +=
            row(tr("Second reading"), tr("%1; flow of %2. Each view counts as the less natural of the two flows' readings, each "
                                         "measured against its own held-out photos.")
                                          .arg(backbone_text(info.second_reading->backbone), q(info.second_reading->model_id)));
    html += row(tr("Objective"), q(info.objective));
    html +=
        row(tr("Training data"), tr("%1 natural photos (%2 for the flow, %3 held out for calibration); no AI-generated image. "
                                    "Proxies: %4 spectrally modified views.")
                                     .arg(number(t, "natural_files"), number(t, "train_images"), number(t, "holdout_images"),
                                          number(t, "proxy_views")));
    html += row(tr("Training set"),
                tr("SHA-256 of the sorted file hashes %1").arg(q(t.value("set_sha256", std::string()).substr(0, 16))));
    html += row(tr("Calibration"), tr("%1 held-out natural photos; median log-likelihood %2; threshold %3")
                                       .arg(cal.natural_count())
                                       .arg(cal.median(), 0, 'g', 4)
                                       .arg(cal.threshold(), 0, 'g', 4));
    // How held-out photos were delivered for calibration; the file may be hostile, so only integers count.
    const auto it = t.find("delivered_calibration");
    auto delivered_int = [&](const char* key) {
        if (it == t.end() || !it->is_object() || !it->contains(key) || !(*it)[key].is_number_integer()) return -1;
        return (*it)[key].get<int>();
    };
    const int side = delivered_int("side"), quality = delivered_int("quality");
    // The bound's four figures (%1-%4) every bounded wording shares; the rest follow as %5 onwards.
    auto bound = [&cal](const QString& text) {
        return text.arg(cal.fpr() * 100.0, 0, 'f', 1)
            .arg(cal.confidence() * 100.0, 0, 'f', 0)
            .arg(cal.natural_count())
            .arg(cal.flag_level(), 0, 'g', 3);
    };
    QString fp;
    if (cal.calibrates_copies() && side > 0 && quality > 0)
        fp = bound(tr("At most %1% of natural photos are flagged, with %2% confidence given %3 held-out photos (flagged: p at "
                      "most %4). Small JPEG copies (shorter side at most %5 px), as messengers deliver photos, are read against "
                      "the same photos delivered so (shrunk to a shorter side of at most %6 px, JPEG %7): at most %1% of such "
                      "copies are flagged, with "
                      "the same confidence (flagged: p at most %8)."))
                 .arg(kDeliveredCopyMaxSide)
                 .arg(side)
                 .arg(quality)
                 .arg(cal.copy_flag_level(), 0, 'g', 3);
    else if (cal.covers_delivered() && side > 0 && quality > 0)
        fp = bound(tr("At most %1% of natural photos are flagged, as they are and as messengers deliver them (shorter side "
                      "%5 px, JPEG %6), with %2% confidence given %3 held-out photos (flagged: p at most %4); other resizing "
                      "or recompression may flag more."))
                 .arg(side)
                 .arg(quality);
    else if (cal.bound_holds())
        fp = bound(tr("At most %1% of natural photos are flagged, with %2% confidence given %3 held-out photos "
                      "(flagged: p at most %4); expect more on resized or recompressed photos."));
    else
        fp = tr("%1% of natural photos flagged on average; %2 held-out photos are too few to bound it; "
                "expect more on resized or recompressed photos.")
                 .arg(cal.fpr() * 100.0, 0, 'f', 1)
                 .arg(cal.natural_count());
    html += row(tr("False-positive rate"), fp);
    html += orientation_row(info);
    // Training measured the proxies with its own flow; a joined second reading was never read against them.
    const QString proxy_auc = number(t, "holdout_proxy_auc", 3);
    html += row(tr("Held-out proxy AUC"), info.second_reading ? tr("%1 (the first reading alone)").arg(proxy_auc) : proxy_auc);
    html += row(tr("Trained"),
                tr("%1 on %2, %3 epochs, ClipFlow %4")
                    .arg(q(info.created_at), q(t.value("device", std::string("?"))), number(t, "epochs"), q(info.tool_version)));
    return html + QStringLiteral("</table>");
}

QString ModelCard::html(const SupervisedModelInfo& info, const QString& path)
{
    QString html = QStringLiteral("<h3>%1 \u2014 %2</h3><table>").arg(tr("Supervised detector"), q(info.model_id));
    html += row(tr("File"), QFileInfo(path).fileName().toHtmlEscaped());
    html += row(tr("Backbone"), backbone_text(info));
    html += row(tr("Head"), info.mode == "mlp"        ? tr("MLP (%1 hidden)").arg(info.hidden)
                            : info.mode == "finetune" ? tr("fine-tuned last %1 CLIP blocks").arg(info.finetune_blocks)
                                                      : tr("linear probe"));
    QStringList classes;
    for (std::size_t i = 0; i < info.classes.size(); ++i) {
        const long n = i < info.class_counts.size() ? info.class_counts[i] : 0;
        const bool few = i < info.few_shot.size() && info.few_shot[i];
        classes << QStringLiteral("%1 (%2%3)").arg(q(info.classes[i])).arg(n).arg(few ? tr(", few-shot") : QString());
    }
    html += row(tr("Training data"), classes.join(QStringLiteral(", ")));
    html += row(tr("Validation"), tr("accuracy %1, ROC-AUC real vs AI %2 on %3 held-out images; temperature %4")
                                      .arg(info.val_accuracy, 0, 'f', 2)
                                      .arg(info.val_auc, 0, 'f', 3)
                                      .arg(info.validation_sha256.size())
                                      .arg(info.temperature, 0, 'f', 2));
    if (const auto& cal = info.calibration; cal && cal->bound_holds())
        html += row(tr("False-positive rate"),
                    tr("At most %1% of natural photos are flagged, with %2% confidence given %3 natural photos it never "
                       "saw (flagged: p at most %4, i.e. p_ai above %5); photos unlike those may be flagged more often.")
                        .arg(cal->fpr() * 100.0, 0, 'f', 1)
                        .arg(cal->confidence() * 100.0, 0, 'f', 0)
                        .arg(cal->natural_count())
                        .arg(cal->flag_level(), 0, 'g', 3)
                        .arg(info.flag_p_ai(), 0, 'f', 3));
    else
        html += row(tr("False-positive rate"), tr("Not bounded: flagged at p_ai of 0.5 or more, which on photos unlike its "
                                                  "training photos can be most of them. Calibrate it on natural photos it "
                                                  "never saw (clipflow recalibrate)."));
    html += orientation_row(info);
    html += row(tr("Limits"), tr("Knows only the generators listed; others are \u201cunknown\u201d at best. "
                                 "A generator missing from training can pass as real."));
    html += row(tr("Trained"), tr("%1, ClipFlow %2").arg(q(info.created_at), q(info.tool_version)));
    return html + QStringLiteral("</table>");
}

} // namespace clipflow::app
