#pragma once
// qcustomplot.h spells Qt's keyword macros (signals, foreach), which the
// project removes with QT_NO_KEYWORDS because they break <torch/torch.h>.
// Map them for this one header, then take them away again.

#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
