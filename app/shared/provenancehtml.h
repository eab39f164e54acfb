#pragma once
// What a file says of its origin, as the window's Provenance tab, the evidence
// table's column and the PDF report show it: Content Credentials first (who
// signed, each check's result), then generator settings, then other findings,
// then what none of it proves. One wording for all three places.

#include <clipflow/provenance.h>

#include <QCoreApplication>
#include <QString>

namespace clipflow::app {

class ProvenanceHtml {
    Q_DECLARE_TR_FUNCTIONS(ProvenanceHtml)
public:
    /// The full account (HTML); `p` may be null (unreadable).
    static QString render(const Provenance* p);
    /// One short cell: "C2PA ✓ OpenAI", "ComfyUI settings", "AI declared (XMP)", "camera declared", "C2PA removed", "—".
    static QString column(const Provenance* p);
    /// For sorting and colour: 2 credentials verified, 1 something the file says, 0 nothing, -1 credentials that fail.
    static int rank(const Provenance* p);
};

} // namespace clipflow::app
