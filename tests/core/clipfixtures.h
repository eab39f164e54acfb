#pragma once
// Access to the CLIP fixtures that make_clip_fixtures.py generates at test time.

#include <clipflow/safetensors.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace clipfixtures {

inline QString dir()
{
    return qEnvironmentVariable("CLIPFLOW_CLIP_FIXTURES");
}

inline QString path(const QString& name)
{
    return dir() + u'/' + name;
}

struct Reference {
    clipflow::SafetensorsFile file;
    QStringList images;
    std::vector<float> get(const char* name) const { return file.find(name)->to_float().value(); }
};

inline std::optional<Reference> reference()
{
    auto f = clipflow::SafetensorsFile::open(path(QStringLiteral("reference.safetensors")).toStdString());
    if (!f) return std::nullopt;
    QStringList images;
    for (const auto& v : QJsonDocument::fromJson(QByteArray::fromStdString(f->metadata().at("images"))).array())
        images << path(QStringLiteral("images/") + v.toString());
    return Reference{std::move(f.value()), images};
}

inline double max_abs_diff(const float* a, const float* b, std::size_t n)
{
    double m = 0;
    for (std::size_t i = 0; i < n; ++i) m = std::max(m, double(std::abs(a[i] - b[i])));
    return m;
}

} // namespace clipfixtures
