// The detection façade: any detector file behind one Detector, the set the
// product runs, the disagreement rule and the JSON every tool writes.
#include "syntheticimages.h"

#include <clipflow/detector.h>
#include <clipflow/sha256.h>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace clipflow;
using testimages::pink_noise;

namespace {

const std::string kExeDir = CLIPFLOW_BIN_DIR;
std::string shipped(DetectorKind kind)
{
    return kExeDir + "/../share/clipflow/models/" + default_detector_file(kind);
}

DetectorScore made(DetectorKind kind, Verdict verdict)
{
    DetectorScore s;
    s.kind = kind;
    s.verdict = verdict;
    s.model_id = kind == DetectorKind::ClipFlow ? "cf-000000000001" : "sv-000000000002";
    if (kind == DetectorKind::ClipFlow) {
        s.clipflow.emplace();
        s.clipflow->calibrated.log_likelihood = -1.5;
    } else {
        s.supervised.emplace();
        s.supervised->p_ai = 0.25;
    }
    return s;
}

} // namespace

class TestDetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip()
    {
        for (Verdict v : {Verdict::Natural, Verdict::Weak, Verdict::Moderate, Verdict::Strong})
            QCOMPARE(verdict_from_code(verdict_code(v)), std::optional<Verdict>(v));
        QVERIFY(!verdict_from_code("maybe"));
        for (DetectorKind k : {DetectorKind::ClipFlow, DetectorKind::Supervised})
            QCOMPARE(detector_kind_from_name(detector_kind_name(k)), std::optional<DetectorKind>(k));
        QVERIFY(!detector_kind_from_name("all"));
    }

    // The rule the CLI's "disagreement", the window and the report all show.
    void disagreement_data()
    {
        QTest::addColumn<int>("clipflow"); // -1: absent, else a Verdict
        QTest::addColumn<int>("supervised");
        QTest::addColumn<bool>("disagree");
        const int natural = int(Verdict::Natural), weak = int(Verdict::Weak), strong = int(Verdict::Strong);
        QTest::newRow("both natural") << natural << natural << false;
        QTest::newRow("natural vs strong") << natural << strong << true;
        QTest::newRow("weak vs natural") << weak << natural << true;
        QTest::newRow("weak vs strong: both say AI") << weak << strong << false;
        QTest::newRow("one detector only") << strong << -1 << false;
        QTest::newRow("none") << -1 << -1 << false;
    }
    void disagreement()
    {
        QFETCH(int, clipflow);
        QFETCH(int, supervised);
        QFETCH(bool, disagree);
        DetectorSetScore s;
        if (clipflow >= 0) s.scores.push_back(made(DetectorKind::ClipFlow, Verdict(clipflow)));
        if (supervised >= 0) s.scores.push_back(made(DetectorKind::Supervised, Verdict(supervised)));
        QCOMPARE(s.disagree(), disagree);
        QCOMPARE(s.find(DetectorKind::Supervised) != nullptr, supervised >= 0);
        if (s.scores.size() < 2) return;
        const auto j = nlohmann::json::parse(s.to_json());
        QCOMPARE(j["detector"].get<std::string>(), std::string("all"));
        QCOMPARE(j["disagreement"].get<bool>(), disagree);
        QCOMPARE(j["results"].size(), std::size_t(2));
        QCOMPARE(j["results"][1]["verdict_code"].get<std::string>(), std::string(verdict_code(Verdict(supervised))));
    }

    // Each shipped detector through the façade: the file names its kind, the score
    // carries the kind's details, and the JSON and evidence agree with them.
    void shippedDetectorsScore_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("clipflow") << int(DetectorKind::ClipFlow);
        QTest::newRow("supervised") << int(DetectorKind::Supervised);
    }
    void shippedDetectorsScore()
    {
        QFETCH(int, kind);
        const auto k = DetectorKind(kind);
        auto d = load_detector(shipped(k));
        QVERIFY2(d.ok(), d.status().message().c_str());
        QCOMPARE(d->kind(), k);
        QCOMPARE(d->clipflow() != nullptr, k == DetectorKind::ClipFlow);
        QCOMPARE(d->supervised() != nullptr, k == DetectorKind::Supervised);
        QVERIFY(!d->clip_backbone());
        const auto image = pink_noise(160, 128, 7);
        auto s = d->score(image, std::string(64, '0'));
        QVERIFY2(s.ok(), s.status().message().c_str());
        QCOMPARE(s->kind, k);
        QCOMPARE(s->model_id, d->info().model_id);
        QVERIFY(!s->seen);
        QVERIFY(s->ai_score >= 0.0 && s->ai_score <= 1.0);
        const auto j = nlohmann::json::parse(s->to_json());
        QCOMPARE(j["detector"].get<std::string>(), std::string(detector_kind_name(k)));
        QCOMPARE(j["verdict_code"].get<std::string>(), std::string(verdict_code(s->verdict)));
        QVERIFY(!j.contains("seen_in_training"));
        if (k == DetectorKind::ClipFlow) {
            QVERIFY(s->clipflow && !s->supervised);
            QCOMPARE(s->evidence(), -s->clipflow->calibrated.log_likelihood);
            QCOMPARE(s->verdict_text, s->clipflow->calibrated.verdict);
            QCOMPARE(std::string(verdict_code(s->verdict)), s->clipflow->calibrated.verdict_code);
            QVERIFY((j.contains("p_value") && j.contains("log_likelihood") && !j.contains("p_ai")));
            // The model's own threshold splits evidence where its verdict does.
            QCOMPARE(s->evidence() > d->evidence_threshold(), s->verdict != Verdict::Natural);
        } else {
            QVERIFY(s->supervised && !s->clipflow);
            QCOMPARE(s->evidence(), s->supervised->p_ai);
            QCOMPARE(std::string(verdict_code(s->verdict)), s->supervised->verdict_code);
            QVERIFY((j.contains("p_ai") && j.contains("generator_probs") && !j.contains("p_value")));
            QCOMPARE(d->evidence_threshold(), 0.5);
        }
        // The same image scores the same through a set.
        DetectorSetParams p;
        p.exe_dir = kExeDir;
        (k == DetectorKind::ClipFlow ? p.supervised_model : p.clipflow_model) = "-";
        auto set = DetectorSet::load(p);
        QVERIFY2(set.ok(), set.status().message().c_str());
        QCOMPARE(set->detectors().size(), std::size_t(1));
        QCOMPARE(set->detectors().front().path(), std::filesystem::weakly_canonical(shipped(k)).string());
        auto ss = set->score(image);
        QVERIFY2(ss.ok(), ss.status().message().c_str());
        QCOMPARE(ss->scores.size(), std::size_t(1));
        QCOMPARE(ss->scores.front().evidence(), s->evidence());
        QVERIFY(nlohmann::json::parse(ss->to_json()) == j); // one detector: its own object
    }

    void bothDefaultsInOrder()
    {
        DetectorSetParams p;
        p.exe_dir = kExeDir;
        auto set = DetectorSet::load(p);
        QVERIFY2(set.ok(), set.status().message().c_str());
        QCOMPARE(set->detectors().size(), std::size_t(2));
        QCOMPARE(set->detectors()[0].kind(), DetectorKind::ClipFlow);
        QCOMPARE(set->detectors()[1].kind(), DetectorKind::Supervised);
        QVERIFY(set->errors().empty());
        auto s = set->score(pink_noise(96, 96, 3));
        QVERIFY2(s.ok(), s.status().message().c_str());
        QCOMPARE(s->scores.size(), std::size_t(2));
        const auto j = nlohmann::json::parse(s->to_json());
        QCOMPARE(j.at("disagreement").get<bool>(), s->disagree());
    }

    // A wrong file in a slot is an error naming it; keep_going loads the rest.
    void badChoices_data()
    {
        QTest::addColumn<QString>("clipflow");
        QTest::addColumn<QString>("supervised");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("loadedWithKeepGoing");
        const QString sup = QString::fromStdString(shipped(DetectorKind::Supervised));
        QTest::newRow("supervised file in the clipflow slot") << sup << "-"
                                                              << "is a supervised detector, not a clipflow one" << 0;
        QTest::newRow("missing file") << "/no/such/model.safetensors"
                                      << ""
                                      << "/no/such/model.safetensors" << 1;
        QTest::newRow("not a detector") << "@garbage"
                                        << "-"
                                        << "@garbage" << 0;
    }
    void badChoices()
    {
        QFETCH(QString, clipflow);
        QFETCH(QString, supervised);
        QFETCH(QString, message);
        QFETCH(int, loadedWithKeepGoing);
        QTemporaryDir tmp;
        const std::string garbage = tmp.filePath(QStringLiteral("garbage.safetensors")).toStdString();
        std::ofstream(garbage) << "not a safetensors file at all";
        auto resolve = [&](const QString& s) { return s == QLatin1String("@garbage") ? garbage : s.toStdString(); };
        DetectorSetParams p;
        p.exe_dir = kExeDir;
        p.clipflow_model = resolve(clipflow);
        p.supervised_model = resolve(supervised);
        const std::string expected = resolve(message);
        auto set = DetectorSet::load(p);
        QVERIFY(!set.ok());
        QVERIFY2(set.status().message().find(expected) != std::string::npos, set.status().message().c_str());
        p.keep_going = true;
        set = DetectorSet::load(p);
        QVERIFY(set.ok());
        QCOMPARE(int(set->detectors().size()), loadedWithKeepGoing);
        QVERIFY2(set->errors().find(expected) != std::string::npos, set->errors().c_str());
        auto s = set->score(pink_noise(64, 64, 1));
        QVERIFY(s.ok());
        QCOMPARE(int(s->scores.size()), loadedWithKeepGoing);
    }

    // A failing detector: the whole call fails, or with keep_going the others still answer.
    void scoringFailure()
    {
        DetectorSetParams p;
        p.exe_dir = kExeDir;
        auto set = DetectorSet::load(p);
        QVERIFY2(set.ok(), set.status().message().c_str());
        const Raster empty; // no pixels: every detector refuses it
        QVERIFY(!set->score(empty).ok());
        p.keep_going = true;
        set = DetectorSet::load(p);
        auto s = set->score(empty);
        QVERIFY(s.ok());
        QVERIFY(s->scores.empty());
        QVERIFY(!s->error.empty());
    }

    void emptySetScoresNothing()
    {
        DetectorSetParams p;
        p.clipflow_model = p.supervised_model = "-";
        auto set = DetectorSet::load(p);
        QVERIFY(set.ok());
        QVERIFY(set->detectors().empty());
        auto s = set->score(pink_noise(32, 32, 2));
        QVERIFY(s.ok() && s->scores.empty() && !s->disagree());
    }
};

QTEST_GUILESS_MAIN(TestDetector)
#include "tst_detector.moc"
