#pragma once
// Light and dark themes: Qt's Fusion style with a matching palette, so every
// widget (QCustomPlot plots read the palette too) follows. "system" keeps the
// platform's own style and palette.

#include <QString>

namespace clipflow::app {

class Theme {
public:
    static void apply(const QString& name);
    static bool isDark();
};

} // namespace clipflow::app
