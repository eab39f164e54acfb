// The supervised detector on a toy problem whose "generators" leave known
// traces: training, attribution, temperature, a faithful reload, cancel and
// an exact resume, few-shot imprinting, the open-set answer, and bad input.

#include "syntheticimages.h"

#include "support/jobutil.h"

#include <clipflow/atomicfile.h>
#include <clipflow/laundering.h>
#include <clipflow/proxy.h>
#include <clipflow/sha256.h>
#include <clipflow/superviseddetector.h>
#include <clipflow/supervisedtraining.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using clipflow::ProxyOp;

namespace {

// A "generator" is a proxy operation applied to a synthetic photo.
clipflow::Raster make(const std::string& cls, unsigned seed)
{
    const auto photo = testimages::pink_noise(160, 160, seed);
    if (cls == "real") return photo;
    const ProxyOp op = cls == "upsampler" ? ProxyOp::ZeroInsertion
                       : cls == "deconv"  ? ProxyOp::TransposedConv
                       : cls == "booster" ? ProxyOp::HighFreqBoost
                                          : ProxyOp::LowpassResharpen;
    auto p = clipflow::make_proxy(photo, op, seed);
    if (!p) qFatal("proxy failed");
    return p->image;
}

std::vector<clipflow::LabelledImage> write_set(const QString& dir, const std::vector<std::string>& classes, int per_class,
                                               unsigned seed0)
{
    std::vector<clipflow::LabelledImage> out;
    for (const auto& cls : classes) {
        QDir().mkpath(dir + u'/' + QString::fromStdString(cls));
        for (int i = 0; i < per_class; ++i) {
            const unsigned seed = seed0 + unsigned(i) + 1000u * unsigned(out.size() / std::size_t(per_class));
            const auto png = clipflow::encode_image(make(cls, seed), ".png");
            const std::string f = (dir + u'/' + QString::fromStdString(cls) + QStringLiteral("/%1.png").arg(i)).toStdString();
            if (!png || !clipflow::write_file_atomic(f, *png).ok()) qFatal("cannot write");
            out.push_back({f, cls});
        }
    }
    return out;
}

clipflow::SupervisedTrainParams params(std::vector<clipflow::LabelledImage> images, const QString& out, const std::string& mode)
{
    clipflow::SupervisedTrainParams p;
    p.images = std::move(images);
    p.out_path = out.toStdString();
    p.mode = mode;
    p.hidden = 64;
    p.views_per_image = 2;
    p.augment = 0.3;
    p.epochs = 40;
    p.batch_size = 64;
    p.cache_dir.clear();
    p.device = "cpu";
    p.seed = 5;
    p.proxy_class = false; // the toy's "generators" are proxy operations themselves
    return p;
}

} // namespace

class TestSupervised : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::vector<clipflow::LabelledImage> set_;
    const std::vector<std::string> classes_{"real", "upsampler", "deconv", "booster"};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        set_ = write_set(tmp_.filePath(QStringLiteral("data")), classes_, 20, 1);
    }

    void learnsAndAttributes_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("mlp") << "mlp";
        QTest::newRow("linear probe") << "linear";
    }

    void learnsAndAttributes()
    {
        QFETCH(QString, mode);
        const QString out = tmp_.filePath(mode + QStringLiteral(".safetensors"));
        auto r = clipflow::train_supervised_detector(params(set_, out, mode.toStdString()));
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(r->info.classes, (std::vector<std::string>{"real", "booster", "deconv", "upsampler"}));
        QCOMPARE(r->train_images + r->val_images, 80L);
        QVERIFY2(r->val_auc > 0.9, qPrintable(QString::number(r->val_auc)));
        QVERIFY(r->temperature > 0.05 && r->temperature < 20);
        long diag = 0, total = 0;
        for (std::size_t i = 0; i < r->confusion.size(); ++i)
            for (std::size_t j = 0; j < r->confusion.size(); ++j) {
                total += r->confusion[i][j];
                if (i == j) diag += r->confusion[i][j];
            }
        QCOMPARE(total, r->val_images);
        QCOMPARE(double(diag) / double(total), r->val_accuracy);

        auto det = clipflow::SupervisedDetector::load(out.toStdString());
        QVERIFY2(det.ok(), det.status().to_string().c_str());
        int right = 0, n = 0;
        for (const auto& cls : classes_)
            for (unsigned s = 0; s < 6; ++s) {
                auto sc = det->score(make(cls, 50000 + s));
                QVERIFY(sc.ok());
                double sum = 0;
                for (const auto& [g, p] : sc->generator_probs) sum += p;
                QVERIFY(std::abs(sum - 1.0) < 1e-6);
                QVERIFY(sc->p_ai >= 0 && sc->p_ai <= 1 && sc->ai_score == sc->p_ai);
                const std::string predicted = sc->p_ai < 0.5 ? "real" : sc->generator_probs.front().first;
                right += predicted == cls;
                ++n;
                if (sc->p_ai < 0.5) QVERIFY(sc->generator.empty());
            }
        QVERIFY2(right >= n * 3 / 4, qPrintable(QStringLiteral("%1 of %2").arg(right).arg(n)));
    }

    void reloadGivesSameScores()
    {
        const std::string path = tmp_.filePath(QStringLiteral("mlp.safetensors")).toStdString();
        auto a = clipflow::SupervisedDetector::load(path), b = clipflow::SupervisedDetector::load(path);
        QVERIFY(a.ok() && b.ok());
        for (unsigned s = 0; s < 4; ++s) {
            const auto img = make(classes_[s], 777 + s);
            auto x = a->score(img), y = b->score(img);
            QVERIFY(x.ok() && y.ok());
            QCOMPARE(x->p_ai, y->p_ai);
            QCOMPARE(x->generator_probs, y->generator_probs);
        }
        QCOMPARE(clipflow::detector_kind(path).value(), std::string("supervised"));
    }

    void cancelThenResume()
    {
        const QString a = tmp_.filePath(QStringLiteral("full.safetensors")), b = tmp_.filePath(QStringLiteral("cut.safetensors"));
        auto full = clipflow::train_supervised_detector(params(set_, a, "mlp"));
        QVERIFY(full.ok());
        auto p = params(set_, b, "mlp");
        std::atomic<bool> stop{false};
        p.progress = [&](const clipflow::JobProgress& j) {
            if (j.stage == "training" && j.train.epoch_end && j.train.epoch >= 10) stop = true;
        };
        p.abort = [&] { return stop.load(); };
        QCOMPARE(clipflow::train_supervised_detector(p).status().code(), clipflow::ErrorCode::Aborted);
        QVERIFY(QFile::exists(b + QStringLiteral(".ckpt")));
        p.progress = nullptr;
        p.abort = nullptr;
        auto resumed = clipflow::train_supervised_detector(p);
        QVERIFY2(resumed.ok(), resumed.status().to_string().c_str());
        QVERIFY(resumed->resumed_from_epoch >= 10);
        QVERIFY(!QFile::exists(b + QStringLiteral(".ckpt")));
        QCOMPARE(resumed->temperature, full->temperature);
        QCOMPARE(resumed->confusion, full->confusion);
        auto x = clipflow::SupervisedDetector::load(a.toStdString()), y = clipflow::SupervisedDetector::load(b.toStdString());
        QVERIFY(x.ok() && y.ok());
        const auto img = make("deconv", 4242);
        QCOMPARE(x->score(img)->p_ai, y->score(img)->p_ai);
    }

    void fewShotAddsAGenerator()
    {
        // Train without "booster", then teach it from five examples.
        std::vector<clipflow::LabelledImage> three;
        for (const auto& i : set_)
            if (i.label != "booster") three.push_back(i);
        const QString base = tmp_.filePath(QStringLiteral("three.safetensors"));
        auto r = clipflow::train_supervised_detector(params(three, base, "mlp"));
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        const auto examples = write_set(tmp_.filePath(QStringLiteral("few")), {"booster"}, 5, 90000);
        clipflow::FewShotParams f;
        f.model_path = base.toStdString();
        f.out_path = tmp_.filePath(QStringLiteral("four.safetensors")).toStdString();
        f.name = "booster";
        for (const auto& e : examples) f.files.push_back(e.file);
        auto info = clipflow::add_generator(f);
        QVERIFY2(info.ok(), info.status().to_string().c_str());
        QCOMPARE(info->classes.back(), std::string("booster"));
        QVERIFY(info->few_shot.back() && !info->few_shot.front());
        QCOMPARE(info->class_counts.back(), 5L);
        auto det = clipflow::SupervisedDetector::load(f.out_path);
        QVERIFY(det.ok());
        int right = 0;
        for (unsigned s = 0; s < 10; ++s) {
            auto sc = det->score(make("booster", 95000 + s));
            QVERIFY(sc.ok());
            right += sc->p_ai >= 0.5 && sc->generator_probs.front().first == "booster";
        }
        QVERIFY2(right >= 6, qPrintable(QString::number(right)));
        f.name = "real";
        QCOMPARE(clipflow::add_generator(f).status().code(), clipflow::ErrorCode::InvalidArgument);
        f.name = "upsampler";
        QVERIFY(!clipflow::add_generator(f).ok()); // already known
    }

    void openSetSaysUnknown()
    {
        auto det = clipflow::SupervisedDetector::load(tmp_.filePath(QStringLiteral("mlp.safetensors")).toStdString());
        QVERIFY(det.ok());
        // Far from every class: a flat grey card with a checkerboard at a third of the sampling rate.
        clipflow::Raster odd;
        odd.width = odd.height = 160;
        odd.channels = 3;
        for (int y = 0; y < 160; ++y)
            for (int x = 0; x < 160; ++x)
                for (int c = 0; c < 3; ++c) odd.data.push_back(((x / 3 + y / 3) % 2) ? 0.9f : 0.1f);
        auto sc = det->score(odd);
        QVERIFY(sc.ok());
        QVERIFY2(sc->distance > 1.0, qPrintable(QString::number(sc->distance)));
        QVERIFY(sc->unknown_generator);
        if (sc->p_ai >= 0.5) QCOMPARE(sc->generator, std::string("unknown"));
    }

    void proxyClassCallsUnseenMakersUnknown_data()
    {
        QTest::addColumn<bool>("proxyClass");
        QTest::newRow("with the proxy class") << true;
        QTest::newRow("without") << false;
    }

    // Known: real photos and "upsampler"; "booster" is never trained on. With
    // the proxy class, boosted images are flagged and called "unknown" while
    // the known maker keeps its name; without it, they are not.
    void proxyClassCallsUnseenMakersUnknown()
    {
        QFETCH(bool, proxyClass);
        std::vector<clipflow::LabelledImage> two;
        for (const auto& i : set_)
            if (i.label == "real" || i.label == "upsampler") two.push_back(i);
        const QString out = tmp_.filePath(QStringLiteral("proxyclass-%1.safetensors").arg(proxyClass));
        auto p = params(two, out, "mlp");
        p.proxy_class = proxyClass;
        auto r = clipflow::train_supervised_detector(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(r->info.classes.back(), std::string(proxyClass ? "unknown" : "upsampler"));
        QVERIFY2(r->val_auc > 0.9, qPrintable(QString::number(r->val_auc)));
        auto det = clipflow::SupervisedDetector::load(out.toStdString());
        QVERIFY(det.ok());
        int flagged = 0, unknown = 0, known_flagged = 0, known_right = 0;
        for (unsigned s = 0; s < 12; ++s) {
            auto b = det->score(make("booster", 70000 + s));
            QVERIFY(b.ok());
            if (b->p_ai >= 0.5) {
                ++flagged;
                unknown += b->generator == "unknown";
            }
            auto u = det->score(make("upsampler", 71000 + s));
            QVERIFY(u.ok());
            if (u->p_ai >= 0.5) {
                ++known_flagged;
                known_right += u->generator == "upsampler";
            }
        }
        qInfo("unseen: %d of %d flagged called unknown; known: %d of %d flagged named", unknown, flagged, known_right,
              known_flagged);
        QVERIFY(known_flagged >= 9);
        QVERIFY2(known_right * 4 >= known_flagged * 3, qPrintable(QString::number(known_right)));
        if (proxyClass) {
            QVERIFY(flagged >= 9);
            QVERIFY2(unknown * 10 >= flagged * 7, qPrintable(QString::number(unknown)));
        } else {
            // Without it the same expectation fails: the class is what makes the difference.
            QVERIFY2(flagged < 9 || unknown * 10 < flagged * 7, qPrintable(QString::number(unknown)));
        }
    }

    void fineTunesClipBlocks()
    {
        const QString fixtures = qEnvironmentVariable("CLIPFLOW_CLIP_FIXTURES");
        if (fixtures.isEmpty()) QSKIP("CLIPFLOW_CLIP_FIXTURES is not set (run through ctest)");
        auto p = params(set_, tmp_.filePath(QStringLiteral("ft.safetensors")), "finetune");
        p.backbone.type = "clip";
        p.backbone.clip_model = (fixtures + QStringLiteral("/openai-f32.safetensors")).toStdString();
        p.finetune_blocks = 1;
        p.finetune_learning_rate = 1e-3f;
        p.views_per_image = 1;
        p.epochs = 15;
        auto r = clipflow::train_supervised_detector(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(r->info.mode, std::string("finetune"));
        QCOMPARE(r->info.finetune_blocks, 1);
        QVERIFY(r->info.backbone_id.find(":tokens:") != std::string::npos);

        // The same run with the blocks frozen (learning rate 0) must give a different model.
        auto frozen_p = p;
        frozen_p.out_path = tmp_.filePath(QStringLiteral("ft0.safetensors")).toStdString();
        frozen_p.finetune_learning_rate = 0.0f;
        auto frozen = clipflow::train_supervised_detector(frozen_p);
        QVERIFY2(frozen.ok(), frozen.status().to_string().c_str());

        clipflow::DetectorLoadParams lp;
        lp.clip_model = p.backbone.clip_model;
        auto a = clipflow::SupervisedDetector::load(p.out_path, lp), a2 = clipflow::SupervisedDetector::load(p.out_path, lp),
             b = clipflow::SupervisedDetector::load(frozen_p.out_path, lp);
        QVERIFY2(a.ok(), a.status().to_string().c_str());
        QVERIFY(a2.ok() && b.ok());
        const auto img = make("deconv", 31337);
        auto sa = a->score(img), sa2 = a2->score(img), sb = b->score(img);
        QVERIFY(sa.ok() && sa2.ok() && sb.ok());
        QCOMPARE(sa->p_ai, sa2->p_ai); // reload is faithful
        QVERIFY(std::isfinite(sa->p_ai));
        QVERIFY2(sa->p_ai != sb->p_ai, "fine-tuned blocks changed nothing");

        // Few-shot imprinting refuses fine-tuned models, with a reason.
        clipflow::FewShotParams f;
        f.model_path = p.out_path;
        f.out_path = tmp_.filePath(QStringLiteral("ft-few.safetensors")).toStdString();
        f.name = "new";
        f.files = {set_.front().file};
        f.load = lp;
        auto few = clipflow::add_generator(f);
        QVERIFY(!few.ok());
        QVERIFY(few.status().message().find("fine-tuned") != std::string::npos);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("onlyReal");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad mode") << "resnet" << false << "mode";
        QTest::newRow("finetune without CLIP") << "finetune" << false << "CLIP backbone";
        QTest::newRow("one class") << "mlp" << true << "at least one generator";
        // Real photos chosen by the split's own rule: none falls in the validation split.
        QTest::newRow("no real photo to validate on") << "split" << false << "has no real photos";
        // With the proxy class on, a folder of that name would be two classes in one.
        QTest::newRow("a generator called unknown") << "mlp" << false << "may not be called \"unknown\"";
    }

    void refuses()
    {
        QFETCH(QString, mode);
        QFETCH(bool, onlyReal);
        QFETCH(QString, mentions);
        std::vector<clipflow::LabelledImage> images;
        const bool split = mode == QLatin1String("split");
        for (const auto& i : set_) {
            if (onlyReal && i.label != "real") continue;
            if (split && i.label == "real") {
                auto sha = clipflow::Sha256::file_hex(i.file);
                if (!sha || clipflow::detail::in_split(*sha, 0.25)) continue;
            }
            images.push_back(i);
        }
        auto p = params(images, tmp_.filePath(QStringLiteral("x.safetensors")), split ? "mlp" : mode.toStdString());
        if (mentions.contains(QStringLiteral("unknown"))) {
            p.proxy_class = true;
            for (auto& i : p.images)
                if (i.label == "booster") i.label = "unknown";
        }
        auto r = clipflow::train_supervised_detector(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.status().message().find(mentions.toStdString()) != std::string::npos, r.status().message().c_str());
        QCOMPARE(clipflow::SupervisedDetector::load(tmp_.filePath(QStringLiteral("x.safetensors")).toStdString()).status().code(),
                 clipflow::ErrorCode::NotFound);
    }
};

QTEST_APPLESS_MAIN(TestSupervised)
#include "tst_supervised.moc"
