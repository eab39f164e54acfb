#include "evidencemodel.h"

#include "provenancehtml.h"
#include "verdicthtml.h"
#include "wording.h"

#include <QColor>
#include <QFileInfo>
#include <QLocale>
#include <QPixmap>

namespace clipflow::app {

int EvidenceModel::find(const QString& file) const
{
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].file == file) return static_cast<int>(i);
    return -1;
}

void EvidenceModel::clear()
{
    beginResetModel();
    rows_.clear();
    endResetModel();
}

int EvidenceModel::add(const QString& file)
{
    if (const int existing = find(file); existing >= 0) return existing;
    const int row = static_cast<int>(rows_.size());
    beginInsertRows({}, row, row);
    rows_.push_back({file, State::Queued, std::nullopt, {}});
    endInsertRows();
    return row;
}

void EvidenceModel::setState(int row, State state)
{
    rows_.at(static_cast<std::size_t>(row)).state = state;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void EvidenceModel::setAnalysis(int row, Analysis analysis)
{
    Row& r = rows_.at(static_cast<std::size_t>(row));
    r.state = analysis.error.isEmpty() ? State::Done : State::Failed;
    if (!analysis.preview.isNull())
        r.thumbnail = QIcon(QPixmap::fromImage(analysis.preview.scaled(48, 48, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    r.analysis = std::move(analysis);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const Analysis* EvidenceModel::analysis(int row) const
{
    if (row < 0 || row >= rowCount()) return nullptr;
    const auto& a = rows_[static_cast<std::size_t>(row)].analysis;
    return a ? &*a : nullptr;
}

int EvidenceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int EvidenceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EvidenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Thumbnail: return QString();
    case Name: return tr("Name");
    case Sha: return tr("SHA-256");
    case Size: return tr("Size");
    case Dimensions: return tr("Dimensions");
    case Format: return tr("Format");
    case ClipFlow: return tr("CLIP-Flow p");
    case Supervised: return tr("p_ai");
    case Verdict: return tr("Verdict");
    case Provenance: return tr("Provenance");
    default: return {};
    }
}

QVariant EvidenceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) return {};
    const Row& r = rows_.at(static_cast<std::size_t>(index.row()));
    const Analysis* a = r.analysis ? &*r.analysis : nullptr;
    const bool ok = a && a->error.isEmpty();
    const ClipFlowScore* cf = ok ? a->detectors.clipflow() : nullptr;
    const SupervisedScore* sv = ok ? a->detectors.supervised() : nullptr;
    if (role == Qt::DecorationRole && index.column() == Thumbnail) return r.thumbnail;
    const clipflow::Provenance* prov = ok && a->provenance ? &*a->provenance : nullptr;
    if (role == Qt::ToolTipRole && index.column() == Provenance && prov) return QString::fromStdString(prov->summary());
    if (role == Qt::ToolTipRole && index.column() == Verdict) { // elided in the table; the tip also says why
        QString tip = data(index, Qt::DisplayRole).toString();
        if (ok && !a->detectors.scores.scores.empty() && !a->detectors.disagree())
            if (const QString why = VerdictHtml::overallReason(a->detectors.scores); !why.isEmpty())
                tip += QStringLiteral(": ") + why;
        return tip;
    }
    if (role == Qt::ForegroundRole && index.column() == Provenance && ok) {
        const int rank = ProvenanceHtml::rank(prov);
        if (rank == 2) return QColor(0x1d, 0x7a, 0x3a);
        if (rank == -1 || (prov && prov->says_ai)) return QColor(0xb0, 0x30, 0x30);
        return {};
    }
    if (role == Qt::ToolTipRole) return ok ? QString::fromStdString(a->info.sha256) : a ? a->error : r.file;
    if (role == SortRole) {
        switch (index.column()) {
        case Size: return ok ? QVariant(qulonglong(a->info.file_size)) : QVariant(0);
        case Dimensions: return ok ? QVariant(qlonglong(a->info.width) * a->info.height) : QVariant(0);
        case ClipFlow: return cf ? QVariant(cf->calibrated.p_value) : QVariant(2.0);
        case Supervised: return sv ? QVariant(sv->p_ai) : QVariant(-1.0);
        case Provenance: return ok ? QVariant(ProvenanceHtml::rank(prov)) : QVariant(-2);
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Name: return QFileInfo(r.file).fileName();
    case Sha: return ok ? QString::fromStdString(a->info.sha256.substr(0, 12)) : QString();
    case Size: return ok ? QLocale().formattedDataSize(qint64(a->info.file_size)) : QString();
    case Dimensions: return ok ? QStringLiteral("%1 \u00d7 %2").arg(a->info.width).arg(a->info.height) : QString();
    case Format: return ok ? QString::fromStdString(a->info.format) : QString();
    case ClipFlow: return cf ? QString::number(cf->calibrated.p_value, 'g', 2) : QString();
    case Supervised: return sv ? QString::number(sv->p_ai, 'f', 2) : QString();
    case Provenance: return ok ? ProvenanceHtml::column(prov) : QString();
    case Verdict:
        switch (r.state) {
        case State::Queued: return tr("queued");
        case State::Analysing: return tr("analysing\u2026");
        case State::Failed: return tr("cannot analyse");
        case State::Cancelled: return tr("not analysed (cancelled)");
        case State::Done: {
            if (!cf && !sv) return tr("no detector");
            if (a->detectors.disagree()) return tr("inconclusive: detectors disagree");
            const auto v = a->detectors.scores.verdict();
            return Wording::verdict(verdict_code(v), verdict_wording(v));
        }
        }
        return {};
    default: return {};
    }
}

} // namespace clipflow::app
