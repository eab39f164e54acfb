// Training a CLIP-Flow detector end to end on synthetic "photos": the model
// file, calibration, scoring, the feature cache, cancel and an exact resume,
// a model read in either orientation, a second reading trained and joined in
// one call, and refusal of bad input.

#include "deliveredthreshold.h"
#include "photofolder.h"
#include "sanitizerrun.h"
#include "syntheticimages.h"

#include <clipflow/atomicfile.h>
#include <clipflow/clipflowdetector.h>
#include <clipflow/clipflowtraining.h>
#include <clipflow/detector.h>
#include <clipflow/evidence.h>
#include <clipflow/flow.h>
#include <clipflow/laundering.h>
#include <clipflow/metrics.h>
#include <clipflow/recalibration.h>
#include <clipflow/safetensors.h>

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>

namespace {

using testimages::write_photos;

clipflow::ClipFlowTrainParams small(const std::vector<std::string>& files, const QString& out, const QString& cache)
{
    return testimages::small_training(files, out, cache);
}

} // namespace

class TestClipFlowTraining : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::vector<std::string> photos_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        QDir().mkpath(tmp_.filePath(QStringLiteral("photos")));
        photos_ = write_photos(tmp_.filePath(QStringLiteral("photos")), 48, 100);
    }

    void trainsCalibratesAndScores()
    {
        const QString out = tmp_.filePath(QStringLiteral("model.safetensors"));
        auto p = small(photos_, out, tmp_.filePath(QStringLiteral("cache")));
        std::vector<std::string> stages;
        p.progress = [&](const clipflow::JobProgress& j) {
            if (stages.empty() || stages.back() != j.stage) stages.push_back(j.stage);
        };
        auto r = clipflow::train_clipflow_detector(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(r->train_images + r->holdout_images, 48L);
        QVERIFY(r->holdout_images >= 10);
        QCOMPARE(stages, (std::vector<std::string>{"features", "training", "calibration", "saving"}));
        QCOMPARE(r->epochs_run, 6);
        QCOMPARE(r->cache_hits, 0L);
        QVERIFY(r->holdout_proxy_auc > 0.7);
        QVERIFY(!QFile::exists(out + QStringLiteral(".ckpt"))); // removed once the model is saved

        auto det = clipflow::ClipFlowDetector::load(out.toStdString());
        QVERIFY2(det.ok(), det.status().to_string().c_str());
        const auto& info = det->info();
        QCOMPARE(info.backbone_id, std::string("forensic-v1"));
        QCOMPARE(info.objective, std::string("combined"));
        QCOMPARE(info.dim, 136);
        QVERIFY(info.model_id.rfind("cf-", 0) == 0 && info.model_id.size() == 15);
        QCOMPARE(long(info.training_sha256.size()), r->train_images);
        QCOMPARE(long(info.holdout_sha256.size()), r->holdout_images);
        QCOMPARE(info.calibration.natural_count(), std::size_t(r->holdout_images));
        QVERIFY(info.metadata_json.find("\"proxy\"") != std::string::npos);
        QVERIFY(info.metadata_json.find("\"jpeg_quality\":[70,95]") != std::string::npos);
        // By default the held-out photos calibrate as they are only.
        QVERIFY(info.calibration.delivered_scores().empty() && !info.calibration.covers_delivered());
        QVERIFY(info.metadata_json.find("\"delivered_calibration\":null") != std::string::npos);
        QVERIFY(info.metadata_json.find("\"tool_version\"") != std::string::npos);

        // Unseen photos against up-sampled versions of unseen photos.
        std::vector<double> natural, upsampled;
        int consistent = 0;
        for (unsigned s = 0; s < 12; ++s) {
            auto a = det->score(testimages::pink_noise(160, 160, 9000 + s));
            auto b = det->score(testimages::upsample2(testimages::pink_noise(80, 80, 9100 + s)));
            QVERIFY(a.ok() && b.ok());
            natural.push_back(-a->calibrated.log_likelihood);
            upsampled.push_back(-b->calibrated.log_likelihood);
            consistent += a->calibrated.verdict_code == "natural";
            QVERIFY(std::isfinite(a->calibrated.log_likelihood) && std::isfinite(b->calibrated.log_likelihood));
        }
        const double auc = clipflow::roc_auc(natural, upsampled);
        QVERIFY2(auc > 0.9, qPrintable(QString::number(auc)));
        QVERIFY2(consistent >= 9, qPrintable(QString::number(consistent)));
    }

    void cancelThenResumeMatchesUninterrupted()
    {
        const QString cache = tmp_.filePath(QStringLiteral("cache2"));
        const QString a = tmp_.filePath(QStringLiteral("a.safetensors")), b = tmp_.filePath(QStringLiteral("b.safetensors"));
        auto p = small(photos_, a, cache);
        p.delivery_calibration = true; // the delivered views' features go through the cache too
        auto full = clipflow::train_clipflow_detector(p);
        QVERIFY(full.ok());

        p.out_path = b.toStdString();
        std::atomic<bool> stop{false};
        p.progress = [&](const clipflow::JobProgress& j) {
            if (j.stage == "training" && j.train.epoch_end && j.train.epoch >= 3) stop = true;
        };
        p.abort = [&] { return stop.load(); };
        auto cut = clipflow::train_clipflow_detector(p);
        QCOMPARE(cut.status().code(), clipflow::ErrorCode::Aborted);
        QVERIFY(QFile::exists(b + QStringLiteral(".ckpt")));
        QVERIFY(!QFile::exists(b));

        p.progress = nullptr;
        p.abort = nullptr;
        auto resumed = clipflow::train_clipflow_detector(p);
        QVERIFY2(resumed.ok(), resumed.status().to_string().c_str());
        QVERIFY(resumed->resumed_from_epoch >= 3);
        QCOMPARE(resumed->cache_hits, 48L); // every feature came from the cache
        QCOMPARE(resumed->info.calibration.natural_scores(), full->info.calibration.natural_scores());
        QCOMPARE(resumed->info.calibration.threshold(), full->info.calibration.threshold());
        QVERIFY(!full->info.calibration.delivered_scores().empty());
        QCOMPARE(resumed->info.calibration.delivered_scores(), full->info.calibration.delivered_scores());
    }

    // The same flow with and without the delivered photos: the lower threshold holds.
    void deliveredThreshold()
    {
        if (under_thread_sanitizer())
            QSKIP("no thread of its own: the same stages as trainsCalibratesAndScores, which TSan runs");
        auto p = small(photos_, tmp_.filePath(QStringLiteral("deliv.safetensors")), tmp_.filePath(QStringLiteral("cache")));
        p.fpr = 0.3; // ~14 held-out photos bound a 30% rate (k = 2), not a 5% one
        p.delivery_calibration = true;
        auto with = clipflow::train_clipflow_detector(p);
        QVERIFY2(with.ok(), with.status().to_string().c_str());
        QVERIFY(with->info.metadata_json.find(
                    "\"delivered_calibration\":{\"enlarged\":false,\"quality\":85,\"scope\":\"everywhere\",\"side\":512}") !=
                std::string::npos);
        QCOMPARE(long(with->info.calibration.delivered_scores().size()), with->holdout_images);
        p.out_path = tmp_.filePath(QStringLiteral("asis.safetensors")).toStdString();
        p.delivery_calibration = false;
        auto without = clipflow::train_clipflow_detector(p);
        QVERIFY2(without.ok(), without.status().to_string().c_str());
        const auto &a = with->info.calibration, &b = without->info.calibration;
        QVERIFY(b.bound_holds() && !b.covers_delivered() && b.delivered_scores().empty());
        QVERIFY(a.covers_delivered());
        QCOMPARE(a.natural_scores(), b.natural_scores()); // same flow, same held-out photos
        QCOMPARE(a.threshold(), testimages::expected_threshold(a.natural_scores(), b.threshold(), a.delivered_threshold()));
        QVERIFY(without->info.metadata_json.find("\"delivered_calibration\":null") != std::string::npos);
    }

    // Trained to read in either orientation: the same flow as read as stored (training views do not
    // change), each held-out photo's calibration score is the larger of its and its transpose's
    // reading (delivered copies too), the proxies' histogram is training's, and the file says so.
    void orientation_data()
    {
        QTest::addColumn<bool>("delivered");
        QTest::newRow("as taken") << false;
        QTest::newRow("also delivered") << true;
    }
    void orientation()
    {
        QFETCH(bool, delivered);
        if (under_thread_sanitizer())
            QSKIP("no thread of its own: the same stages as trainsCalibratesAndScores, which TSan runs");
        const QString tag = delivered ? QStringLiteral("-d") : QString();
        // The stored twin: deliveredThreshold() trained it with these very settings (else train it here).
        const QString stored_path =
            tmp_.filePath(delivered ? QStringLiteral("deliv.safetensors") : QStringLiteral("asis.safetensors"));
        auto p = small(photos_, stored_path, tmp_.filePath(QStringLiteral("cache")));
        p.fpr = 0.3;
        p.delivery_calibration = delivered;
        if (!QFile::exists(stored_path)) QVERIFY(clipflow::train_clipflow_detector(p).ok());
        auto stored = clipflow::ClipFlowModelInfo::read(stored_path.toStdString());
        QVERIFY2(stored.ok(), stored.status().to_string().c_str());
        QCOMPARE(stored->orientation, std::string("stored"));
        p.out_path = tmp_.filePath(QStringLiteral("either%1.safetensors").arg(tag)).toStdString();
        p.orientation = "either";
        auto either = clipflow::train_clipflow_detector(p);
        QVERIFY2(either.ok(), either.status().to_string().c_str());
        QCOMPARE(either->info.orientation, std::string("either"));
        QVERIFY(either->info.metadata_json.find("\"scoring\":{\"orientation\":\"either\"}") != std::string::npos);
        QVERIFY(stored->metadata_json.find("\"scoring\"") == std::string::npos);
        QCOMPARE(either->info.calibration.proxy_scores(), stored->calibration.proxy_scores());

        auto a = clipflow::ClipFlowDetector::load(stored_path.toStdString());
        auto b = clipflow::ClipFlowDetector::load(p.out_path);
        QVERIFY(a.ok() && b.ok());
        std::vector<double> want, want_delivered;
        int turned_reads = 0;
        for (const auto& f : photos_) {
            auto ev = clipflow::load_evidence(f);
            QVERIFY(ev.ok());
            if (!b->info().calibrated_on(ev->info.sha256)) continue;
            auto s = a->score(ev->pixels), t = a->score(testimages::transpose(ev->pixels)), e = b->score(ev->pixels);
            QVERIFY(s.ok() && t.ok() && e.ok());
            const double larger = std::max(s->calibrated.log_likelihood, t->calibrated.log_likelihood);
            QVERIFY2(
                std::abs(e->calibrated.log_likelihood - larger) < 1e-5,
                qPrintable(QString::number(e->calibrated.log_likelihood) + QStringLiteral(" vs ") + QString::number(larger)));
            turned_reads += t->calibrated.log_likelihood > s->calibrated.log_likelihood;
            want.push_back(larger);
            if (delivered) {
                auto d = clipflow::deliver_copy(ev->pixels, clipflow::kDeliveredSide, clipflow::kDeliveredQuality);
                QVERIFY(d.ok());
                auto ed = b->score(*d);
                QVERIFY(ed.ok());
                want_delivered.push_back(ed->calibrated.log_likelihood);
            }
        }
        QVERIFY2(turned_reads > 0, "no held-out photo reads better transposed: the check above checks nothing");
        auto same = [](std::vector<double> x, std::vector<double> y) {
            std::sort(x.begin(), x.end());
            std::sort(y.begin(), y.end());
            if (x.size() != y.size()) return false;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (std::abs(x[i] - y[i]) > 1e-4) return false;
            return true;
        };
        QVERIFY(same(either->info.calibration.natural_scores(), want));
        if (delivered) QVERIFY(same(either->info.calibration.delivered_scores(), want_delivered));
        // An orientation this version does not know is refused before any work.
        p.orientation = "sideways";
        p.out_path = tmp_.filePath(QStringLiteral("sideways.safetensors")).toStdString();
        auto refused = clipflow::train_clipflow_detector(p);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.status().message().find("stored or either") != std::string::npos, refused.status().message().c_str());
        QVERIFY(!QFile::exists(tmp_.filePath(QStringLiteral("sideways.safetensors"))));
    }

    // A second reading trained and joined in one call equals the three steps apart (train, train,
    // recalibrate --second-reading), and resumes: cancelled in the second reading, the first's
    // finished flow is read back from its checkpoint, not trained again.
    void readsTwice()
    {
        // Two forensic-v2 trainings and two joins: minutes under the sanitizers, and their builds
        // (TSan's builds named targets only) lack the shipped weights. The steps it strings
        // together run under them in tst_recalibration (ASan) and the tests above.
        if (under_sanitizer())
            QSKIP("a Release-build test: needs the shipped forensic-v2 weights and is slow under the sanitizers");
        const QString dir = tmp_.filePath(QStringLiteral("twice"));
        QVERIFY(QDir().mkpath(dir));
        const std::string weights = (dir + QStringLiteral("/forensic-v2.safetensors")).toStdString();
        QVERIFY(QFile::copy(QStringLiteral(CLIPFLOW_BIN_DIR "/../share/clipflow/models/forensic-v2.safetensors"),
                            QString::fromStdString(weights)));
        const QString out = dir + QStringLiteral("/joined.safetensors");
        const QString cache = tmp_.filePath(QStringLiteral("cache-twice"));
        auto p = small(photos_, out, cache);
        p.fpr = 0.3; // 12 held-out photos: enough for a bound at 30%, so the join's delivered bound holds
        clipflow::SecondReadingTrainParams second;
        second.backbone.type = "forensic-v2";
        second.backbone.weights = weights;
        second.ops = {clipflow::ProxyOp::VaeDecoder, clipflow::ProxyOp::UpsamplingCascade};
        p.second_reading = second;
        std::atomic<bool> stop{false};
        p.progress = [&](const clipflow::JobProgress& j) {
            if (j.reading == 2 && j.stage == "training" && j.train.epoch_end && j.train.epoch >= 3) stop = true;
        };
        p.abort = [&] { return stop.load(); };
        auto cut = clipflow::train_clipflow_detector(p);
        QCOMPARE(cut.status().code(), clipflow::ErrorCode::Aborted);
        QVERIFY(!QFile::exists(out));
        for (const char* part : {".reading1", ".reading1.ckpt", ".reading2.ckpt"})
            QVERIFY2(QFile::exists(out + QLatin1String(part)), part);

        std::vector<std::pair<int, std::string>> stages;
        p.progress = [&](const clipflow::JobProgress& j) {
            if (stages.empty() || stages.back() != std::pair{j.reading, j.stage}) stages.emplace_back(j.reading, j.stage);
        };
        p.abort = nullptr;
        auto r = clipflow::train_clipflow_detector(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(r->resumed_from_epoch, 6); // the first reading's flow, finished before the cut
        // The first reading trains no epoch again: its flow comes from its checkpoint.
        const std::vector<std::pair<int, std::string>> want{{1, "features"}, {1, "calibration"}, {1, "saving"},
                                                            {2, "features"}, {2, "training"},    {2, "calibration"},
                                                            {2, "saving"},   {3, "calibration"}, {3, "saving"}};
        QCOMPARE(stages, want);
        for (const char* part : {".reading1", ".reading2", ".reading1.ckpt", ".reading2.ckpt"})
            QVERIFY2(!QFile::exists(out + QLatin1String(part)), part);
        QVERIFY(r->info.second_reading.has_value());
        QCOMPARE(r->info.second_reading->model_id, r->second_model_id);
        QCOMPARE(r->info.second_reading->backbone.backbone_id, std::string("forensic-v2"));
        QCOMPARE(r->info.backbone_id, std::string("forensic-v1"));
        QVERIFY(r->second_holdout_proxy_auc > 0.0 && r->second_holdout_proxy_auc <= 1.0);
        QVERIFY(r->info.calibration.covers_delivered()); // the join reads the held-out photos delivered too

        // The same three steps apart (features from the cache).
        auto a = small(photos_, dir + QStringLiteral("/a.safetensors"), cache);
        a.fpr = p.fpr;
        auto ra = clipflow::train_clipflow_detector(a);
        QVERIFY(ra.ok());
        // The first reading's record says what its flow ended at, though the resumed run trained no epoch of it.
        auto final_nll = [](const std::string& training) {
            return nlohmann::json::parse(training).at("final_natural_nll").get<double>();
        };
        QCOMPARE(final_nll(r->info.training_json), final_nll(ra->info.training_json));
        QVERIFY(final_nll(ra->info.training_json) != 0.0);
        auto b = a;
        b.out_path = (dir + QStringLiteral("/b.safetensors")).toStdString();
        b.backbone = second.backbone;
        b.proxy.ops = second.ops;
        auto rb = clipflow::train_clipflow_detector(b);
        QVERIFY(rb.ok());
        QCOMPARE(rb->info.model_id.substr(0, 3), std::string("cf-"));
        QCOMPARE(rb->holdout_proxy_auc, r->second_holdout_proxy_auc);
        clipflow::RecalibrateParams join;
        join.model_path = a.out_path;
        join.second_reading = b.out_path;
        join.out_path = (dir + QStringLiteral("/apart.safetensors")).toStdString();
        join.natural_files = photos_;
        join.load.second_backbone = weights;
        auto apart = clipflow::recalibrate_clipflow_detector(join);
        QVERIFY2(apart.ok(), apart.status().to_string().c_str());
        const auto &x = r->info, &y = apart->info;
        QCOMPARE(x.calibration.natural_scores(), y.calibration.natural_scores());
        QCOMPARE(x.calibration.delivered_scores(), y.calibration.delivered_scores());
        QCOMPARE(x.calibration.threshold(), y.calibration.threshold());
        QCOMPARE(x.second_reading->second_median, y.second_reading->second_median);
        QCOMPARE(x.second_reading->second_robust_sigma, y.second_reading->second_robust_sigma);

        // A second backbone that cannot be made is refused before any photo is read.
        auto clip_like = p;
        clip_like.out_path = (dir + QStringLiteral("/refused.safetensors")).toStdString();
        clip_like.second_reading->backbone.weights = (dir + QStringLiteral("/missing.safetensors")).toStdString();
        bool read = false;
        clip_like.progress = [&](const clipflow::JobProgress&) { read = true; };
        auto refused = clipflow::train_clipflow_detector(clip_like);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.status().message().rfind("second reading: ", 0) == 0, refused.status().message().c_str());
        QVERIFY(!read);
    }

    void cancelDuringFeatures()
    {
        auto p = small(photos_, tmp_.filePath(QStringLiteral("c.safetensors")), QString());
        p.abort = [] { return true; };
        QCOMPARE(clipflow::train_clipflow_detector(p).status().code(), clipflow::ErrorCode::Aborted);
    }

    void skipsBadFilesAndDuplicates()
    {
        const QString bad = tmp_.filePath(QStringLiteral("broken.png"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x89PNG\r\n\x1a\n not really");
        f.close();
        const QString dup = tmp_.filePath(QStringLiteral("copy.png"));
        QVERIFY(QFile::copy(QString::fromStdString(photos_[0]), dup));
        auto files = photos_;
        files.push_back(bad.toStdString());
        files.push_back(dup.toStdString());
        auto r = clipflow::train_clipflow_detector(
            small(files, tmp_.filePath(QStringLiteral("d.safetensors")), tmp_.filePath(QStringLiteral("cache"))));
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(r->skipped.size(), std::size_t(2));
        QVERIFY(r->skipped[0].find("broken.png") != std::string::npos);
        QVERIFY(r->skipped[1].find("duplicate of") != std::string::npos);
        QCOMPARE(r->train_images + r->holdout_images, 48L);
    }

    void refuses_data()
    {
        QTest::addColumn<int>("photos");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("backbone");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<int>("jpegMin");
        QTest::addColumn<int>("jpegMax");
        QTest::newRow("too few") << 6 << "e.safetensors"
                                 << "forensic"
                                 << "at least 10" << 70 << 95;
        QTest::newRow("no output") << 48 << ""
                                   << "forensic"
                                   << "output" << 70 << 95;
        QTest::newRow("unknown backbone") << 48 << "e.safetensors"
                                          << "resnet"
                                          << "unknown backbone" << 70 << 95;
        QTest::newRow("clip without model") << 48 << "e.safetensors"
                                            << "clip"
                                            << "CLIP model" << 70 << 95;
        QTest::newRow("JPEG band reversed") << 48 << "e.safetensors"
                                            << "forensic"
                                            << "JPEG quality band" << 90 << 80;
        QTest::newRow("JPEG quality 0") << 48 << "e.safetensors"
                                        << "forensic"
                                        << "JPEG quality band" << 0 << 80;
        QTest::newRow("JPEG quality 101") << 48 << "e.safetensors"
                                          << "forensic"
                                          << "JPEG quality band" << 80 << 101;
    }

    void refuses()
    {
        QFETCH(int, photos);
        QFETCH(QString, out);
        QFETCH(QString, backbone);
        QFETCH(QString, mentions);
        QFETCH(int, jpegMin);
        QFETCH(int, jpegMax);
        std::vector<std::string> files(photos_.begin(), photos_.begin() + photos);
        auto p = small(files, out.isEmpty() ? out : tmp_.filePath(out), tmp_.filePath(QStringLiteral("cache")));
        p.backbone.type = backbone.toStdString();
        p.jpeg_quality_min = jpegMin;
        p.jpeg_quality_max = jpegMax;
        auto r = clipflow::train_clipflow_detector(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.status().message().find(mentions.toStdString()) != std::string::npos, r.status().message().c_str());
        QVERIFY(!QFile::exists(tmp_.filePath(QStringLiteral("e.safetensors"))));
    }

    void clipBackbone()
    {
        const QString fixtures = qEnvironmentVariable("CLIPFLOW_CLIP_FIXTURES");
        if (fixtures.isEmpty()) QSKIP("CLIPFLOW_CLIP_FIXTURES is not set (run through ctest)");
        const std::string clip = (fixtures + QStringLiteral("/openai-f32.safetensors")).toStdString();
        const std::string other = (fixtures + QStringLiteral("/hf-f16.safetensors")).toStdString();
        const QString out = tmp_.filePath(QStringLiteral("clip.safetensors"));
        auto p = small(photos_, out, tmp_.filePath(QStringLiteral("cache")));
        p.backbone.type = "clip";
        p.backbone.clip_model = clip;
        p.backbone.layer = "cls";
        p.views_per_image = 1;
        auto r = clipflow::train_clipflow_detector(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(r->info.backbone_type, std::string("clip"));
        QCOMPARE(r->info.feature_layer, std::string("cls"));
        QVERIFY(r->info.backbone_id.rfind("clip:", 0) == 0);
        QCOMPARE(r->info.backbone_weights_sha256.size(), std::size_t(64));

        clipflow::DetectorLoadParams lp;
        lp.clip_model = clip;
        auto det = clipflow::ClipFlowDetector::load(out.toStdString(), lp);
        QVERIFY2(det.ok(), det.status().to_string().c_str());
        QCOMPARE(det->backbone().dim(), r->info.dim);
        auto s = det->score(testimages::pink_noise(200, 150, 77));
        QVERIFY(s.ok());
        QCOMPARE(s->view_log_likelihoods.size(), std::size_t(1));
        QVERIFY(std::isfinite(s->calibrated.log_likelihood));

        // A batch through the façade: every image's view in one encoder call, the
        // same scores as one image at a time (a missing image fails alone).
        auto facade = clipflow::load_detector(out.toStdString(), lp);
        QVERIFY2(facade.ok(), facade.status().to_string().c_str());
        std::vector<clipflow::Raster> images;
        for (int i = 0; i < 5; ++i) images.push_back(testimages::pink_noise(120 + 37 * i, 150 - 11 * i, 90u + unsigned(i)));
        std::vector<clipflow::ScoreInput> batch;
        for (const auto& im : images) batch.push_back({&im, {}});
        batch.insert(batch.begin() + 2, clipflow::ScoreInput{nullptr, {}});
        const auto scores = facade->score_batch(batch);
        QCOMPARE(scores.size(), batch.size());
        QVERIFY(!scores[2].ok());
        for (std::size_t i = 0, k = 0; i < batch.size(); ++i) {
            if (i == 2) continue;
            auto one = facade->score(images[k++]);
            QVERIFY2(one.ok() && scores[i].ok(), one.status().to_string().c_str());
            QVERIFY2(std::abs(one->evidence() - scores[i]->evidence()) <= 1e-4 * std::max(1.0, std::abs(one->evidence())),
                     qPrintable(QStringLiteral("%1 vs %2").arg(one->evidence()).arg(scores[i]->evidence())));
            QCOMPARE(scores[i]->level, one->level);
        }

        lp.clip_model = other; // a different CLIP file: refused by SHA-256
        auto wrong = clipflow::ClipFlowDetector::load(out.toStdString(), lp);
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.status().message().find("not the CLIP model") != std::string::npos, wrong.status().message().c_str());
        lp.clip_model.clear(); // nothing installed in an empty models folder
        lp.models_dir = tmp_.filePath(QStringLiteral("no-models")).toStdString();
        auto missing = clipflow::ClipFlowDetector::load(out.toStdString(), lp);
        QCOMPARE(missing.status().code(), clipflow::ErrorCode::NotFound);
        QVERIFY(missing.status().message().find(r->info.backbone_weights_sha256) != std::string::npos);
    }

    void loadRefusesWrongFiles()
    {
        // A bare flow (no detector metadata), and a detector from the future.
        const std::string flow_only = tmp_.filePath(QStringLiteral("flow.safetensors")).toStdString();
        clipflow::FlowParams fp;
        fp.dim = 136;
        fp.steps = 1;
        fp.hidden = 8;
        auto flow = clipflow::NormalizingFlow::create(fp);
        QVERIFY(flow.ok() && flow->save(flow_only).ok());
        QCOMPARE(clipflow::ClipFlowDetector::load(flow_only).status().code(), clipflow::ErrorCode::InvalidArgument);

        auto model = clipflow::ClipFlowModelInfo::read(tmp_.filePath(QStringLiteral("model.safetensors")).toStdString());
        QVERIFY(model.ok());
        std::string future = model->metadata_json;
        future.replace(future.find("\"format_version\":1"), 18, "\"format_version\":9");
        const std::string path = tmp_.filePath(QStringLiteral("future.safetensors")).toStdString();
        QVERIFY(flow->save(path, {{"clipflow.model", future}}).ok());
        auto r = clipflow::ClipFlowDetector::load(path);
        QCOMPARE(r.status().code(), clipflow::ErrorCode::UnsupportedFormat);
        QCOMPARE(clipflow::ClipFlowDetector::load("/nonexistent/model.safetensors").status().code(),
                 clipflow::ErrorCode::NotFound);
    }
};

QTEST_APPLESS_MAIN(TestClipFlowTraining)
#include "tst_clipflowtraining.moc"
