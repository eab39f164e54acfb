// Recalibrating a trained CLIP-Flow detector for delivered photos: the same
// flow and as-is scores, the delivered scores training would have computed,
// the lower threshold, a new model id, the old file untouched; refusals and
// cancellation write nothing.

#include "deliveredthreshold.h"
#include "photofolder.h"

#include <clipflow/clipflowdetector.h>
#include <clipflow/clipflowtraining.h>
#include <clipflow/detector.h>
#include <clipflow/evidence.h>
#include <clipflow/laundering.h>
#include <clipflow/recalibration.h>
#include <clipflow/safetensors.h>
#include <clipflow/scoremap.h>
#include <clipflow/sha256.h>

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

namespace {

clipflow::ClipFlowTrainParams small(const std::vector<std::string>& files, const QString& out, bool delivered)
{
    auto p = testimages::small_training(files, out, QString()); // no feature cache
    p.fpr = 0.3;                                                // ~14 held-out photos bound a 30% rate, not a 5% one
    p.train.epochs = 4;
    p.seed = 5;
    p.delivery_calibration = delivered;
    return p;
}

QByteArray file_bytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestRecalibration : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::vector<std::string> photos_, strangers_;
    QString old_, trained_, second_, other_photos_;

    clipflow::RecalibrateParams params(const QString& out) const
    {
        clipflow::RecalibrateParams p;
        p.model_path = old_.toStdString();
        p.out_path = out.isEmpty() ? std::string() : tmp_.filePath(out).toStdString();
        p.natural_files = photos_;
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        QDir().mkpath(tmp_.filePath(QStringLiteral("photos")));
        QDir().mkpath(tmp_.filePath(QStringLiteral("strangers")));
        photos_ = testimages::write_photos(tmp_.filePath(QStringLiteral("photos")), 48, 300);
        strangers_ = testimages::write_photos(tmp_.filePath(QStringLiteral("strangers")), 12, 900);
        old_ = tmp_.filePath(QStringLiteral("old.safetensors"));
        trained_ = tmp_.filePath(QStringLiteral("trained.safetensors"));
        auto a = clipflow::train_clipflow_detector(small(photos_, old_, false));
        QVERIFY2(a.ok(), a.status().to_string().c_str());
        QVERIFY(!a->info.calibration.covers_delivered() && a->info.calibration.bound_holds());
        auto b = clipflow::train_clipflow_detector(small(photos_, trained_, true));
        QVERIFY2(b.ok(), b.status().to_string().c_str());
        // Second readings: another flow over the same photos (the hold-out goes by SHA-256) on
        // another backbone cutting the same views (the shipped forensic-v2, found beside the
        // detector), and one trained without a quarter of them (another training set).
        QDir().mkpath(tmp_.filePath(QStringLiteral("v2")));
        second_ = tmp_.filePath(QStringLiteral("v2/second.safetensors"));
        const std::string weights = tmp_.filePath(QStringLiteral("v2/forensic-v2.safetensors")).toStdString();
        QVERIFY(QFile::copy(QStringLiteral(CLIPFLOW_BIN_DIR "/../share/clipflow/models/forensic-v2.safetensors"),
                            QString::fromStdString(weights)));
        auto sp = small(photos_, second_, false);
        sp.seed = 11;
        sp.train.flow.hidden = 32;
        sp.backbone.type = "forensic-v2";
        sp.backbone.weights = weights;
        auto c = clipflow::train_clipflow_detector(sp);
        QVERIFY2(c.ok(), c.status().to_string().c_str());
        other_photos_ = tmp_.filePath(QStringLiteral("other-photos.safetensors"));
        auto d = clipflow::train_clipflow_detector(
            small(std::vector<std::string>(photos_.begin(), photos_.begin() + 36), other_photos_, false));
        QVERIFY2(d.ok(), d.status().to_string().c_str());
    }

    void matchesTraining()
    {
        const QByteArray before = file_bytes(old_);
        auto r = clipflow::recalibrate_clipflow_detector(params(QStringLiteral("re.safetensors")));
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(file_bytes(old_), before); // the original is never modified

        auto old = clipflow::ClipFlowDetector::load(old_.toStdString());
        auto trained = clipflow::ClipFlowDetector::load(trained_.toStdString());
        auto re = clipflow::ClipFlowDetector::load(tmp_.filePath(QStringLiteral("re.safetensors")).toStdString());
        QVERIFY(old.ok() && trained.ok() && re.ok());
        const auto &o = old->info().calibration, &t = trained->info().calibration, &c = re->info().calibration;
        QCOMPARE(r->matched, r->holdout_images);
        QCOMPARE(r->holdout_images, long(old->info().holdout_sha256.size()));
        QCOMPARE(r->previous_model_id, old->info().model_id);
        QVERIFY(re->info().model_id != old->info().model_id);
        QCOMPARE(re->info().model_id, r->info.model_id);
        QVERIFY(c.covers_delivered());
        QCOMPARE(c.natural_scores(), o.natural_scores());
        QCOMPARE(c.proxy_scores(), o.proxy_scores());
        QCOMPARE(c.threshold(), testimages::expected_threshold(c.natural_scores(), o.threshold(), c.delivered_threshold()));
        // The delivered scores are what training computes for the same flow and photos.
        QCOMPARE(t.natural_scores(), o.natural_scores()); // same seed: same flow
        QCOMPARE(c.delivered_scores().size(), t.delivered_scores().size());
        for (std::size_t i = 0; i < c.delivered_scores().size(); ++i)
            QVERIFY2(std::abs(c.delivered_scores()[i] - t.delivered_scores()[i]) < 1e-4,
                     qPrintable(QString::number(c.delivered_scores()[i]) + QStringLiteral(" vs ") +
                                QString::number(t.delivered_scores()[i])));
        // (Training batches these views with others, so the last bits may differ.)
        QVERIFY2(std::abs(c.threshold() - t.threshold()) < 1e-4,
                 qPrintable(QString::number(c.threshold()) + QStringLiteral(" vs ") + QString::number(t.threshold())));
        // Same flow: the same image scores the same.
        const auto image = testimages::pink_noise(200, 150, 4242);
        auto so = old->score(image), sr = re->score(image);
        QVERIFY(so.ok() && sr.ok());
        QCOMPARE(sr->calibrated.log_likelihood, so->calibrated.log_likelihood);
        QVERIFY(re->info().metadata_json.find("\"from_model_id\":\"" + old->info().model_id + "\"") != std::string::npos);
        QVERIFY(re->info().metadata_json.find(
                    "\"delivered_calibration\":{\"enlarged\":false,\"quality\":85,\"scope\":\"everywhere\",\"side\":512}") !=
                std::string::npos);
    }

    // Scope Copies: every image keeps the as-is reading; delivered copies are read
    // against the held-out photos as delivered (Mondrian calibration), robustness too.
    void copiesScope()
    {
        auto p = params(QStringLiteral("copies.safetensors"));
        p.scope = clipflow::DeliveredScope::Copies;
        auto r = clipflow::recalibrate_clipflow_detector(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        auto old = clipflow::ClipFlowDetector::load(old_.toStdString());
        QVERIFY(old.ok());
        const auto &o = old->info().calibration, &c = r->info.calibration;
        QVERIFY(c.calibrates_copies());
        QCOMPARE(c.threshold(), o.threshold());
        QCOMPARE(c.flag_level(), o.flag_level());
        QCOMPARE(c.copy_threshold(), c.delivered_threshold());
        QVERIFY(r->info.metadata_json.find("\"scope\":\"copies\"") != std::string::npos);

        auto d = clipflow::load_detector(tmp_.filePath(QStringLiteral("copies.safetensors")).toStdString());
        QVERIFY2(d.ok(), d.status().to_string().c_str());
        clipflow::ScoreParams plain;
        plain.inconclusive_band = 1.0;
        clipflow::ScoreParams copy = plain;
        copy.delivered_copy = true;
        clipflow::ScoreParams robust = copy;
        robust.robustness = true;
        std::vector<std::string> files = photos_;
        files.insert(files.end(), strangers_.begin(), strangers_.end());
        std::vector<clipflow::Raster> images;
        for (const auto& f : files) {
            auto ev = clipflow::load_evidence(f);
            QVERIFY(ev.ok());
            images.push_back(std::move(ev->pixels));
        }
        std::vector<clipflow::ScoreInput> batch;
        for (const auto& image : images) batch.push_back({&image, {}, true});
        const auto batched = d->score_batch(batch, plain);
        const auto& delivered = c.delivered_scores();
        int differ = 0;
        for (std::size_t i = 0; i < images.size(); ++i) {
            auto a = d->score(images[i], {}, plain), b = d->score(images[i], {}, copy);
            QVERIFY(a.ok() && b.ok() && batched[i].ok());
            const double s = a->clipflow->calibrated.log_likelihood;
            QCOMPARE(b->clipflow->calibrated.log_likelihood, s);
            // Not a copy: the as-is reading, as the old model gives it.
            QVERIFY(!a->delivered_copy);
            QCOMPARE(a->clipflow->calibrated.p_value, o.evaluate(s).p_value);
            // A copy: counted among the delivered scores, flagged below their threshold.
            QVERIFY(b->delivered_copy);
            const auto below = std::upper_bound(delivered.begin(), delivered.end(), s) - delivered.begin();
            if (below > 0) QCOMPARE(b->clipflow->calibrated.p_value, (1.0 + below) / (delivered.size() + 1.0));
            QCOMPARE(b->level != clipflow::Verdict::Natural, s < c.delivered_threshold());
            QCOMPARE(b->ai_score, b->clipflow->calibrated.ai_score);
            // Per input (a batch's likelihoods may differ in the last bits, so an extrapolated p a little too).
            QVERIFY(batched[i]->delivered_copy);
            QVERIFY(std::abs(std::log(batched[i]->clipflow->calibrated.p_value / b->clipflow->calibrated.p_value)) < 1e-3);
            const auto j = nlohmann::json::parse(b->to_json());
            QCOMPARE(j.value("calibrated_as", std::string()), std::string("delivered_copy"));
            QVERIFY(!nlohmann::json::parse(a->to_json()).contains("calibrated_as"));
            differ += (a->level != clipflow::Verdict::Natural) != (b->level != clipflow::Verdict::Natural);
        }
        // The two readings count against different scores (the photos as taken, and recompressed at JPEG 85),
        // so some images change side.
        QVERIFY2(differ > 0, "no image changed side between the two readings: the test checks nothing");
        // Robustness transforms of a copy are read as copies too.
        auto rb = d->score(images.front(), {}, robust);
        QVERIFY(rb.ok() && !rb->robustness.empty());
        for (const auto& check : rb->robustness) {
            auto view = clipflow::apply_robustness_transform(images.front(), check.transform);
            QVERIFY(view.ok());
            auto again = d->score(*view, {}, copy);
            QVERIFY(again.ok());
            QCOMPARE(check.ai_score, again->ai_score);
        }
        // Of an image read as taken, a JPEG round trip is read as the small JPEG it is (a delivered
        // copy, as `clipflow score` reads such a file); a resized copy implies no format and keeps
        // the reading as taken.
        clipflow::ScoreParams taken_robust = plain;
        taken_robust.robustness = true;
        auto tb = d->score(images.front(), {}, taken_robust);
        QVERIFY(tb.ok());
        QCOMPARE(tb->robustness.size(), std::size_t(4));
        QVERIFY(!tb->delivered_copy);
        int readings_differ = 0;
        for (const auto& check : tb->robustness) {
            auto view = clipflow::apply_robustness_transform(images.front(), check.transform);
            QVERIFY(view.ok());
            const bool jpeg = check.transform.rfind("jpeg", 0) == 0;
            QVERIFY(clipflow::is_delivered_copy("JPEG", view->width, view->height));
            auto as_file = d->score(*view, {}, jpeg ? copy : plain), other = d->score(*view, {}, jpeg ? plain : copy);
            QVERIFY(as_file.ok() && other.ok());
            QCOMPARE(check.ai_score, as_file->ai_score);
            readings_differ += other->ai_score != as_file->ai_score;
        }
        QVERIFY2(readings_differ > 0, "the two readings agree on every copy: the check above checks nothing");
    }

    // --orientation: "either" reads each image as the more natural of it and its transpose, and the
    // held-out photos' as-is scores are computed again that way; "stored" returns to the stored grid.
    void orientation_data()
    {
        QTest::addColumn<QString>("from"); // "" the trained model (stored), else a file made by the row named
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("rescored");
        QTest::newRow("stored to either") << QString() << "either" << true;
        QTest::newRow("stored kept") << QString() << "stored" << false;
        QTest::newRow("either back to stored") << "either.safetensors"
                                               << "stored" << true;
        QTest::newRow("either kept: scored again") << "either.safetensors"
                                                   << "" << true;
    }
    void orientation()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, rescored);
        const QString name =
            from.isEmpty() && to == QLatin1String("either")
                ? QStringLiteral("either.safetensors")
                : QStringLiteral("orient-%1.safetensors").arg(QLatin1String(QTest::currentDataTag())).replace(u' ', u'-');
        auto p = params(name);
        if (!from.isEmpty()) p.model_path = tmp_.filePath(from).toStdString();
        p.orientation = to.toStdString();
        auto r = clipflow::recalibrate_clipflow_detector(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(r->rescored, rescored);
        const std::string reading = to.isEmpty() ? "either" : to.toStdString();
        QCOMPARE(r->info.orientation, reading);
        QCOMPARE(r->info.metadata_json.find("\"scoring\":{\"orientation\":\"either\"}") != std::string::npos,
                 reading == "either");

        auto old = clipflow::ClipFlowDetector::load(old_.toStdString());
        auto re = clipflow::ClipFlowDetector::load(tmp_.filePath(name).toStdString());
        QVERIFY(old.ok() && re.ok());
        QCOMPARE(re->info().orientation, reading);
        // Its own reading of every held-out photo is what the calibration holds (the old flow, either way).
        std::vector<double> expected;
        for (const auto& f : photos_) {
            auto ev = clipflow::load_evidence(f);
            QVERIFY(ev.ok());
            if (!old->info().calibrated_on(ev->info.sha256)) continue;
            auto a = old->score(ev->pixels), b = old->score(testimages::transpose(ev->pixels)), mine = re->score(ev->pixels);
            QVERIFY(a.ok() && b.ok() && mine.ok());
            const double want = reading == "either" ? std::max(a->calibrated.log_likelihood, b->calibrated.log_likelihood)
                                                    : a->calibrated.log_likelihood;
            QVERIFY2(
                std::abs(mine->calibrated.log_likelihood - want) < 1e-5,
                qPrintable(QString::number(mine->calibrated.log_likelihood) + QStringLiteral(" vs ") + QString::number(want)));
            QCOMPARE(mine->view_log_likelihoods.size(), a->view_log_likelihoods.size() * (reading == "either" ? 2 : 1));
            expected.push_back(want);
        }
        std::sort(expected.begin(), expected.end());
        const auto& natural = re->info().calibration.natural_scores();
        QCOMPARE(natural.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) QVERIFY(std::abs(natural[i] - expected[i]) < 1e-4);
        if (!rescored) QCOMPARE(natural, old->info().calibration.natural_scores());
        // Read in either orientation, an image and its transpose read alike, one at a time or in a batch.
        auto d = clipflow::load_detector(tmp_.filePath(name).toStdString());
        QVERIFY(d.ok());
        const auto image = testimages::pink_noise(200, 150, 4242), turned = testimages::transpose(image);
        auto s = re->score(image), st = re->score(turned);
        QVERIFY(s.ok() && st.ok());
        QCOMPARE(s->calibrated.log_likelihood == st->calibrated.log_likelihood, reading == "either");
        // Precomputed features of the detector's views read by the same rule.
        auto feats = re->backbone().features(re->scoring_views(image));
        QVERIFY(feats.ok());
        auto from_features = re->score_features(*feats);
        QVERIFY(from_features.ok());
        QVERIFY(std::abs(*from_features - s->calibrated.log_likelihood) < 1e-9);
        const auto batched = d->score_batch({{&image, {}, false}, {&turned, {}, false}}, clipflow::ScoreParams{});
        QVERIFY(batched[0].ok() && batched[1].ok());
        QVERIFY(std::abs(batched[0]->clipflow->calibrated.log_likelihood - s->calibrated.log_likelihood) < 1e-5);
        QVERIFY(std::abs(batched[1]->clipflow->calibrated.log_likelihood - st->calibrated.log_likelihood) < 1e-5);
    }

    void orientationRefused()
    {
        auto p = params(QStringLiteral("sideways.safetensors"));
        p.orientation = "sideways";
        auto r = clipflow::recalibrate_clipflow_detector(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.status().message().find("stored or either") != std::string::npos, r.status().message().c_str());
        QVERIFY(!QFile::exists(tmp_.filePath(QStringLiteral("sideways.safetensors"))));
        // A file naming an orientation this version does not know is refused, not read as stored.
        auto info = clipflow::ClipFlowModelInfo::read(old_.toStdString());
        QVERIFY(info.ok());
        auto meta = nlohmann::json::parse(info->metadata_json);
        meta["scoring"] = {{"orientation", "diagonal"}};
        auto parsed = clipflow::ClipFlowModelInfo::parse(meta.dump());
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.status().message().find("diagonal") != std::string::npos, parsed.status().message().c_str());
    }

    // --second-reading: the second flow's log-likelihood of each view, standardised by its own
    // held-out photos and put in the first flow's units, read when it is the less natural; the
    // held-out photos scored again with both.
    void joinsSecondReading()
    {
        auto p = params(QStringLiteral("joined.safetensors"));
        p.second_reading = second_.toStdString();
        auto r = clipflow::recalibrate_clipflow_detector(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QVERIFY(r->rescored);
        QVERIFY(!QFile::exists(tmp_.filePath(QStringLiteral("joined.safetensors.joining"))));
        auto a = clipflow::ClipFlowDetector::load(old_.toStdString());
        auto b = clipflow::ClipFlowDetector::load(second_.toStdString());
        auto j = clipflow::ClipFlowDetector::load(tmp_.filePath(QStringLiteral("joined.safetensors")).toStdString());
        QVERIFY2(j.ok(), j.status().to_string().c_str());
        QVERIFY(a.ok() && b.ok());
        QVERIFY(j->info().second_reading.has_value());
        const clipflow::SecondReading& sr = *j->info().second_reading;
        QCOMPARE(sr.model_id, b->info().model_id);
        QCOMPARE(sr.median, a->info().calibration.median());
        QCOMPARE(sr.robust_sigma, a->info().calibration.robust_sigma());
        QCOMPARE(sr.second_median, b->info().calibration.median());
        QCOMPARE(sr.second_robust_sigma, b->info().calibration.robust_sigma());
        QCOMPARE(j->backbone().dim(), a->backbone().dim() + b->backbone().dim());
        QVERIFY(j->info().calibration.proxy_scores().empty());
        QVERIFY(r->info.metadata_json.find("\"second_reading\":{\"from_model_id\":\"" + b->info().model_id) != std::string::npos);

        // Every view by the rule, from the two detectors read apart; the held-out photos' scores are the calibration.
        auto d = clipflow::load_detector(tmp_.filePath(QStringLiteral("joined.safetensors")).toStdString());
        QVERIFY2(d.ok(), d.status().to_string().c_str());
        int first = 0, second = 0;
        std::vector<double> expected;
        std::vector<std::pair<clipflow::Raster, std::string>> images; // pixels, SHA-256
        for (const auto& list : {photos_, strangers_})
            for (const auto& f : list) {
                auto ev = clipflow::load_evidence(f);
                QVERIFY(ev.ok());
                images.emplace_back(std::move(ev->pixels), ev->info.sha256);
            }
        // Larger images: several views each, so a view read with another view's second reading shows.
        images.emplace_back(testimages::pink_noise(600, 520, 61), std::string());
        images.emplace_back(testimages::pink_noise(1000, 400, 62), std::string());
        std::size_t most_views = 0;
        for (const auto& [pixels, sha] : images) {
            auto sa = a->score(pixels), sb = b->score(pixels), sj = j->score(pixels);
            QVERIFY(sa.ok() && sb.ok() && sj.ok());
            QCOMPARE(sj->view_log_likelihoods.size(), sa->view_log_likelihoods.size());
            most_views = std::max(most_views, sa->view_log_likelihoods.size());
            // Each flow reads its own backbone's features of the same view.
            auto rows = j->backbone().features(j->scoring_views(pixels));
            QVERIFY(rows.ok());
            auto readings = j->reading_log_likelihoods(*rows);
            QVERIFY(readings.ok());
            for (std::size_t v = 0; v < sa->view_log_likelihoods.size(); ++v) {
                QVERIFY(std::abs(readings->first[v] - sa->view_log_likelihoods[v]) < 1e-4);
                QVERIFY(std::abs(readings->second[v] - sb->view_log_likelihoods[v]) < 1e-4);
            }
            double sum = 0;
            for (std::size_t v = 0; v < sa->view_log_likelihoods.size(); ++v) {
                const double la = sa->view_log_likelihoods[v], lb = sb->view_log_likelihoods[v];
                const double mapped = sr.median + sr.robust_sigma * (lb - sr.second_median) / sr.second_robust_sigma;
                const double want = std::min(la, mapped);
                QVERIFY2(
                    std::abs(sj->view_log_likelihoods[v] - want) < 1e-4,
                    qPrintable(QString::number(sj->view_log_likelihoods[v]) + QStringLiteral(" vs ") + QString::number(want)));
                (mapped < la ? second : first) += 1;
                sum += want;
            }
            const double ll = sum / static_cast<double>(sa->view_log_likelihoods.size());
            QVERIFY(std::abs(sj->calibrated.log_likelihood - ll) < 1e-4);
            if (j->info().calibrated_on(sha)) expected.push_back(sj->calibrated.log_likelihood);
            // The façade reads the same.
            auto fd = d->score(pixels);
            QVERIFY(fd.ok() && fd->clipflow);
            QVERIFY(std::abs(fd->clipflow->calibrated.log_likelihood - sj->calibrated.log_likelihood) < 1e-5);
        }
        QVERIFY(most_views > 1);
        QVERIFY2(first > 0 && second > 0, qPrintable(QStringLiteral("the first flow decided %1 views, the second %2: "
                                                                    "the rule is not exercised both ways")
                                                         .arg(first)
                                                         .arg(second)));
        std::sort(expected.begin(), expected.end());
        const auto& natural = j->info().calibration.natural_scores();
        QCOMPARE(natural.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) QVERIFY(std::abs(natural[i] - expected[i]) < 1e-4);
        // The robustness checks read each transformed copy with both readings, as the copy itself reads.
        {
            auto ev = clipflow::load_evidence(photos_.front());
            QVERIFY(ev.ok());
            clipflow::ScoreParams robust;
            robust.robustness = true;
            auto rb = d->score(ev->pixels, {}, robust);
            QVERIFY2(rb.ok() && !rb->robustness.empty(), rb.status().to_string().c_str());
            for (const auto& check : rb->robustness) {
                auto view = clipflow::apply_robustness_transform(ev->pixels, check.transform);
                QVERIFY(view.ok());
                auto again = d->score(*view);
                QVERIFY(again.ok());
                QCOMPARE(check.ai_score, again->ai_score);
            }
        }
        // A map's tiles by the same rule as the image.
        const auto image = testimages::pink_noise(400, 300, 77);
        clipflow::ScoreMapParams mp;
        mp.tile = 200;
        auto map = j->score_map(image, mp);
        QVERIFY2(map.ok(), map.status().to_string().c_str());
        auto tile = j->score(clipflow::crop(image, map->xs[0], map->ys[0], map->tile_width, map->tile_height));
        QVERIFY(tile.ok());
        QVERIFY(std::abs(map->log_likelihood[0] - tile->calibrated.log_likelihood) < 1e-4);
    }

    void secondReadingRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("trained on other photos") << 0 << "other photos";
        QTest::newRow("another orientation") << 1 << "--orientation stored first";
        QTest::newRow("joined already") << 2 << "already";
        QTest::newRow("not a detector") << 3 << "second reading";
        QTest::newRow("damaged scale") << 4 << "scale";
        QTest::newRow("second backbone's weights missing")
            << 5 << "second reading: this detector needs the forensic-v2 weights with SHA-256 aaaaaaaaaaaa";
    }
    void secondReadingRefused()
    {
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        const QString out = QStringLiteral("refused-second.safetensors");
        auto p = params(out);
        p.second_reading = kind == 0   ? other_photos_.toStdString()
                           : kind == 1 ? tmp_.filePath(QStringLiteral("either.safetensors")).toStdString()
                           : kind == 3 ? photos_.front()
                                       : second_.toStdString();
        if (kind == 2) p.model_path = tmp_.filePath(QStringLiteral("joined.safetensors")).toStdString();
        clipflow::Status st;
        if (kind >= 4) {
            // A joined file whose record is damaged: refused at load.
            auto info = clipflow::ClipFlowModelInfo::read(tmp_.filePath(QStringLiteral("joined.safetensors")).toStdString());
            QVERIFY(info.ok());
            auto meta = nlohmann::json::parse(info->metadata_json);
            if (kind == 4) meta["second_reading"]["scale"]["second_robust_sigma"] = 0.0;
            if (kind == 5) meta["second_reading"]["backbone"]["weights_sha256"] = std::string(64, 'a');
            auto parsed = clipflow::ClipFlowModelInfo::parse(meta.dump());
            if (parsed.ok()) {
                auto file = clipflow::SafetensorsFile::open(tmp_.filePath(QStringLiteral("joined.safetensors")).toStdString());
                QVERIFY(file.ok());
                auto md = file->metadata();
                md["clipflow.model"] = meta.dump();
                std::vector<clipflow::TensorData> tensors;
                for (const auto& t : file->tensors())
                    tensors.push_back({t.name, t.dtype, t.shape, std::vector<std::uint8_t>(t.bytes.begin(), t.bytes.end())});
                QVERIFY(clipflow::write_safetensors(tmp_.filePath(out).toStdString(), tensors, md).ok());
                auto loaded = clipflow::ClipFlowDetector::load(tmp_.filePath(out).toStdString());
                QVERIFY(!loaded.ok());
                st = loaded.status();
                QFile::remove(tmp_.filePath(out));
            } else {
                st = parsed.status();
            }
        } else {
            auto r = clipflow::recalibrate_clipflow_detector(p);
            QVERIFY(!r.ok());
            st = r.status();
        }
        QVERIFY2(st.message().find(mentions.toStdString()) != std::string::npos, st.message().c_str());
        QVERIFY(!QFile::exists(tmp_.filePath(out)));
        QVERIFY(!QFile::exists(tmp_.filePath(out + QStringLiteral(".joining"))));
    }

    void inPlace()
    {
        const QString copy = tmp_.filePath(QStringLiteral("copy.safetensors"));
        QVERIFY(QFile::copy(old_, copy));
        auto p = params(QString());
        p.model_path = p.out_path = copy.toStdString();
        auto r = clipflow::recalibrate_clipflow_detector(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        auto again = clipflow::ClipFlowModelInfo::read(copy.toStdString());
        QVERIFY2(again.ok(), again.status().to_string().c_str());
        QVERIFY(again->calibration.covers_delivered());
        QCOMPARE(again->model_id, r->info.model_id);
    }

    void refuses_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no output") << 0 << "output";
        QTest::newRow("not a model") << 1 << "";
        QTest::newRow("none of its held-out photos") << 2 << "held-out photos is among";
        QTest::newRow("too few of them") << 3 << "too few";
        QTest::newRow("cancelled") << 4 << "cancelled";
        QTest::newRow("output folder missing") << 5 << "does not exist";
    }

    void refuses()
    {
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        const QString out = QStringLiteral("refused.safetensors");
        auto p = params(kind == 0 ? QString() : out);
        if (kind == 1) p.model_path = photos_.front();
        if (kind == 2) p.natural_files = strangers_;
        if (kind == 3) {
            // One held-out photo among strangers: no bound from one score.
            auto info = clipflow::ClipFlowModelInfo::read(old_.toStdString());
            QVERIFY(info.ok());
            p.natural_files = strangers_;
            for (const auto& f : photos_) {
                QFile file(QString::fromStdString(f));
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray bytes = file.readAll();
                const std::string sha = clipflow::Sha256::hex(
                    std::span(reinterpret_cast<const std::uint8_t*>(bytes.constData()), std::size_t(bytes.size())));
                if (info->calibrated_on(sha)) {
                    p.natural_files.push_back(f);
                    break;
                }
            }
            QCOMPARE(p.natural_files.size(), strangers_.size() + 1);
        }
        if (kind == 4) p.abort = [] { return true; };
        if (kind == 5) p.out_path = tmp_.filePath(QStringLiteral("missing/refused.safetensors")).toStdString();
        auto r = clipflow::recalibrate_clipflow_detector(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.status().message().find(mentions.toStdString()) != std::string::npos, r.status().message().c_str());
        QVERIFY(!QFile::exists(tmp_.filePath(out)));
    }
};

QTEST_GUILESS_MAIN(TestRecalibration)
#include "tst_recalibration.moc"
