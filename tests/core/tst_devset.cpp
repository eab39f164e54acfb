// The development image set (../shared/data/dev): every file decodes with the
// size and format the manifest records, and spectra run on a sample of them.

#include <clipflow/evidence.h>
#include <clipflow/spectrum.h>

#include <QDir>
#include <QFile>
#include <QTest>

namespace {

QStringList parse_csv_line(const QString& line)
{
    QStringList fields;
    QString cur;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                cur += u'"';
                ++i;
            } else if (c == u'"')
                quoted = false;
            else
                cur += c;
        } else if (c == u'"')
            quoted = true;
        else if (c == u',') {
            fields << cur;
            cur.clear();
        } else
            cur += c;
    }
    fields << cur;
    return fields;
}

} // namespace

class TestDevSet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(root + QStringLiteral("/manifest.csv")))
            QSKIP(
                qPrintable(QStringLiteral("development data not found at %1 (it lives beside the repository in shared/data/dev)")
                               .arg(root)));
    }

    void everyImageDecodes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("format");
        QFile f(root + QStringLiteral("/manifest.csv"));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return;
        const QStringList header = parse_csv_line(QString::fromUtf8(f.readLine()).trimmed());
        const auto col = [&](const char* name) { return header.indexOf(QLatin1String(name)); };
        const int ip = col("path"), iw = col("width"), ih = col("height"), ifmt = col("format");
        while (!f.atEnd()) {
            const QStringList row = parse_csv_line(QString::fromUtf8(f.readLine()).trimmed());
            if (row.size() < header.size()) continue;
            QTest::newRow(qPrintable(row[ip])) << row[ip] << row[iw].toInt() << row[ih].toInt() << row[ifmt];
        }
    }
    void everyImageDecodes()
    {
        QFETCH(QString, path);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, format);
        auto ev = clipflow::load_evidence((root + u'/' + path).toStdString());
        QVERIFY2(ev.ok(), ev.status().to_string().c_str());
        QCOMPARE(ev->info.width, width);
        QCOMPARE(ev->info.height, height);
        QCOMPARE(QString::fromStdString(ev->info.format).toUpper(),
                 format.toUpper() == QLatin1String("JPG") ? QStringLiteral("JPEG") : format.toUpper());
        QCOMPARE(ev->info.sha256.size(), std::size_t(64));
        if (++decoded % 25 == 0) { // a sample through the whole spectral pipeline
            auto s = clipflow::analyze_spectrum(ev->pixels);
            QVERIFY2(s.ok(), s.status().to_string().c_str());
            QCOMPARE(s->image.radial_profile_db.size(), std::size_t(128));
        }
    }

private:
    QString root = QDir::cleanPath(QStringLiteral(CLIPFLOW_DEV_DATA));
    int decoded = 0;
};

QTEST_GUILESS_MAIN(TestDevSet)
#include "tst_devset.moc"
