// The forensic-v2 backbone and its training job on synthetic "photos": the
// weights file (written, reloaded, refused when wrong), features (shape,
// finite, deterministic, batching by size keeps order, grey = its RGB copy),
// the logit map's size, learning to tell photos from their proxies, cancel and
// resume, weights that read colour at half resolution, and a CLIP-Flow
// detector on top that finds its weights again.

#include "photofolder.h"
#include "syntheticimages.h"

#include <clipflow/atomicfile.h>
#include <clipflow/backbonetraining.h>
#include <clipflow/clipflowdetector.h>
#include <clipflow/clipflowtraining.h>
#include <clipflow/laundering.h>
#include <clipflow/learnedbackbone.h>
#include <clipflow/proxy.h>
#include <clipflow/safetensors.h>
#include <clipflow/sha256.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <filesystem>

namespace {

using testimages::write_photos;

// Sanitizer runs (5-20x slower data preparation) train a quarter of the steps: they
// look for memory and undefined-behaviour errors on every code path, not for learning,
// which the Release run checks.
const bool kSanitized = qEnvironmentVariableIsSet("ASAN_OPTIONS") || qEnvironmentVariableIsSet("TSAN_OPTIONS");
const int kSteps = kSanitized ? 40 : 160;

bool cudaPresent()
{
    return clipflow::describe_training_device("auto").rfind("CUDA", 0) == 0;
}

clipflow::BackboneTrainParams small(const std::vector<std::string>& files, const QString& out)
{
    clipflow::BackboneTrainParams p;
    p.natural_files = files;
    p.out_path = out.toStdString();
    p.steps = kSteps;
    p.batch_pairs = 8;
    p.patch = 48;
    p.validation_fraction = 0.25;
    p.checkpoint_every = 20;
    p.threads = 2;
    p.seed = 5;
    return p;
}

} // namespace

class TestLearnedBackbone : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::vector<std::string> photos_;
    QString weights_;
    double trained_auc_ = -1.0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        QDir().mkpath(tmp_.filePath(QStringLiteral("photos")));
        photos_ = write_photos(tmp_.filePath(QStringLiteral("photos")), 32, 200);
        weights_ = tmp_.filePath(QStringLiteral("forensic-v2.safetensors"));
    }

    void trainsAndLearnsProxies()
    {
        auto p = small(photos_, weights_);
        std::vector<std::string> stages;
        p.progress = [&](const clipflow::JobProgress& j) {
            if (stages.empty() || stages.back() != j.stage) stages.push_back(j.stage);
        };
        auto r = clipflow::train_learned_backbone(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(stages, (std::vector<std::string>{"photos", "training", "validation", "saving"}));
        QCOMPARE(r->photos + r->validation_photos, 32L);
        QVERIFY(r->validation_photos >= 4);
        QCOMPARE(r->steps_run, kSteps);
        QCOMPARE(r->device, std::string(cudaPresent() ? "cuda" : "cpu")); // "auto": the GPU when there is one
        QVERIFY(r->skipped.empty());
        QVERIFY(!QFile::exists(weights_ + QStringLiteral(".ckpt"))); // removed once the weights are saved
        // Untrained, the loss is log 2 = 0.693 and the AUC 0.5; the proxies leave learnable traces.
        qInfo("loss %.3f, validation AUC %.3f", r->final_loss, r->validation_auc);
        QVERIFY(std::isfinite(r->final_loss) && std::isfinite(r->validation_auc));
        QVERIFY2(r->validation_auc_jpeg > 0.0 && r->validation_auc_jpeg <= 1.0, std::to_string(r->validation_auc_jpeg).c_str());
        trained_auc_ = r->validation_auc;
        if (!kSanitized) {
            QVERIFY2(r->final_loss < 0.64, std::to_string(r->final_loss).c_str());
            QVERIFY2(r->validation_auc > 0.68, std::to_string(r->validation_auc).c_str());
        }

        auto sha = clipflow::Sha256::file_hex(weights_.toStdString());
        QVERIFY(sha.ok());
        QCOMPARE(r->info.sha256, *sha);
        QCOMPARE(r->info.id, std::string("forensic-v2"));
        QVERIFY(r->info.recipe_json.find("\"steps\":" + std::to_string(kSteps)) != std::string::npos);
        QVERIFY(r->info.recipe_json.find("\"validation_auc_jpeg85\":") != std::string::npos);
        QVERIFY(r->info.recipe_json.find("\"device\":\"" + r->device + "\"") != std::string::npos);

        // The trained head says "proxy" more often for proxies than for the photos they came from.
        auto bb = clipflow::LearnedBackbone::load(weights_.toStdString());
        QVERIFY2(bb.ok(), bb.status().to_string().c_str());
        int higher = 0;
        for (unsigned s = 0; s < 8; ++s) {
            const auto photo = testimages::pink_noise(128, 128, 900 + s);
            auto proxy = clipflow::make_proxy(photo, clipflow::ProxyOp::VaeDecoder, s);
            QVERIFY(proxy.ok());
            auto l = (*bb)->logits({photo, proxy->image});
            QVERIFY(l.ok());
            higher += (*l)[1] > (*l)[0];
        }
        if (!kSanitized) QVERIFY2(higher >= 6, std::to_string(higher).c_str());
    }

    void features()
    {
        auto bb = clipflow::LearnedBackbone::load(weights_.toStdString());
        QVERIFY(bb.ok());
        QCOMPARE((*bb)->dim(), 256);
        QCOMPARE((*bb)->type(), std::string("forensic-v2"));
        const auto a = testimages::pink_noise(100, 80, 1), b = testimages::pink_noise(64, 64, 2),
                   c = testimages::pink_noise(100, 80, 3);
        auto all = (*bb)->features({a, b, c});
        QVERIFY2(all.ok(), all.status().to_string().c_str());
        QCOMPARE(int(all->size()), 3);
        for (const auto& f : *all) {
            QCOMPARE(int(f.size()), 256);
            for (float v : f) QVERIFY(std::isfinite(v));
        }
        // Views are batched by size; results stay in input order and match one-by-one calls.
        for (int i = 0; i < 3; ++i) {
            auto one = (*bb)->features({std::vector<clipflow::Raster>{a, b, c}[std::size_t(i)]});
            QVERIFY(one.ok());
            for (int k = 0; k < 256; ++k)
                QVERIFY(std::abs((*one)[0][std::size_t(k)] - (*all)[std::size_t(i)][std::size_t(k)]) < 1e-4f);
        }
        auto again = (*bb)->features({a, b, c});
        QVERIFY(again.ok());
        QCOMPARE(*again, *all);
        // A grey image and its RGB copy are the same picture.
        const auto grey = testimages::pink_noise(64, 64, 4, 1);
        clipflow::Raster rgb = grey;
        rgb.channels = 3;
        rgb.data.clear();
        for (float v : grey.data) rgb.data.insert(rgb.data.end(), {v, v, v});
        auto g = (*bb)->features({grey, rgb});
        QVERIFY(g.ok());
        for (int k = 0; k < 256; ++k) QVERIFY(std::abs((*g)[0][std::size_t(k)] - (*g)[1][std::size_t(k)]) < 1e-5f);
    }

    void logitMap_data()
    {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("mw");
        QTest::addColumn<int>("mh");
        QTest::newRow("256") << 256 << 256 << 32 << 32;
        QTest::newRow("odd sizes") << 101 << 37 << 13 << 5;
        QTest::newRow("smallest") << 16 << 16 << 2 << 2;
    }

    void logitMap()
    {
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(int, mw);
        QFETCH(int, mh);
        auto bb = clipflow::LearnedBackbone::load(weights_.toStdString());
        QVERIFY(bb.ok());
        auto m = (*bb)->logit_map(testimages::pink_noise(w, h, 7));
        QVERIFY2(m.ok(), m.status().to_string().c_str());
        QCOMPARE(m->width, mw);
        QCOMPARE(m->height, mh);
        QCOMPARE(m->channels, 1);
        for (float v : m->data) QVERIFY(std::isfinite(v));
    }

    void refusesBadViews_data()
    {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("channels");
        QTest::newRow("too small") << 15 << 64 << 3;
        QTest::newRow("two channels") << 64 << 64 << 2;
    }

    void refusesBadViews()
    {
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(int, channels);
        auto bb = clipflow::LearnedBackbone::load(weights_.toStdString());
        QVERIFY(bb.ok());
        clipflow::Raster r;
        r.width = w;
        r.height = h;
        r.channels = channels;
        r.data.assign(std::size_t(w * h * channels), 0.5f);
        auto f = (*bb)->features({r});
        QCOMPARE(f.status().code(), clipflow::ErrorCode::InvalidArgument);
    }

    void refusesWrongFiles_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::newRow("not safetensors") << 0 << int(clipflow::ErrorCode::CorruptData);
        QTest::newRow("no backbone metadata") << 1 << int(clipflow::ErrorCode::UnsupportedFormat);
        QTest::newRow("another id") << 2 << int(clipflow::ErrorCode::UnsupportedFormat);
        QTest::newRow("id not a string") << 5 << int(clipflow::ErrorCode::UnsupportedFormat);
        QTest::newRow("metadata not JSON") << 6 << int(clipflow::ErrorCode::UnsupportedFormat);
        QTest::newRow("unknown colour reading") << 7 << int(clipflow::ErrorCode::UnsupportedFormat);
        QTest::newRow("a tensor missing") << 3 << int(clipflow::ErrorCode::CorruptData);
        QTest::newRow("a tensor of the wrong shape") << 4 << int(clipflow::ErrorCode::CorruptData);
    }

    void refusesWrongFiles()
    {
        QFETCH(int, kind);
        QFETCH(int, code);
        auto good = clipflow::SafetensorsFile::open(weights_.toStdString());
        QVERIFY(good.ok());
        std::vector<clipflow::TensorData> tensors;
        for (const auto& t : good->tensors()) {
            if (kind == 3 && t.name == "net.conv2.weight") continue;
            auto v = t.to_float();
            QVERIFY(v.ok());
            auto shape = t.shape;
            if (kind == 4 && t.name == "net.head.bias") {
                shape = {2};
                v->push_back(0.f);
            }
            tensors.push_back(clipflow::TensorData::from_floats(t.name, shape, *v));
        }
        std::map<std::string, std::string> meta = good->metadata();
        if (kind == 1) meta.clear();
        if (kind == 2) meta["clipflow.backbone"] = R"({"id":"forensic-v9"})";
        if (kind == 5) meta["clipflow.backbone"] = R"({"id":2})";
        if (kind == 6) meta["clipflow.backbone"] = "{\"id\": [";
        if (kind == 7) meta["clipflow.backbone"] = R"({"id":"forensic-v2","chroma":"quartered"})";
        const QString bad = tmp_.filePath(QStringLiteral("bad%1.safetensors").arg(kind));
        if (kind == 0) {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xff\xff\xff\xff\xff\xff\xff\x7fnot a model");
        } else {
            QVERIFY(clipflow::write_safetensors(bad.toStdString(), tensors, meta).ok());
        }
        auto bb = clipflow::LearnedBackbone::load(bad.toStdString());
        QVERIFY(!bb.ok());
        QCOMPARE(int(bb.status().code()), code);
    }

    void continuesFromWeights_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("trained weights") << 0;
        QTest::newRow("missing file") << 1;
        QTest::newRow("not forensic-v2 weights") << 2;
        QTest::newRow("a reading this version does not know") << 3;
    }

    // --init: a short run from trained weights starts where they left off (a run from
    // scratch this short stays near AUC 0.5), and files that are not such weights, or
    // read their input in a way this version does not know, are refused at once.
    void continuesFromWeights()
    {
        QFETCH(int, kind);
        QVERIFY2(trained_auc_ >= 0.0, "needs trainsAndLearnsProxies' weights");
        const QString out = tmp_.filePath(QStringLiteral("continued-%1.safetensors").arg(kind));
        auto p = small(photos_, out);
        p.steps = 4;
        p.learning_rate = 1e-5;
        p.init_path = weights_.toStdString();
        if (kind == 1) p.init_path = tmp_.filePath(QStringLiteral("absent.safetensors")).toStdString();
        if (kind == 2) {
            const QString other = tmp_.filePath(QStringLiteral("other.safetensors"));
            const auto t = clipflow::TensorData::from_floats("net.something", {3, 4}, std::vector<float>(12, 1.0f));
            QVERIFY(clipflow::write_safetensors(other.toStdString(), {t}, {}).ok());
            p.init_path = other.toStdString();
        }
        if (kind == 3) {
            // The trained weights whole, their recipe naming an unknown reading of the input.
            const QString other = tmp_.filePath(QStringLiteral("quartered.safetensors"));
            auto good = clipflow::SafetensorsFile::open(weights_.toStdString());
            QVERIFY(good.ok());
            auto meta = good->metadata();
            meta["clipflow.backbone"] = R"({"id":"forensic-v2","chroma":"quartered"})";
            std::vector<clipflow::TensorData> tensors;
            for (const auto& t : good->tensors()) tensors.push_back({t.name, t.dtype, t.shape, {t.bytes.begin(), t.bytes.end()}});
            QVERIFY(clipflow::write_safetensors(other.toStdString(), tensors, meta).ok());
            p.init_path = other.toStdString();
        }
        std::vector<std::string> stages;
        p.progress = [&](const clipflow::JobProgress& j) {
            if (stages.empty() || stages.back() != j.stage) stages.push_back(j.stage);
        };
        auto r = clipflow::train_learned_backbone(p);
        if (kind != 0) {
            QVERIFY(!r.ok());
            QVERIFY(stages.empty()); // refused before the photos are prepared
            QVERIFY2(r.status().message().find("starting weights") != std::string::npos, r.status().to_string().c_str());
            QVERIFY(!QFile::exists(out));
            return;
        }
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        qInfo("validation AUC %.3f -> %.3f (trained run: %.3f)", r->initial_validation_auc, r->validation_auc, trained_auc_);
        // The same weights on the same held-out photos (split by SHA-256).
        QVERIFY2(std::abs(r->initial_validation_auc - trained_auc_) < 0.02, std::to_string(r->initial_validation_auc).c_str());
        if (!kSanitized) QVERIFY2(r->validation_auc > 0.68, std::to_string(r->validation_auc).c_str());
        auto sha = clipflow::Sha256::file_hex(weights_.toStdString());
        QVERIFY(sha.ok());
        QVERIFY(r->info.recipe_json.find("\"init_sha256\":\"" + *sha + "\"") != std::string::npos);
    }

    void refusesBadParams_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("no photos") << 0;
        QTest::newRow("no output") << 1;
        QTest::newRow("zero steps") << 2;
        QTest::newRow("patch too small") << 3;
        QTest::newRow("shrink above 1") << 4;
        QTest::newRow("jpeg probability above 1") << 5;
        QTest::newRow("paired jpeg probability below 0") << 6;
        QTest::newRow("decoder strength 0") << 7;
        QTest::newRow("decoder strength above 1") << 8;
        QTest::newRow("unknown device") << 9;
        QTest::newRow("CUDA without a GPU") << 10;
    }

    void refusesBadParams()
    {
        QFETCH(int, kind);
        auto p = small(photos_, tmp_.filePath(QStringLiteral("never.safetensors")));
        if (kind == 0) p.natural_files.clear();
        if (kind == 1) p.out_path.clear();
        if (kind == 2) p.steps = 0;
        if (kind == 3) p.patch = 8;
        if (kind == 4) p.shrink_max = 1.5;
        if (kind == 5) p.jpeg_augment = 2;
        if (kind == 6) p.jpeg_pair = -0.1;
        if (kind == 7) p.decoder_strength_min = 0.f;
        if (kind == 8) p.decoder_strength_min = 1.5f;
        if (kind == 9) p.device = "gpu";
        if (kind == 10) {
            if (cudaPresent()) QSKIP("this machine has a GPU");
            p.device = "cuda";
        }
        auto r = clipflow::train_learned_backbone(p);
        QCOMPARE(r.status().code(), clipflow::ErrorCode::InvalidArgument);
        QVERIFY(!QFile::exists(tmp_.filePath(QStringLiteral("never.safetensors"))));
    }

    // Weakened decoder proxies are a recipe of their own: the card records the range (part of
    // the recipe key, so no checkpoint of another recipe is resumed into it).
    void recordsDecoderStrength()
    {
        QVERIFY2(trained_auc_ >= 0.0, "needs trainsAndLearnsProxies' weights");
        const QString out = tmp_.filePath(QStringLiteral("weak.safetensors"));
        auto p = small(photos_, out);
        p.steps = 2;
        p.init_path = weights_.toStdString();
        p.decoder_strength_min = 0.25f;
        auto r = clipflow::train_learned_backbone(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QVERIFY2(r->info.recipe_json.find("\"decoder_strength\":[0.25,1.0]") != std::string::npos, r->info.recipe_json.c_str());
        // Validated against weakened proxies, the same weights find them harder than whole ones.
        qInfo("starting weights: validation AUC %.3f on weakened proxies, %.3f on whole ones", r->initial_validation_auc,
              trained_auc_);
        if (!kSanitized) QVERIFY(r->initial_validation_auc < trained_auc_ - 0.01);
    }

    void readsChromaHalved_data()
    {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::newRow("even sides") << 64 << 48;
        QTest::newRow("odd sides (edge blocks of one row or column)") << 37 << 41;
    }

    // --halve-chroma: the network reads an image as a 4:2:0 JPEG would keep it, so an
    // image and its copy with the chroma averaged over 2 x 2 blocks (an independent
    // YCbCr round trip here) give the same features, in training and in scoring alike;
    // weights trained on full chroma tell them apart.
    void readsChromaHalved()
    {
        QFETCH(int, w);
        QFETCH(int, h);
        QVERIFY2(trained_auc_ >= 0.0, "needs trainsAndLearnsProxies' weights");
        const QString out = tmp_.filePath(QStringLiteral("halved-%1.safetensors").arg(w));
        auto p = small(photos_, out);
        p.steps = 3;
        p.halve_chroma = true;
        auto r = clipflow::train_learned_backbone(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QVERIFY2(r->info.recipe_json.find("\"chroma\":\"halved\"") != std::string::npos, r->info.recipe_json.c_str());

        // Colourful noise: chroma detail at every scale.
        clipflow::Raster img = testimages::pink_noise(w, h, 31);
        const auto other = testimages::pink_noise(w, h, 32), third = testimages::pink_noise(w, h, 33);
        for (std::size_t i = 0; i < img.pixel_count(); ++i) {
            img.data[3 * i + 1] = other.data[3 * i + 1];
            img.data[3 * i + 2] = third.data[3 * i + 2];
        }
        clipflow::Raster halved = img;
        auto at = [&](const clipflow::Raster& r, int x, int y, int c) { return r.data[std::size_t((y * w + x) * 3 + c)]; };
        for (int by = 0; by < h; by += 2)
            for (int bx = 0; bx < w; bx += 2) {
                double cb = 0, cr = 0;
                int n = 0;
                for (int y = by; y < std::min(h, by + 2); ++y)
                    for (int x = bx; x < std::min(w, bx + 2); ++x, ++n) {
                        const double yy = 0.299 * at(img, x, y, 0) + 0.587 * at(img, x, y, 1) + 0.114 * at(img, x, y, 2);
                        cb += (at(img, x, y, 2) - yy) / 1.772;
                        cr += (at(img, x, y, 0) - yy) / 1.402;
                    }
                cb /= n;
                cr /= n;
                for (int y = by; y < std::min(h, by + 2); ++y)
                    for (int x = bx; x < std::min(w, bx + 2); ++x) {
                        const double yy = 0.299 * at(img, x, y, 0) + 0.587 * at(img, x, y, 1) + 0.114 * at(img, x, y, 2);
                        const double red = yy + 1.402 * cr, blue = yy + 1.772 * cb;
                        float* px = &halved.data[std::size_t((y * w + x) * 3)];
                        px[0] = float(red);
                        px[1] = float((yy - 0.299 * red - 0.114 * blue) / 0.587);
                        px[2] = float(blue);
                    }
            }
        auto max_diff = [](const std::vector<std::vector<float>>& f) {
            float d = 0.f;
            for (std::size_t k = 0; k < f[0].size(); ++k) d = std::max(d, std::abs(f[0][k] - f[1][k]));
            return d;
        };
        auto bb = clipflow::LearnedBackbone::load(out.toStdString());
        QVERIFY2(bb.ok(), bb.status().to_string().c_str());
        auto same = (*bb)->features({img, halved});
        QVERIFY(same.ok());
        QVERIFY2(max_diff(*same) < 1e-4f, std::to_string(max_diff(*same)).c_str());
        auto full = clipflow::LearnedBackbone::load(weights_.toStdString());
        QVERIFY(full.ok());
        auto apart = (*full)->features({img, halved});
        QVERIFY(apart.ok());
        QVERIFY2(max_diff(*apart) > 1e-2f, std::to_string(max_diff(*apart)).c_str());

        // Continuing either weights must keep how they read colour.
        auto more = small(photos_, tmp_.filePath(QStringLiteral("never.safetensors")));
        more.steps = 1;
        more.init_path = out.toStdString();
        auto refused = clipflow::train_learned_backbone(more);
        QCOMPARE(refused.status().code(), clipflow::ErrorCode::InvalidArgument);
        QVERIFY2(refused.status().message().find("--halve-chroma") != std::string::npos, refused.status().to_string().c_str());
        more.init_path = weights_.toStdString();
        more.halve_chroma = true;
        QCOMPARE(clipflow::train_learned_backbone(more).status().code(), clipflow::ErrorCode::InvalidArgument);
        QVERIFY(!QFile::exists(tmp_.filePath(QStringLiteral("never.safetensors"))));
    }

    void unreadablePhotosAreSkipped()
    {
        auto files = std::vector<std::string>(photos_.begin(), photos_.begin() + 8);
        const QString junk = tmp_.filePath(QStringLiteral("junk.png"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x89PNG\r\n\x1a\n truncated");
        f.close();
        files.push_back(junk.toStdString());
        auto p = small(files, tmp_.filePath(QStringLiteral("skip.safetensors")));
        p.steps = 5;
        auto r = clipflow::train_learned_backbone(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(int(r->skipped.size()), 1);
        QVERIFY(r->skipped[0].find("junk.png") != std::string::npos);
    }

    void cancelThenResumeMatches()
    {
        const QString a = tmp_.filePath(QStringLiteral("a.safetensors")), b = tmp_.filePath(QStringLiteral("b.safetensors"));
        // Sanitizer runs: 20 steps, checkpoints every 5, cut after 12 (Release: 50, 10, 25).
        const int steps = kSanitized ? 20 : 50, every = kSanitized ? 5 : 10, cut_at = kSanitized ? 12 : 25;
        auto pa = small(photos_, a);
        pa.steps = steps;
        pa.checkpoint_every = every;
        pa.validation_fraction = 0.0;
        QVERIFY(clipflow::train_learned_backbone(pa).ok());

        auto pb = pa;
        pb.out_path = b.toStdString();
        std::atomic<bool> stop{false};
        pb.progress = [&](const clipflow::JobProgress& j) {
            if (j.stage == "training" && j.done >= cut_at) stop = true;
        };
        pb.abort = [&] { return stop.load(); };
        auto cut = clipflow::train_learned_backbone(pb);
        QCOMPARE(cut.status().code(), clipflow::ErrorCode::Aborted);
        QVERIFY(QFile::exists(b + QStringLiteral(".ckpt")));
        QVERIFY(!QFile::exists(b));

        pb.progress = nullptr;
        pb.abort = nullptr;
        auto resumed = clipflow::train_learned_backbone(pb);
        QVERIFY2(resumed.ok(), resumed.status().to_string().c_str());
        QCOMPARE(resumed->resumed_from_step, cut_at / every * every); // the last checkpoint before the cut
        QCOMPARE(resumed->steps_run, steps - resumed->resumed_from_step);
        // Same batches from (seed, step), same optimiser state: the same network.
        auto fa = clipflow::LearnedBackbone::load(a.toStdString()), fb = clipflow::LearnedBackbone::load(b.toStdString());
        QVERIFY(fa.ok() && fb.ok());
        const auto img = testimages::pink_noise(96, 96, 11);
        auto la = (*fa)->logits({img}), lb = (*fb)->logits({img});
        QVERIFY(la.ok() && lb.ok());
        QVERIFY2(std::abs((*la)[0] - (*lb)[0]) < 1e-3f, (std::to_string((*la)[0]) + " vs " + std::to_string((*lb)[0])).c_str());
    }

    void detectorFindsItsWeights()
    {
        // A CLIP-Flow detector on forensic-v2 features records the weights' SHA-256
        // and finds them beside itself, or where the caller says.
        QDir().mkpath(tmp_.filePath(QStringLiteral("det")));
        const QString here = tmp_.filePath(QStringLiteral("det/forensic-v2.safetensors"));
        QVERIFY(QFile::copy(weights_, here));
        auto p = testimages::small_training(photos_, tmp_.filePath(QStringLiteral("det/detector.safetensors")), QString());
        p.backbone.type = "forensic-v2";
        p.backbone.weights = here.toStdString();
        p.views_per_image = 1;
        p.holdout_fraction = 0.45;
        p.train.epochs = 3;
        p.train.flow.hidden = 32;
        p.train.batch_size = 16;
        p.seed = 0;
        auto r = clipflow::train_clipflow_detector(p);
        QVERIFY2(r.ok(), r.status().to_string().c_str());
        QCOMPARE(r->info.backbone_id, std::string("forensic-v2"));

        auto det = clipflow::ClipFlowDetector::load(p.out_path);
        QVERIFY2(det.ok(), det.status().to_string().c_str());
        auto s = det->score(testimages::pink_noise(200, 200, 77));
        QVERIFY2(s.ok(), s.status().to_string().c_str());
        QVERIFY(std::isfinite(s->calibrated.log_likelihood));

        // Moved away from its weights: a clear error naming them; given them: works.
        QDir().mkpath(tmp_.filePath(QStringLiteral("elsewhere")));
        const QString moved = tmp_.filePath(QStringLiteral("elsewhere/detector.safetensors"));
        QVERIFY(QFile::copy(QString::fromStdString(p.out_path), moved));
        clipflow::DetectorLoadParams none;
        none.models_dir = tmp_.filePath(QStringLiteral("no-models")).toStdString();
        auto lost = clipflow::ClipFlowDetector::load(moved.toStdString(), none);
        QCOMPARE(lost.status().code(), clipflow::ErrorCode::NotFound);
        QVERIFY(lost.status().message().find("forensic-v2") != std::string::npos);
        clipflow::DetectorLoadParams given = none;
        given.learned_backbone = weights_.toStdString();
        QVERIFY(clipflow::ClipFlowDetector::load(moved.toStdString(), given).ok());
        // Other weights under the right name are refused.
        given.learned_backbone = tmp_.filePath(QStringLiteral("a.safetensors")).toStdString();
        QCOMPARE(clipflow::ClipFlowDetector::load(moved.toStdString(), given).status().code(), clipflow::ErrorCode::NotFound);
        // A broken file of that name beside the detector does not hide the right weights further on.
        QFile junk(tmp_.filePath(QStringLiteral("elsewhere/forensic-v2.safetensors")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not weights");
        junk.close();
        QDir().mkpath(tmp_.filePath(QStringLiteral("models")));
        QVERIFY(QFile::copy(weights_, tmp_.filePath(QStringLiteral("models/forensic-v2.safetensors"))));
        clipflow::DetectorLoadParams installed;
        installed.models_dir = tmp_.filePath(QStringLiteral("models")).toStdString();
        auto found = clipflow::ClipFlowDetector::load(moved.toStdString(), installed);
        QVERIFY2(found.ok(), found.status().to_string().c_str());
    }
};

QTEST_GUILESS_MAIN(TestLearnedBackbone)
#include "tst_learnedbackbone.moc"
