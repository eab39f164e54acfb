// The detection façade: any detector file behind one Detector, the set the
// product runs, the disagreement rule and the JSON every tool writes.
#include "modelcopy.h"
#include "sanitizerrun.h"
#include "syntheticimages.h"

#include <clipflow/detector.h>
#include <clipflow/evidence.h>
#include <clipflow/laundering.h>
#include <clipflow/sha256.h>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>

using namespace clipflow;
using testimages::pink_noise;

namespace {

const std::string kExeDir = CLIPFLOW_BIN_DIR;
std::string shipped(DetectorKind kind)
{
    return kExeDir + "/../share/clipflow/models/" + default_detector_file(kind);
}

// The shipped supervised detector as trained, before its calibration on natural photos
// (p_ai >= 0.5 flags), beside a copy of its backbone.
std::string uncalibrated_supervised(const QTemporaryDir& dir)
{
    const std::string models = kExeDir + "/../share/clipflow/models/";
    const std::string out = dir.filePath(QStringLiteral("uncalibrated.safetensors")).toStdString();
    write_model_copy(models + default_detector_file(DetectorKind::Supervised), out, [](std::map<std::string, std::string>& md) {
        auto meta = nlohmann::json::parse(md.at("clipflow.classifier"));
        meta.erase("calibration");
        meta.erase("calibration_files");
        md["clipflow.classifier"] = meta.dump();
    });
    std::filesystem::copy_file(models + "forensic-v2.safetensors",
                               dir.filePath(QStringLiteral("forensic-v2.safetensors")).toStdString());
    return out;
}

DetectorScore made(DetectorKind kind, Verdict verdict)
{
    DetectorScore s;
    s.kind = kind;
    s.level = s.verdict = verdict;
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
        for (Verdict v : {Verdict::Natural, Verdict::Weak, Verdict::Moderate, Verdict::Strong, Verdict::Inconclusive})
            QCOMPARE(verdict_from_code(verdict_code(v)), std::optional<Verdict>(v));
        QCOMPARE(std::string(verdict_wording(Verdict::Weak)), std::string("weak evidence of AI generation"));
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
        QTest::addColumn<int>("overall");
        const int natural = int(Verdict::Natural), weak = int(Verdict::Weak), strong = int(Verdict::Strong),
                  inconclusive = int(Verdict::Inconclusive);
        QTest::newRow("both natural") << natural << natural << false << natural;
        QTest::newRow("natural vs strong") << natural << strong << true << inconclusive;
        QTest::newRow("weak vs natural") << weak << natural << true << inconclusive;
        QTest::newRow("weak vs strong: both say AI, the weaker counts") << weak << strong << false << weak;
        QTest::newRow("one detector only") << strong << -1 << false << strong;
        QTest::newRow("none") << -1 << -1 << false << inconclusive;
    }
    void disagreement()
    {
        QFETCH(int, clipflow);
        QFETCH(int, supervised);
        QFETCH(bool, disagree);
        QFETCH(int, overall);
        DetectorSetScore s;
        if (clipflow >= 0) s.scores.push_back(made(DetectorKind::ClipFlow, Verdict(clipflow)));
        if (supervised >= 0) s.scores.push_back(made(DetectorKind::Supervised, Verdict(supervised)));
        QCOMPARE(s.disagree(), disagree);
        QCOMPARE(int(s.verdict()), overall);
        QCOMPARE(s.inconclusive_reason().empty(), overall != int(Verdict::Inconclusive));
        QCOMPARE(s.find(DetectorKind::Supervised) != nullptr, supervised >= 0);
        if (s.scores.size() < 2) return;
        const auto j = nlohmann::json::parse(s.to_json());
        QCOMPARE(j["detector"].get<std::string>(), std::string("all"));
        QCOMPARE(j["disagreement"].get<bool>(), disagree);
        QCOMPARE(j["verdict_code"].get<std::string>(), std::string(verdict_code(Verdict(overall))));
        QCOMPARE(j.contains("inconclusive_reason"), disagree);
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
        QVERIFY(s->robustness.empty()); // only when asked for
        QVERIFY(s->ai_score >= 0.0 && s->ai_score <= 1.0);
        const auto j = nlohmann::json::parse(s->to_json());
        QCOMPARE(j["detector"].get<std::string>(), std::string(detector_kind_name(k)));
        QCOMPARE(j["verdict_code"].get<std::string>(), std::string(verdict_code(s->verdict)));
        QVERIFY(!j.contains("seen_in_training"));
        if (k == DetectorKind::ClipFlow) {
            QVERIFY(s->clipflow && !s->supervised);
            QCOMPARE(s->evidence(), -s->clipflow->calibrated.log_likelihood);
            QCOMPARE(std::string(verdict_code(s->level)), s->clipflow->calibrated.verdict_code);
            QVERIFY((j.contains("p_value") && j.contains("log_likelihood") && !j.contains("p_ai")));
            // The model's own threshold splits evidence where its verdict does.
            QCOMPARE(s->evidence() > d->evidence_threshold(), s->level != Verdict::Natural);
        } else {
            QVERIFY(s->supervised && !s->clipflow);
            QCOMPARE(s->evidence(), s->supervised->p_ai);
            QCOMPARE(std::string(verdict_code(s->level)), s->supervised->verdict_code);
            // Shipped calibrated on natural photos it never saw: its level is a p-value, as CLIP-Flow's.
            QVERIFY(s->supervised->calibrated);
            QCOMPARE(std::string(verdict_code(s->level)), s->supervised->calibrated->verdict_code);
            QVERIFY(
                (j.contains("p_ai") && j.contains("generator_probs") && j.contains("p_value") && j.contains("log_odds_real")));
            QVERIFY(d->evidence_threshold() > 0.5 && d->evidence_threshold() < 1.0);
            QCOMPARE(s->evidence() > d->evidence_threshold(), s->level != Verdict::Natural);
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

    // A batch scores as the images one by one, for both shipped detectors and
    // through the set (with robustness, so each image's transforms follow too).
    void batchScoresAsOneByOne_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("robustness");
        QTest::newRow("clipflow") << int(DetectorKind::ClipFlow) << false;
        QTest::newRow("supervised") << int(DetectorKind::Supervised) << false;
        QTest::newRow("clipflow, robustness") << int(DetectorKind::ClipFlow) << true;
    }
    void batchScoresAsOneByOne()
    {
        QFETCH(int, kind);
        QFETCH(bool, robustness);
        if (robustness && under_sanitizer())
            QSKIP("robustness copies are batched under the sanitizers in sharedBackbonePass; here the Release suite");
        auto d = load_detector(shipped(DetectorKind(kind)));
        QVERIFY2(d.ok(), d.status().message().c_str());
        std::vector<Raster> images;
        for (int i = 0; i < 4; ++i) images.push_back(pink_noise(140 + 50 * i, 300 - 40 * i, 11u + unsigned(i)));
        std::vector<ScoreInput> batch;
        for (std::size_t i = 0; i < images.size(); ++i) batch.push_back({&images[i], i == 1 ? std::string(64, 'a') : ""});
        ScoreParams params;
        params.robustness = robustness;
        const auto scores = d->score_batch(batch, params);
        QCOMPARE(scores.size(), images.size());
        for (std::size_t i = 0; i < images.size(); ++i) {
            auto one = d->score(images[i], batch[i].sha256, params);
            QVERIFY2(one.ok() && scores[i].ok(), one.status().message().c_str());
            QVERIFY2(std::abs(one->evidence() - scores[i]->evidence()) <= 1e-4 * std::max(1.0, std::abs(one->evidence())),
                     qPrintable(QStringLiteral("%1 vs %2").arg(one->evidence()).arg(scores[i]->evidence())));
            QCOMPARE(scores[i]->verdict, one->verdict);
            QCOMPARE(scores[i]->robustness.size(), one->robustness.size());
        }
        DetectorSetParams p;
        p.exe_dir = kExeDir;
        auto set = DetectorSet::load(p);
        QVERIFY2(set.ok(), set.status().message().c_str());
        const auto sets = set->score_batch(batch);
        QCOMPARE(sets.size(), images.size());
        for (std::size_t i = 0; i < images.size(); ++i) {
            auto one = set->score(images[i], batch[i].sha256);
            QVERIFY(one.ok() && sets[i].ok());
            QCOMPARE(sets[i]->scores.size(), one->scores.size());
            QCOMPARE(sets[i]->verdict(), one->verdict());
        }
    }

    // Detectors that read the same features from an image share one backbone pass in a
    // set, and each still scores exactly as on its own: the shipped pair (one forensic-v2,
    // both read in either orientation) shares it, and the CLIP-Flow default's second reading
    // (the chroma-halved forensic-v2) is one pass more; a supervised copy read as stored
    // shares nothing, so the default reads both of its networks itself.
    void sharedBackbonePass_data()
    {
        QTest::addColumn<QString>("supervised"); // "shipped" or "stored" (a copy read as stored)
        QTest::addColumn<int>("passes");
        QTest::addColumn<bool>("robustness"); // the transformed copies are shared the same way
        // (A set of one detector scores as that detector: shippedDetectorsScore.)
        QTest::newRow("shipped pair") << QStringLiteral("shipped") << 2 << false;
        QTest::newRow("shipped pair, robustness") << QStringLiteral("shipped") << 2 << true;
        QTest::newRow("supervised read as stored, robustness") << QStringLiteral("stored") << 3 << true;
    }
    void sharedBackbonePass()
    {
        QFETCH(QString, supervised);
        QFETCH(int, passes);
        QFETCH(bool, robustness);
        if (robustness && supervised == QLatin1String("shipped") && under_sanitizer())
            QSKIP("the sanitizers share robustness copies in the row with three passes; here the Release suite");
        ScoreParams params;
        params.robustness = robustness;
        QTemporaryDir dir;
        DetectorSetParams p;
        p.exe_dir = kExeDir;
        if (supervised == QLatin1String("stored")) {
            const std::string models = kExeDir + "/../share/clipflow/models/";
            p.supervised_model = dir.filePath(QStringLiteral("stored.safetensors")).toStdString();
            write_model_copy(models + default_detector_file(DetectorKind::Supervised), p.supervised_model,
                             [](std::map<std::string, std::string>& md) {
                                 auto meta = nlohmann::json::parse(md.at("clipflow.classifier"));
                                 QCOMPARE(meta.at("scoring").at("orientation").get<std::string>(), std::string("either"));
                                 meta.erase("scoring");
                                 md["clipflow.classifier"] = meta.dump();
                             });
            std::filesystem::copy_file(models + "forensic-v2.safetensors",
                                       dir.filePath(QStringLiteral("forensic-v2.safetensors")).toStdString());
        }
        auto set = DetectorSet::load(p);
        QVERIFY2(set.ok(), set.status().message().c_str());
        QCOMPARE(set->backbone_passes(), std::size_t(passes));
        // Four views (their transposes differ from them) and a single view.
        const std::vector<Raster> images{pink_noise(300, 272, 21), pink_noise(160, 128, 23)};
        std::vector<ScoreInput> batch;
        for (const auto& image : images) batch.push_back({&image, ""});
        const auto sets = set->score_batch(batch, params);
        for (std::size_t i = 0; i < images.size(); ++i) {
            QVERIFY2(sets[i].ok(), sets[i].status().message().c_str());
            QCOMPARE(sets[i]->scores.size(), set->detectors().size());
            // One image through the set (the batch of one; robustness rows read the batch only, for time).
            std::optional<DetectorSetScore> one;
            if (!robustness) {
                auto s = set->score(images[i]);
                QVERIFY2(s.ok(), s.status().message().c_str());
                one = std::move(*s);
            }
            for (std::size_t k = 0; k < set->detectors().size(); ++k) {
                auto own = set->detectors()[k].score(images[i], {}, params);
                QVERIFY2(own.ok(), own.status().message().c_str());
                const DetectorScore& batched = sets[i]->scores[k];
                // A batch's products round as a batch does (batchScoresAsOneByOne); each
                // robustness copy is read alone, so its checks are exact.
                QVERIFY(std::abs(batched.evidence() - own->evidence()) <= 1e-4 * std::max(1.0, std::abs(own->evidence())));
                QVERIFY(robustness ? own->robustness.size() == robustness_transforms().size() || i == 1
                                   : own->robustness.empty());
                QCOMPARE(batched.robustness.size(), own->robustness.size());
                for (std::size_t t = 0; t < own->robustness.size(); ++t) {
                    QCOMPARE(batched.robustness[t].transform, own->robustness[t].transform);
                    QCOMPARE(batched.robustness[t].ai_score, own->robustness[t].ai_score);
                    QCOMPARE(batched.robustness[t].level, own->robustness[t].level);
                }
                if (!one) continue;
                QCOMPARE(one->scores[k].evidence(), own->evidence());
                QCOMPARE(one->scores[k].verdict, own->verdict);
                if (own->supervised) {
                    QCOMPARE(one->scores[k].supervised->generator, own->supervised->generator);
                    QCOMPARE(one->scores[k].supervised->distance, own->supervised->distance);
                }
            }
        }
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

    // One inconclusive detector makes the analyst's verdict inconclusive, with its reason.
    void inconclusiveDetectorCarriesItsReason()
    {
        DetectorSetScore s;
        s.scores.push_back(made(DetectorKind::ClipFlow, Verdict::Weak));
        s.scores.push_back(made(DetectorKind::Supervised, Verdict::Strong));
        QCOMPARE(s.verdict(), Verdict::Weak);
        s.scores[1].verdict = Verdict::Inconclusive;
        s.scores[1].inconclusive_reason = "the verdict changes under JPEG quality 75";
        QCOMPARE(s.verdict(), Verdict::Inconclusive);
        QCOMPARE(s.inconclusive_reason(), std::string("supervised: the verdict changes under JPEG quality 75"));
    }

    void verdictFlips_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("checks"); // transform:level,...
        QTest::addColumn<QString>("flips");
        QTest::newRow("holds") << int(Verdict::Strong) << QStringLiteral("jpeg90:3,jpeg75:1") << QString();
        QTest::newRow("AI levels differ but stay AI") << int(Verdict::Weak) << QStringLiteral("jpeg90:3,resize50:2") << QString();
        QTest::newRow("AI falls to natural") << int(Verdict::Moderate) << QStringLiteral("jpeg90:2,jpeg75:0,resize50:0")
                                             << QStringLiteral("JPEG quality 75, resizing to 50%");
        QTest::newRow("natural rises to AI")
            << int(Verdict::Natural) << QStringLiteral("resize75:1") << QStringLiteral("resizing to 75%");
    }
    void verdictFlips()
    {
        QFETCH(int, level);
        QFETCH(QString, checks);
        QFETCH(QString, flips);
        std::vector<RobustnessCheck> cs;
        for (const auto& c : checks.split(u',', Qt::SkipEmptyParts))
            cs.push_back({c.section(u':', 0, 0).toStdString(), 0.5, Verdict(c.section(u':', 1).toInt())});
        QCOMPARE(QString::fromStdString(verdict_flips(Verdict(level), cs)), flips);
    }

    // The transforms an image meets on its way, with the geometry they promise.
    void robustnessTransforms_data()
    {
        QTest::addColumn<QString>("transform");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("jpeg90") << "jpeg90" << 200 << 120;
        QTest::newRow("jpeg75") << "jpeg75" << 200 << 120;
        QTest::newRow("resize75") << "resize75" << 150 << 90;
        QTest::newRow("resize50") << "resize50" << 100 << 60;
    }
    void robustnessTransforms()
    {
        QFETCH(QString, transform);
        QFETCH(int, width);
        QFETCH(int, height);
        const auto image = pink_noise(200, 120, 5);
        auto t = apply_robustness_transform(image, transform.toStdString());
        QVERIFY2(t.ok(), t.status().message().c_str());
        QCOMPARE(t->width, width);
        QCOMPARE(t->height, height);
        if (transform.startsWith(QLatin1String("jpeg"))) {
            double diff = 0; // lossy: the pixels move, a little
            for (std::size_t i = 0; i < image.data.size(); ++i) diff += std::abs(double(image.data[i]) - double(t->data[i]));
            diff /= double(image.data.size());
            QVERIFY2(diff > 0.001 && diff < 0.2, std::to_string(diff).c_str());
        }
        QVERIFY(!apply_robustness_transform(image, "sepia").ok());
    }

    // The near-threshold rule, switched off (band 1) and made to cover everything.
    void nearThresholdIsInconclusive_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("calibrated");
        QTest::addColumn<double>("band");
        QTest::addColumn<bool>("inconclusive");
        QTest::newRow("clipflow, rule off") << int(DetectorKind::ClipFlow) << true << 1.0 << false;
        QTest::newRow("clipflow, band covers every p") << int(DetectorKind::ClipFlow) << true << 1e12 << true;
        QTest::newRow("supervised, rule off") << int(DetectorKind::Supervised) << true << 1.0 << false;
        QTest::newRow("supervised, band covers every p") << int(DetectorKind::Supervised) << true << 1e12 << true;
        QTest::newRow("supervised uncalibrated, rule off") << int(DetectorKind::Supervised) << false << 1.0 << false;
        QTest::newRow("supervised uncalibrated, band covers every p_ai")
            << int(DetectorKind::Supervised) << false << 11.0 << true;
    }
    void nearThresholdIsInconclusive()
    {
        QFETCH(int, kind);
        QFETCH(bool, calibrated);
        QFETCH(double, band);
        QFETCH(bool, inconclusive);
        QTemporaryDir tmp;
        auto d = load_detector(calibrated ? shipped(DetectorKind(kind)) : uncalibrated_supervised(tmp));
        QVERIFY2(d.ok(), d.status().message().c_str());
        ScoreParams p;
        p.inconclusive_band = band;
        auto s = d->score(pink_noise(96, 80, 9), {}, p);
        QVERIFY2(s.ok(), s.status().message().c_str());
        QCOMPARE(s->verdict == Verdict::Inconclusive, inconclusive);
        QVERIFY(s->level != Verdict::Inconclusive);
        QCOMPARE(s->inconclusive_reason.find("close to the model's threshold") != std::string::npos, inconclusive);
        QCOMPARE(s->near_threshold, inconclusive); // the same reason as data, for translated interfaces
        if (inconclusive && kind == int(DetectorKind::ClipFlow)) {
            QCOMPARE(s->threshold, d->clipflow()->info().calibration.flag_level());
            QCOMPARE(s->thresholded_score, s->clipflow->calibrated.p_value);
        } else if (inconclusive) {
            QCOMPARE(bool(s->supervised->calibrated), calibrated);
            QCOMPARE(s->threshold, calibrated ? d->supervised()->info().calibration->flag_level() : 0.5);
            QCOMPARE(s->thresholded_score, calibrated ? s->supervised->calibrated->p_value : s->supervised->p_ai);
            QCOMPARE(s->level != Verdict::Natural,
                     calibrated ? s->supervised->calibrated->p_value <= d->supervised()->info().calibration->flag_level()
                                : s->supervised->p_ai >= 0.5);
        }
        QCOMPARE(s->verdict_text, std::string(verdict_wording(s->verdict)));
        const auto j = nlohmann::json::parse(s->to_json());
        QCOMPARE(j["verdict_code"].get<std::string>(), std::string(verdict_code(s->verdict)));
        QCOMPARE(j["level_code"].get<std::string>(), std::string(verdict_code(s->level)));
    }

    // A file in a compression no calibration covers (HEIF, AVIF) keeps its level, but a level
    // above natural is never the verdict; a natural one stands. Pixels repeated 2x look made.
    void uncalibratedFormatIsNeverFlagged_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("upsampled");
        QTest::newRow("clipflow, noise") << int(DetectorKind::ClipFlow) << false;
        QTest::newRow("clipflow, upsampled 2x") << int(DetectorKind::ClipFlow) << true;
        QTest::newRow("supervised, noise") << int(DetectorKind::Supervised) << false;
        QTest::newRow("supervised, upsampled 2x") << int(DetectorKind::Supervised) << true;
    }
    void uncalibratedFormatIsNeverFlagged()
    {
        QFETCH(int, kind);
        QFETCH(bool, upsampled);
        auto d = load_detector(shipped(DetectorKind(kind)));
        QVERIFY2(d.ok(), d.status().message().c_str());
        Raster image = pink_noise(160, 128, 5);
        if (upsampled) {
            const Raster half = pink_noise(160, 128, 5);
            for (int y = 0; y < image.height; ++y)
                for (int x = 0; x < image.width; ++x)
                    for (int c = 0; c < 3; ++c)
                        image.data[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 3 + std::size_t(c)] =
                            half.at(x / 2, y / 2, c);
        }
        ScoreParams plain;
        plain.inconclusive_band = 1.0; // only the rule under test
        ScoreParams heif = plain;
        EvidenceInfo heif_file;
        heif_file.format = "HEIF";
        heif.uncalibrated_format = uncalibrated_format(heif_file);
        QCOMPARE(QString::fromStdString(heif.uncalibrated_format), QStringLiteral("HEIF"));
        auto a = d->score(image, {}, plain);
        auto b = d->score(image, {}, heif);
        QVERIFY(a.ok() && b.ok());
        if (upsampled && kind == int(DetectorKind::ClipFlow)) QVERIFY(a->level != Verdict::Natural); // the rule is exercised
        QCOMPARE(b->level, a->level);
        QCOMPARE(b->ai_score, a->ai_score);
        QCOMPARE(a->verdict, a->level);
        QCOMPARE(b->verdict, a->level == Verdict::Natural ? Verdict::Natural : Verdict::Inconclusive);
        QCOMPARE(b->inconclusive_reason.find("shown to hold for HEIF files") != std::string::npos, a->level != Verdict::Natural);
        QCOMPARE(QString::fromStdString(b->uncalibrated_format), QStringLiteral("HEIF"));
        const auto j = nlohmann::json::parse(b->to_json());
        QCOMPARE(j.value("uncalibrated_format", std::string()), std::string("HEIF"));
        QVERIFY(!nlohmann::json::parse(a->to_json()).contains("uncalibrated_format"));
        // The same through a batch, per input.
        auto batch = d->score_batch({ScoreInput{&image, {}, false, "HEIF"}}, plain);
        QVERIFY(batch.size() == 1 && batch[0].ok());
        QCOMPARE(batch[0]->verdict, b->verdict);
    }

    // Which compressions no calibration covers (docs/method.md: measured on held-out photos).
    void uncalibratedFormats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("lossy");
        QTest::addColumn<QString>("colour");
        QTest::addColumn<QString>("expected");
        QTest::newRow("HEIF") << "HEIF" << true << "rgb"
                              << "HEIF";
        QTest::newRow("AVIF") << "AVIF" << true << "rgb"
                              << "AVIF";
        QTest::newRow("lossy WebP") << "WebP" << true << "rgb"
                                    << "lossy WebP";
        QTest::newRow("lossless WebP: exact pixels") << "WebP" << false << "rgb"
                                                     << "";
        QTest::newRow("JPEG: calibrated") << "JPEG" << true << "rgb"
                                          << "";
        QTest::newRow("grey JPEG") << "JPEG" << true << "grey"
                                   << "";
        QTest::newRow("PNG") << "PNG" << false << "rgb"
                             << "";
        QTest::newRow("TIFF") << "TIFF" << false << "rgb"
                              << "";
        QTest::newRow("GIF: quantised") << "GIF" << false << "palette"
                                        << "palette-colour";
        QTest::newRow("palette PNG") << "PNG" << false << "palette"
                                     << "palette-colour";
        QTest::newRow("palette BMP") << "BMP" << false << "palette"
                                     << "palette-colour";
        QTest::newRow("CMYK JPEG: print colour") << "JPEG" << true << "cmyk"
                                                 << "CMYK";
        QTest::newRow("YCCK JPEG") << "JPEG" << true << "ycck"
                                   << "CMYK";
        QTest::newRow("CMYK TIFF") << "TIFF" << false << "cmyk"
                                   << "CMYK";
        QTest::newRow("grey PNG: held the bound") << "PNG" << false << "grey"
                                                  << "";
    }
    void uncalibratedFormats()
    {
        QFETCH(QString, format);
        QFETCH(bool, lossy);
        QFETCH(QString, colour);
        QFETCH(QString, expected);
        EvidenceInfo info;
        info.format = format.toStdString();
        info.lossy = lossy;
        info.colour_model = colour.toStdString();
        QCOMPARE(QString::fromStdString(uncalibrated_format(info)), expected);
    }

    // With robustness on, each transform is scored once more, in order; a copy too
    // small for the backbone is left out rather than failing the image. A large image's
    // copies are made only where its views lie (laundering.h), and must score the same.
    void robustnessScoresEachTransform_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("checks");
        QTest::newRow("96 px: all four") << 96 << 96 << 4;
        QTest::newRow("24 px: half size is too small") << 24 << 24 << 3;
        QTest::newRow("1000 x 720: copies from the views' regions") << 1000 << 720 << 4;
    }
    void robustnessScoresEachTransform()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, checks);
        auto d = load_detector(shipped(DetectorKind::ClipFlow));
        QVERIFY(d.ok());
        ScoreParams p;
        p.robustness = true;
        const auto image = pink_noise(width, height, 11);
        auto s = d->score(image, {}, p);
        QVERIFY2(s.ok(), s.status().message().c_str());
        QCOMPARE(int(s->robustness.size()), checks);
        for (std::size_t i = 0; i < s->robustness.size(); ++i) {
            const auto& c = s->robustness[i];
            QCOMPARE(c.transform, robustness_transforms()[i]);
            // Each check is the model's own answer on that copy, read as a file of it would be:
            // a small JPEG round trip as a delivered copy, a resized copy as the original.
            ScoreParams as_file{false, 1.0};
            const auto copy = apply_robustness_transform(image, c.transform);
            QVERIFY(copy.ok());
            as_file.delivered_copy = c.transform.rfind("jpeg", 0) == 0 && std::min(width, height) <= 640;
            QCOMPARE(as_file.delivered_copy,
                     is_delivered_copy(c.transform.rfind("jpeg", 0) == 0 ? "JPEG" : "PNG", copy->width, copy->height));
            auto direct = d->score(*copy, {}, as_file);
            QVERIFY(direct.ok());
            QCOMPARE(c.ai_score, direct->ai_score);
            QCOMPARE(c.level, direct->level);
        }
        QCOMPARE(s->verdict == Verdict::Inconclusive && s->inconclusive_reason.find("changes under") != std::string::npos,
                 !verdict_flips(s->level, s->robustness).empty());
        std::size_t flipped = 0;
        for (const auto& c : s->robustness) flipped += (c.level == Verdict::Natural) != (s->level == Verdict::Natural);
        QCOMPARE(s->flipped_under.size(), flipped);
        const auto j = nlohmann::json::parse(s->to_json());
        QCOMPARE(j["robustness"].size(), std::size_t(checks));
        QCOMPARE(j["robustness"][0]["transform"].get<std::string>(), std::string("jpeg90"));
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
