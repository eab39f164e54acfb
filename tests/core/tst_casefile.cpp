// Case files: a faithful round trip, atomic saves, evidence re-hashed on
// demand (a changed or missing file is reported), hostile files refused.

#include <clipflow/casefile.h>

#include <nlohmann/json.hpp>

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

    // A heat map kept with its evidence comes back only for the model that made it and a map
    // of the evidence's size; it survives save and open, and keeping one leaves the other results.
    void heatMapKept_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("askedModel");
        QTest::addColumn<bool>("found");
        QTest::newRow("same model") << ""
                                    << "cf-aaa" << true;
        QTest::newRow("another model") << ""
                                       << "cf-bbb" << false;
        QTest::newRow("no model loaded") << ""
                                         << "" << false;
        QTest::newRow("another picture's size") << "size"
                                                << "cf-aaa" << false;
        QTest::newRow("damaged map") << "damage"
                                     << "cf-aaa" << false;
        QTest::newRow("results unreadable") << "results"
                                            << "cf-aaa" << false;
    }
    void heatMapKept()
    {
        QFETCH(QString, change);
        QFETCH(QString, askedModel);
        QFETCH(bool, found);
        QTemporaryDir dir;
        clipflow::CaseFile c;
        auto ev = clipflow::load_evidence(fixture("rgb.png").toStdString(), {.decode_pixels = false});
        QVERIFY(ev.ok());
        auto& e = c.add_evidence(ev->info);
        e.results_json = R"({"clipflow":{"p_value":0.03}})";
        clipflow::ScoreMap m;
        m.image_width = ev->info.width;
        m.image_height = ev->info.height;
        m.tile_width = std::min(32, m.image_width);
        m.tile_height = std::min(32, m.image_height);
        m.xs = {0, m.image_width - m.tile_width};
        m.ys = {0};
        m.log_likelihood = {0.25f, -1.5f};
        m.ai_score = {0.125f, 0.875f};
        m.model_id = "cf-aaa";
        QVERIFY(m.xs[1] > 0);
        if (change == QLatin1String("size")) m.image_width += 8, m.xs[1] += 8;
        clipflow::keep_heat_map(e, m);
        if (change == QLatin1String("damage")) {
            auto j = nlohmann::json::parse(e.results_json);
            j["heat_map"]["ai_score"] = {0.1};
            e.results_json = j.dump();
        }
        if (change == QLatin1String("results")) e.results_json = "{not json";
        const std::string path = dir.filePath(QStringLiteral("case.cfcase")).toStdString();
        QVERIFY(c.save(path).ok());
        auto back = clipflow::CaseFile::load(path);
        QVERIFY(back.ok());
        const auto kept = clipflow::kept_heat_map(back->evidence.at(0), askedModel.toStdString());
        QCOMPARE(kept.has_value(), found);
        if (found) QVERIFY(*kept == m);
        if (change.isEmpty()) // the detectors' results stay beside it
            QCOMPARE(nlohmann::json::parse(back->evidence[0].results_json)["clipflow"]["p_value"].get<double>(), 0.03);
        // Keeping another map replaces the first.
        m.model_id = "cf-bbb";
        m.image_width = ev->info.width;
        m.xs = {0, m.image_width - m.tile_width};
        clipflow::keep_heat_map(back->evidence[0], m);
        QVERIFY(!clipflow::kept_heat_map(back->evidence[0], "cf-aaa"));
        QVERIFY(clipflow::kept_heat_map(back->evidence[0], "cf-bbb") == m);
    }

    // The grid a JPEG's ghosts were made on comes back after save and open, beside the other
    // results; a damaged one is as good as none (the report then makes none unasked).
    void jpegGhostsKept_data()
    {
        QTest::addColumn<QString>("stored"); // results' "jpeg_ghosts", as JSON; empty: kept with keep_jpeg_ghosts(3, 5)
        QTest::addColumn<bool>("found");
        QTest::newRow("kept") << QString() << true;
        QTest::newRow("grid beyond 7") << R"({"grid":[8,0]})" << false;
        QTest::newRow("negative") << R"({"grid":[-1,2]})" << false;
        QTest::newRow("not whole") << R"({"grid":[1.5,2]})" << false;
        QTest::newRow("huge") << R"({"grid":[18446744073709551615,2]})" << false;
        QTest::newRow("three numbers") << R"({"grid":[1,2,3]})" << false;
        QTest::newRow("no grid") << R"({"quality":60})" << false;
        QTest::newRow("not an object") << R"([1,2])" << false;
    }
    void jpegGhostsKept()
    {
        QFETCH(QString, stored);
        QFETCH(bool, found);
        QTemporaryDir dir;
        clipflow::CaseFile c;
        auto ev = clipflow::load_evidence(fixture("rgb.jpg").toStdString(), {.decode_pixels = false});
        QVERIFY(ev.ok());
        auto& e = c.add_evidence(ev->info);
        e.results_json = R"({"clipflow":{"p_value":0.03}})";
        QVERIFY(!clipflow::kept_jpeg_ghosts(e));
        clipflow::keep_jpeg_ghosts(e, {3, 5});
        if (!stored.isEmpty()) {
            auto j = nlohmann::json::parse(e.results_json);
            j["jpeg_ghosts"] = nlohmann::json::parse(stored.toStdString());
            e.results_json = j.dump();
        }
        const std::string path = dir.filePath(QStringLiteral("case.cfcase")).toStdString();
        QVERIFY(c.save(path).ok());
        auto back = clipflow::CaseFile::load(path);
        QVERIFY(back.ok());
        const auto kept = clipflow::kept_jpeg_ghosts(back->evidence.at(0));
        QCOMPARE(kept.has_value(), found);
        if (found) QVERIFY((*kept == clipflow::KeptJpegGhosts{3, 5}));
        QCOMPARE(nlohmann::json::parse(back->evidence[0].results_json)["clipflow"]["p_value"].get<double>(), 0.03);
        // Kept again, on the image's grid: the last the analyst made.
        clipflow::keep_jpeg_ghosts(back->evidence[0], {});
        QVERIFY((clipflow::kept_jpeg_ghosts(back->evidence[0]) == clipflow::KeptJpegGhosts{0, 0}));
        back->evidence[0].results_json = "{not json";
        QVERIFY(!clipflow::kept_jpeg_ghosts(back->evidence[0]));
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
