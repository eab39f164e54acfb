#pragma once
// Model cards as rich text: what a detector is, what it was trained on, how
// it was calibrated and how often it is wrong on natural photos. Shown in the
// detail pane and printed in case reports, from the model file's own metadata.

#include <clipflow/clipflowmodel.h>
#include <clipflow/supervisedmodel.h>

#include <QCoreApplication>
#include <QString>

namespace clipflow::app {

class ModelCard {
    Q_DECLARE_TR_FUNCTIONS(ModelCard)
public:
    static QString html(const ClipFlowModelInfo& info, const QString& path);
    static QString html(const SupervisedModelInfo& info, const QString& path);

private:
    static QString orientation_row(const DetectorModelHeader& info); // both kinds read it alike
};

} // namespace clipflow::app
