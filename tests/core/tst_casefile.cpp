// Case files: a faithful round trip, atomic saves, evidence re-hashed on
// demand (a changed or missing file is reported), hostile files refused.

#include <clipflow/casefile.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(CLIPFLOW_TEST_DATA "/formats/") + QLatin1String(name);
}

} // namespace

class TestCaseFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        clipflow::CaseFile c;
        c.title = "Flood photo — 12 May";
        c.analyst = "A. Analyst";
        c.notes = "Sender claims it is from a phone.\nAsked for the original.";
        for (const char* f : {"rgb.png", "exif6.jpg"}) {
            auto ev = clipflow::load_evidence(fixture(f).toStdString(), {.decode_pixels = false});
            QVERIFY(ev.ok());
            auto& e = c.add_evidence(ev->info);
            e.notes = "looked at the spectrum";
            e.results_json = R"({"detector":"clipflow","p_value":0.03})";
        }
        c.add_evidence(clipflow::load_evidence(fixture("rgb.png").toStdString(), {.decode_pixels = false})->info); // no duplicate
        QCOMPARE(c.evidence.size(), std::size_t(2));
        c.log("note", "first pass done");
        QCOMPARE(c.audit.size(), std::size_t(3)); // two additions and the note
        const std::string path = dir.filePath(QStringLiteral("case.cfcase")).toStdString();
        QVERIFY(c.save(path).ok());
        auto back = clipflow::CaseFile::load(path);
        QVERIFY2(back.ok(), back.status().message().c_str());
        // results_json is normalised by the round trip; compare it separately.
        QCOMPARE(back->evidence[0].results_json, std::string(R"({"detector":"clipflow","p_value":0.03})"));
        QVERIFY(*back == c);
        for (const auto& v : clipflow::verify_evidence(*back)) QVERIFY2(v.ok, v.error.c_str());
    }

    void changedAndMissingEvidenceAreReported()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("evidence.png")), gone = dir.filePath(QStringLiteral("gone.png"));
        QVERIFY(QFile::copy(fixture("rgb.png"), copy));
        QVERIFY(QFile::copy(fixture("grey.png"), gone));
        clipflow::CaseFile c;
        for (const QString& f : {copy, gone})
            c.add_evidence(clipflow::load_evidence(f.toStdString(), {.decode_pixels = false})->info);
        QFile f(copy);
        QVERIFY(f.open(QIODevice::Append));
        f.write("x"); // one byte appended: a different file
        f.close();
        QVERIFY(QFile::remove(gone));
        const auto checks = clipflow::verify_evidence(c);
        QCOMPARE(checks.size(), std::size_t(2));
        QVERIFY(!checks[0].ok && checks[0].actual.size() == 64 && checks[0].actual != checks[0].expected);
        QVERIFY(!checks[1].ok && checks[1].actual.empty() && !checks[1].error.empty());
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("case.cfcase")).toStdString();
        clipflow::CaseFile a;
        a.title = "first";
        QVERIFY(a.save(path).ok());
        clipflow::CaseFile b;
        b.title = "second";
        QVERIFY(b.save(path).ok());
        QCOMPARE(clipflow::CaseFile::load(path)->title, std::string("second"));
        QVERIFY(!b.save(dir.filePath(QStringLiteral("no/such/folder/case.cfcase")).toStdString()).ok());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
    }

    void refusesHostileFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("code");
        const int corrupt = int(clipflow::ErrorCode::CorruptData), unsupported = int(clipflow::ErrorCode::UnsupportedFormat);
        QTest::newRow("not JSON") << QByteArray("{\"format\": ") << corrupt;
        QTest::newRow("other JSON") << QByteArray("{\"hello\": 1}") << unsupported;
        QTest::newRow("array") << QByteArray("[1,2,3]") << unsupported;
        QTest::newRow("future") << QByteArray(
                                       R"({"format":"clipflow-case","format_version":9,"case":{},"evidence":[],"audit":[]})")
                                << unsupported;
        QTest::newRow("bad hash")
            << QByteArray(
                   R"({"format":"clipflow-case","format_version":1,"case":{},"evidence":[{"file":"a","sha256":"zz"}],"audit":[]})")
            << corrupt;
        QTest::newRow("wrong types")
            << QByteArray(R"({"format":"clipflow-case","format_version":1,"case":{},"evidence":[{"file":5}],"audit":[]})")
            << corrupt;
        QTest::newRow("missing audit") << QByteArray(R"({"format":"clipflow-case","format_version":1,"case":{},"evidence":[]})")
                                       << corrupt;
    }

    void refusesHostileFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, code);
        auto c = clipflow::CaseFile::parse(text.toStdString());
        QVERIFY(!c.ok());
        QCOMPARE(int(c.status().code()), code);
        QCOMPARE(clipflow::CaseFile::load("/nonexistent.cfcase").status().code(), clipflow::ErrorCode::NotFound);
    }
};

QTEST_APPLESS_MAIN(TestCaseFile)
#include "tst_casefile.moc"
