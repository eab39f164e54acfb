#pragma once
// The evidence table's model: one row per file, in the order it arrived, with
// the analysis it received (kept for the detail pane). GUI thread only; the
// analyses themselves are computed by workers and handed over here.

#include "analysis.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <vector>

namespace clipflow::app {

class EvidenceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Verdict and provenance first: at the default window size they must be visible without scrolling.
    enum Column { Thumbnail, Name, Verdict, Provenance, ClipFlow, Supervised, Sha, Size, Dimensions, Format, ColumnCount };
    enum class State { Queued, Analysing, Done, Failed, Cancelled };
    static constexpr int SortRole = Qt::UserRole + 1; // numbers sort as numbers

    using QAbstractTableModel::QAbstractTableModel;

    // Adds a row unless the file is already listed; returns its row either way.
    int add(const QString& file);
    void setState(int row, State state);
    void setAnalysis(int row, Analysis analysis);
    const Analysis* analysis(int row) const;
    QString file(int row) const { return rows_.at(static_cast<std::size_t>(row)).file; }
    State state(int row) const { return rows_.at(static_cast<std::size_t>(row)).state; }
    int find(const QString& file) const;
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        QString file;
        State state = State::Queued;
        std::optional<Analysis> analysis;
        QIcon thumbnail;
    };
    std::vector<Row> rows_;
};

} // namespace clipflow::app
