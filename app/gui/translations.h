#pragma once
// Installs the interface translation (ours and Qt's own) for a language
// before any window is built. English is the source language.

#include <QString>

class QCoreApplication;

namespace clipflow::app {

class Translations {
public:
    // language: "fr", "de", "es", "zh_CN", "en"; empty takes the system's. Returns the language loaded, or "en".
    static QString install(QCoreApplication& app, const QString& language);
    // Back to English (removes what install() added).
    static void uninstall(QCoreApplication& app);
    // <exe>/../share/clipflow/translations (build tree and installed layouts alike).
    static QString directory();
};

} // namespace clipflow::app
