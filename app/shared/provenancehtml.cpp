#include "provenancehtml.h"

#include <QStringList>

namespace clipflow::app {

namespace {

QString esc(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString check_cell(C2paCheck c)
{
    switch (c) {
    case C2paCheck::Valid: return QStringLiteral("<b style='color:#1d7a3a'>\u2713 %1</b>").arg(ProvenanceHtml::tr("valid"));
    case C2paCheck::Invalid: return QStringLiteral("<b style='color:#b03030'>\u2717 %1</b>").arg(ProvenanceHtml::tr("invalid"));
    case C2paCheck::Unverified: break;
    }
    return QStringLiteral("<b style='color:#a06000'>? %1</b>").arg(ProvenanceHtml::tr("unverified"));
}

QString trust_cell(C2paTrust t)
{
    switch (t) {
    case C2paTrust::Trusted: return QStringLiteral("<b style='color:#1d7a3a'>\u2713 %1</b>").arg(ProvenanceHtml::tr("trusted"));
    case C2paTrust::Invalid: return QStringLiteral("<b style='color:#b03030'>\u2717 %1</b>").arg(ProvenanceHtml::tr("invalid"));
    case C2paTrust::Untrusted: break;
    }
    return QStringLiteral("<b style='color:#a06000'>%1</b>").arg(ProvenanceHtml::tr("not on your trust list"));
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td valign='top' nowrap><b>%1</b></td><td>%2</td></tr>").arg(label, value);
}

bool intact(const C2paManifest& m)
{
    return m.signature == C2paCheck::Valid && m.assertions == C2paCheck::Valid && m.binding == C2paCheck::Valid;
}

bool removed(const Provenance& p)
{
    for (const auto& f : p.findings)
        if (f.key == "dcterms:provenance") return true;
    return false;
}

} // namespace

QString ProvenanceHtml::render(const Provenance* p)
{
    if (!p) return tr("<i>The file's metadata could not be read.</i>");
    QString html;
    // Content Credentials.
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Content Credentials (C2PA)"));
    const C2paReport& c = p->c2pa;
    if (!c.present) {
        html += removed(*p) ? QStringLiteral("<p><b style='color:#b03030'>%1</b></p>")
                                  .arg(tr("Removed: the XMP points at a C2PA manifest the file no longer holds."))
                            : QStringLiteral("<p>%1</p>")
                                  .arg(tr("None in this file. Most files have none; platforms and "
                                          "editors often strip them: not evidence either way."));
    } else if (!c.active) {
        html += QStringLiteral("<p><b style='color:#b03030'>%1</b> %2</p>").arg(tr("Present but unreadable:"), esc(c.error));
    } else {
        const C2paManifest& m = *c.active;
        html += QStringLiteral("<table cellpadding='2' width='100%'>");
        const QString signer = m.signer_subject.empty() ? tr("(no certificate)") : esc(m.signer_subject);
        html += row(tr("Signed by"), signer);
        if (!m.signer_issuer.empty()) html += row(tr("Issuer"), esc(m.signer_issuer));
        html += row(tr("Signed at"), m.signing_time.empty() ? tr("no time-stamp") : esc(m.signing_time) + tr(" (time-stamp)"));
        html += row(tr("Claim generator"), m.claim_generator.empty() ? QStringLiteral("\u2014") : esc(m.claim_generator));
        html += row(tr("Signature"), check_cell(m.signature) + QStringLiteral(" <small>%1</small>").arg(esc(m.signature_detail)));
        html +=
            row(tr("Assertions"), check_cell(m.assertions) + QStringLiteral(" <small>%1</small>").arg(esc(m.assertions_detail)));
        html += row(tr("Binding to the file"),
                    check_cell(m.binding) + QStringLiteral(" <small>%1</small>").arg(esc(m.binding_detail)));
        // "Not on your trust list" is the cell; the detail only adds what the cell does not say.
        const QString trust_note = m.trust != C2paTrust::Untrusted ? esc(m.trust_detail)
                                   : m.trust_detail.find("no trust anchors") != std::string::npos
                                       ? tr("(you have added no trust anchors)")
                                       : QString();
        html += row(tr("Signer"), trust_cell(m.trust) + QStringLiteral(" <small>%1</small>").arg(trust_note));
        QStringList actions;
        for (const auto& a : m.actions) {
            QString s = esc(a.action);
            if (!a.digital_source_type.empty()) s += QStringLiteral(" (<b>%1</b>)").arg(esc(a.digital_source_type));
            if (!a.software_agent.empty()) s += tr(" by %1").arg(esc(a.software_agent));
            actions << s;
        }
        if (!actions.isEmpty()) html += row(tr("Actions"), actions.join(QStringLiteral("<br>")));
        QStringList ingredients;
        for (const auto& i : m.ingredients)
            ingredients << QStringLiteral("%1 (%2%3)")
                               .arg(esc(i.title), esc(i.relationship),
                                    i.has_manifest ? tr(", with credentials of its own") : QString());
        if (!ingredients.isEmpty()) html += row(tr("Ingredients"), ingredients.join(QStringLiteral("<br>")));
        QStringList codes;
        for (const auto& code : m.status_codes) codes << esc(code);
        html += row(tr("Status codes"), QStringLiteral("<small><tt>%1</tt></small>").arg(codes.join(QStringLiteral(", "))));
        html += QStringLiteral("</table>");
        html += QStringLiteral("<p><small>%1</small></p>")
                    .arg(tr("A valid signature says who made these claims and that neither they nor the file changed "
                            "since; it does not say the claims are true. No trust list ships with ClipFlow: add the "
                            "certificates you trust in Preferences."));
    }

    // Generator settings and other findings.
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Generator metadata"));
    if (p->generator) {
        const auto& g = *p->generator;
        html += QStringLiteral("<table cellpadding='2' width='100%'>");
        html += row(tr("Front end"), esc(g.tool) + QStringLiteral(" <small>(%1)</small>").arg(esc(g.source)));
        for (const auto& [label, value] :
             {std::pair{tr("Model"), g.model}, std::pair{tr("Sampler"), g.sampler}, std::pair{tr("Steps"), g.steps},
              std::pair{tr("Seed"), g.seed}, std::pair{tr("CFG"), g.cfg}, std::pair{tr("Size"), g.size},
              std::pair{tr("Prompt"), g.prompt}, std::pair{tr("Negative prompt"), g.negative_prompt}})
            if (!value.empty()) html += row(label, esc(value));
        html += QStringLiteral("</table>");
    }
    QStringList others;
    for (const auto& f : p->findings) {
        if (f.source.rfind("C2PA", 0) == 0 || f.key == "dcterms:provenance") continue;
        others << QStringLiteral("%1<b>%2</b>: %3 \u2014 %4%5")
                      .arg(f.says_ai ? QStringLiteral("<span style='color:#b03030'>") : QString(), esc(f.source), esc(f.value),
                           esc(f.meaning), f.says_ai ? QStringLiteral("</span>") : QString());
    }
    if (!others.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(others.join(QStringLiteral("<br>")));
    else if (!p->generator)
        html += QStringLiteral("<p>%1</p>")
                    .arg(c.present ? tr("Nothing else: no generator settings or generator-naming tags outside the "
                                        "Content Credentials.")
                                   : tr("No generator settings, IPTC source type or generator-naming tags."));
    html += QStringLiteral("<p><small><i>%1</i></small></p>").arg(QString::fromUtf8(kProvenanceCaveat).toHtmlEscaped());
    return html;
}

QString ProvenanceHtml::column(const Provenance* p)
{
    if (!p) return QStringLiteral("\u2014");
    if (p->c2pa.present) return QString::fromStdString(p->c2pa.short_label());
    if (removed(*p)) return tr("C2PA removed");
    if (p->generator) return tr("%1 settings").arg(QString::fromStdString(p->generator->tool));
    if (p->says_ai) {
        for (const auto& f : p->findings)
            if (f.says_ai) return tr("AI declared (%1)").arg(QString::fromStdString(f.source.substr(0, f.source.find(' '))));
    }
    if (p->says_camera) return tr("camera declared");
    return QStringLiteral("\u2014");
}

int ProvenanceHtml::rank(const Provenance* p)
{
    if (!p) return 0;
    if (p->c2pa.present) return p->c2pa.active && intact(*p->c2pa.active) ? 2 : -1;
    if (removed(*p)) return -1;
    return p->findings.empty() ? 0 : 1;
}

} // namespace clipflow::app
