// Metadata through Exiv2: known tags come back interpreted, files without
// metadata give none, and damaged files give an error, never a crash.

#include <clipflow/metadata.h>

#include <QFile>
#include <QTest>

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(CLIPFLOW_TEST_DATA "/formats/") + QLatin1String(name);
}

std::vector<std::uint8_t> bytes_of(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
    const QByteArray b = f.readAll();
    return {b.begin(), b.end()};
}

} // namespace

class TestMetadata : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTags_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("EXIF orientation") << fixture("exif6.jpg") << "Exif.Image.Orientation"
                                          << "right, top";
        QTest::newRow("no metadata") << fixture("rgb.png") << QString() << QString();
    }

    void readsTags()
    {
        QFETCH(QString, file);
        QFETCH(QString, key);
        QFETCH(QString, value);
        auto m = clipflow::read_metadata_file(file.toStdString());
        QVERIFY2(m.ok(), m.status().message().c_str());
        if (key.isEmpty()) {
            QVERIFY(m->empty());
            return;
        }
        bool found = false;
        for (const auto& e : *m)
            if (e.key == key.toStdString()) {
                found = true;
                QCOMPARE(QString::fromStdString(e.value), value);
                QCOMPARE(e.raw, std::string("6"));
                QCOMPARE(e.family, std::string("Exif"));
            }
        QVERIFY(found);
    }

    void limitsHoldAndValuesAreCut()
    {
        clipflow::MetadataParams p;
        p.max_entries = 1;
        p.max_value_chars = 3;
        auto m = clipflow::read_metadata_file(fixture("exif6.jpg").toStdString(), p);
        QVERIFY(m.ok());
        QCOMPARE(m->size(), std::size_t(1));
        QVERIFY(m->front().value.size() <= 3 + 3); // three characters and an ellipsis
    }

    void damagedFilesNeverCrash()
    {
        const auto full = bytes_of(fixture("exif6.jpg"));
        int errors = 0;
        for (std::size_t n = 0; n < full.size(); n += 7) {
            auto m = clipflow::read_metadata(std::span(full.data(), n));
            errors += !m.ok();
        }
        QVERIFY(errors > 0);                         // truncated headers are reported...
        QVERIFY(clipflow::read_metadata(full).ok()); // ...and the whole file still reads
        const std::vector<std::uint8_t> junk(100, 0xAB);
        QVERIFY(!clipflow::read_metadata(junk).ok());
        QCOMPARE(clipflow::read_metadata({}).status().code(), clipflow::ErrorCode::EmptyFile);
        QCOMPARE(clipflow::read_metadata_file("/nonexistent.jpg").status().code(), clipflow::ErrorCode::NotFound);
    }
};

QTEST_APPLESS_MAIN(TestMetadata)
#include "tst_metadata.moc"
