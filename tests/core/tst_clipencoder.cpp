// ClipEncoder: one model in three formats and three dtypes gives the same
// embeddings; they agree with an independent Python implementation; bad files
// are refused with reasons.

#include "clipfixtures.h"

#include <clipflow/clipencoder.h>
#include <clipflow/evidence.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using clipflow::ClipEncoder;
using clipflow::ErrorCode;

namespace {

std::vector<clipflow::ClipFeatures> encode_reference(const ClipEncoder& enc, const clipfixtures::Reference& ref,
                                                     bool all_layers = false)
{
    clipflow::ClipEncodeParams p;
    p.all_layers = all_layers;
    p.batch_size = 2; // several batches, including a short last one
    const int n = int(ref.images.size());
    auto r = enc.encode_preprocessed(ref.get("inputs"), n, p);
    if (!r) qFatal("encode failed: %s", r.status().to_string().c_str());
    return std::move(r.value());
}

double cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ab += a[i] * b[i];
        aa += a[i] * a[i];
        bb += b[i] * b[i];
    }
    return ab / std::sqrt(aa * bb);
}

} // namespace

class TestClipEncoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        ref = clipfixtures::reference();
        QVERIFY2(ref.has_value(), "CLIP fixtures missing: run the clip_fixtures CTest first");
    }

    void inferredConfig_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("dtype");
        for (const char* d : {"f32", "f16", "bf16"}) {
            const QString dt = QString::fromLatin1(d).toUpper();
            QTest::addRow("hf %s", d) << QStringLiteral("hf-%1.safetensors").arg(QLatin1String(d)) << "hf-safetensors" << dt;
            QTest::addRow("openai %s", d) << QStringLiteral("openai-%1.safetensors").arg(QLatin1String(d)) << "openai-safetensors"
                                          << dt;
            QTest::addRow("torchscript %s", d) << QStringLiteral("openai-%1.pt").arg(QLatin1String(d)) << "torchscript" << dt;
        }
    }
    void inferredConfig()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(QString, dtype);
        auto enc = ClipEncoder::load(clipfixtures::path(file).toStdString());
        QVERIFY2(enc.ok(), enc.status().to_string().c_str());
        const auto& c = enc->config();
        QCOMPARE(c.image_size, 224);
        QCOMPARE(c.patch_size, 32);
        QCOMPARE(c.width, 64);
        QCOMPARE(c.layers, 2);
        QCOMPARE(c.heads, 1);
        QCOMPARE(c.output_dim, 32);
        QCOMPARE(QString::fromStdString(c.checkpoint_format), format);
        QCOMPARE(QString::fromStdString(c.checkpoint_dtype), dtype);
        QCOMPARE(QString::fromStdString(enc->device()), QStringLiteral("cpu"));
    }

    void sameModelThreeFormats_data()
    {
        QTest::addColumn<QString>("dtype");
        QTest::newRow("F32") << "f32";
        QTest::newRow("F16") << "f16";
        QTest::newRow("BF16") << "bf16";
    }
    void sameModelThreeFormats()
    {
        QFETCH(QString, dtype);
        std::vector<std::vector<clipflow::ClipFeatures>> results;
        for (const QString& f :
             {QStringLiteral("hf-%1.safetensors"), QStringLiteral("openai-%1.safetensors"), QStringLiteral("openai-%1.pt")}) {
            auto enc = ClipEncoder::load(clipfixtures::path(f.arg(dtype)).toStdString());
            QVERIFY2(enc.ok(), enc.status().to_string().c_str());
            results.push_back(encode_reference(*enc, *ref, true));
        }
        for (std::size_t m = 1; m < results.size(); ++m)
            for (std::size_t i = 0; i < results[0].size(); ++i) {
                const auto& a = results[0][i];
                const auto& b = results[m][i];
                QVERIFY(clipfixtures::max_abs_diff(a.projected.data(), b.projected.data(), a.projected.size()) < 1e-6);
                QVERIFY(clipfixtures::max_abs_diff(a.class_token.data(), b.class_token.data(), a.class_token.size()) < 1e-6);
                QCOMPARE(a.block_tokens.size(), std::size_t(2));
            }
    }

    void matchesIndependentReference_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("openai safetensors") << "openai-f32.safetensors";
        QTest::newRow("hf safetensors") << "hf-f32.safetensors";
        QTest::newRow("torchscript") << "openai-f32.pt";
    }
    void matchesIndependentReference()
    {
        QFETCH(QString, file);
        auto enc = ClipEncoder::load(clipfixtures::path(file).toStdString());
        QVERIFY(enc.ok());
        const auto feats = encode_reference(*enc, *ref, true);
        const auto proj = ref->get("proj"), cls = ref->get("cls"), blocks = ref->get("blocks");
        for (std::size_t i = 0; i < feats.size(); ++i) {
            QVERIFY2(
                clipfixtures::max_abs_diff(feats[i].projected.data(), proj.data() + 32 * i, 32) < 1e-4,
                qPrintable(QString::number(clipfixtures::max_abs_diff(feats[i].projected.data(), proj.data() + 32 * i, 32))));
            QVERIFY(clipfixtures::max_abs_diff(feats[i].class_token.data(), cls.data() + 64 * i, 64) < 1e-4);
            for (std::size_t b = 0; b < 2; ++b)
                QVERIFY(clipfixtures::max_abs_diff(feats[i].block_tokens[b].data(), blocks.data() + (i * 2 + b) * 64, 64) < 1e-4);
        }
    }

    void configJsonSetsHeads()
    {
        auto enc = ClipEncoder::load(clipfixtures::path(QStringLiteral("heads2/model.safetensors")).toStdString());
        QVERIFY(enc.ok());
        QCOMPARE(enc->config().heads, 2);
        const auto feats = encode_reference(*enc, *ref);
        const auto proj2 = ref->get("heads2_proj"), proj1 = ref->get("proj");
        QVERIFY(clipfixtures::max_abs_diff(feats[0].projected.data(), proj2.data(), 32) < 1e-4);
        QVERIFY(clipfixtures::max_abs_diff(feats[0].projected.data(), proj1.data(), 32) > 1e-3); // heads matter
    }

    void encodesImagesEndToEnd()
    {
        auto enc = ClipEncoder::load(clipfixtures::path(QStringLiteral("openai-f32.safetensors")).toStdString());
        QVERIFY(enc.ok());
        std::vector<clipflow::Raster> images;
        for (const QString& p : ref->images) images.push_back(clipflow::load_evidence(p.toStdString())->pixels);
        std::vector<double> progress;
        clipflow::ClipEncodeParams params;
        params.batch_size = 3;
        params.progress = [&](double f) { progress.push_back(f); };
        auto feats = enc->encode(images, params);
        QVERIFY(feats.ok());
        const auto proj = ref->get("proj");
        for (std::size_t i = 0; i < feats->size(); ++i)
            QVERIFY(clipfixtures::max_abs_diff((*feats)[i].projected.data(), proj.data() + 32 * i, 32) < 1e-4);
        QCOMPARE(progress.size(), std::size_t(2));
        QCOMPARE(progress.back(), 1.0);
        params.abort = [] { return true; };
        QCOMPARE(enc->encode(images, params).status().code(), ErrorCode::Aborted);
    }

    void bf16IsClose()
    {
        clipflow::ClipLoadParams lp;
        lp.bf16 = true;
        auto enc = ClipEncoder::load(clipfixtures::path(QStringLiteral("openai-f32.safetensors")).toStdString(), lp);
        QVERIFY2(enc.ok(), enc.status().to_string().c_str());
        QVERIFY(enc->bf16());
        const auto feats = encode_reference(*enc, *ref);
        const auto proj = ref->get("proj");
        for (std::size_t i = 0; i < feats.size(); ++i) {
            const std::vector<float> r(proj.begin() + long(32 * i), proj.begin() + long(32 * (i + 1)));
            QVERIFY2(cosine(feats[i].projected, r) > 0.99, qPrintable(QString::number(cosine(feats[i].projected, r))));
        }
    }

    void infersSupportedShapes_data()
    {
        QTest::addColumn<int>("patch");
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("name");
        QTest::newRow("B/32") << 32 << 224 << "ViT-S/32";
        QTest::newRow("B/16") << 16 << 224 << "ViT-S/16";
        QTest::newRow("L/14") << 14 << 224 << "ViT-S/14";
        QTest::newRow("L/14@336") << 14 << 336 << "ViT-S/14@336";
    }
    void infersSupportedShapes()
    {
        // The real towers' geometry (patch size, input size, position count)
        // at a tiny width, written with OpenAI names.
        QFETCH(int, patch);
        QFETCH(int, size);
        QFETCH(QString, name);
        const std::int64_t w = 64, grid = size / patch, out = 16;
        std::vector<clipflow::TensorData> t;
        auto add = [&](const std::string& n, std::vector<std::int64_t> shape, float scale, float offset = 0) {
            std::int64_t count = 1;
            for (auto d : shape) count *= d;
            std::vector<float> v(static_cast<std::size_t>(count));
            for (std::size_t i = 0; i < v.size(); ++i)
                v[i] = offset + scale * float(std::sin(0.37 * double(i) + double(n.size())));
            t.push_back(clipflow::TensorData::from_floats(n, shape, v));
        };
        add("visual.conv1.weight", {w, 3, patch, patch}, 0.02f);
        add("visual.class_embedding", {w}, 0.1f);
        add("visual.positional_embedding", {grid * grid + 1, w}, 0.1f);
        for (const char* ln :
             {"visual.ln_pre", "visual.ln_post", "visual.transformer.resblocks.0.ln_1", "visual.transformer.resblocks.0.ln_2"}) {
            add(std::string(ln) + ".weight", {w}, 0.1f, 1.0f);
            add(std::string(ln) + ".bias", {w}, 0.1f);
        }
        const std::string b = "visual.transformer.resblocks.0.";
        add(b + "attn.in_proj_weight", {3 * w, w}, 0.1f);
        add(b + "attn.in_proj_bias", {3 * w}, 0.05f);
        add(b + "attn.out_proj.weight", {w, w}, 0.1f);
        add(b + "attn.out_proj.bias", {w}, 0.05f);
        add(b + "mlp.c_fc.weight", {4 * w, w}, 0.1f);
        add(b + "mlp.c_fc.bias", {4 * w}, 0.05f);
        add(b + "mlp.c_proj.weight", {w, 4 * w}, 0.05f);
        add(b + "mlp.c_proj.bias", {w}, 0.05f);
        add("visual.proj", {w, out}, 0.1f);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("shape.safetensors")).toStdString();
        QVERIFY(clipflow::write_safetensors(path, t).ok());
        auto enc = ClipEncoder::load(path);
        QVERIFY2(enc.ok(), enc.status().to_string().c_str());
        QCOMPARE(enc->config().patch_size, patch);
        QCOMPARE(enc->config().image_size, size);
        QCOMPARE(enc->config().layers, 1);
        QCOMPARE(enc->config().heads, 1);
        QCOMPARE(QString::fromStdString(enc->config().name()), name);
        QCOMPARE(enc->preprocess_params().image_size, size);
        clipflow::Raster img;
        img.width = 300;
        img.height = 200;
        img.channels = 3;
        img.data.assign(300 * 200 * 3, 0.5f);
        for (std::size_t i = 0; i < img.data.size(); i += 7) img.data[i] = 0.9f;
        auto f = enc->encode({img});
        QVERIFY2(f.ok(), f.status().to_string().c_str());
        QCOMPARE(f->at(0).projected.size(), std::size_t(out));
        for (float v : f->at(0).projected) QVERIFY(std::isfinite(v));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("pickle") << "weights.pickle.pt" << int(ErrorCode::UnsupportedFormat) << "pickle";
        QTest::newRow("torch.save zip") << "weights.zip.pt" << int(ErrorCode::UnsupportedFormat) << "not a TorchScript";
        QTest::newRow("missing") << "nope.safetensors" << int(ErrorCode::NotFound) << "";
        QTest::newRow("reference is not a model") << "reference.safetensors" << int(ErrorCode::InvalidArgument) << "not a CLIP";
        QTest::newRow("truncated") << "TRUNCATE:openai-f32.safetensors" << int(ErrorCode::TruncatedData) << "beyond";
        QTest::newRow("missing block tensor")
            << "DROP:visual.transformer.resblocks.1.mlp.c_fc.bias" << int(ErrorCode::InvalidArgument) << "c_fc.bias";
        QTest::newRow("wrong shape") << "RESHAPE:visual.ln_post.weight" << int(ErrorCode::InvalidArgument) << "has shape";
    }
    void refusesBadFiles()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        QString path = clipfixtures::path(file);
        if (file.startsWith(QLatin1String("TRUNCATE:"))) {
            QFile in(clipfixtures::path(file.mid(9)));
            QVERIFY(in.open(QIODevice::ReadOnly));
            path = dir.filePath(QStringLiteral("cut.safetensors"));
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(in.read(in.size() / 2));
        } else if (file.startsWith(QLatin1String("DROP:")) || file.startsWith(QLatin1String("RESHAPE:"))) {
            const bool drop = file.startsWith(QLatin1String("DROP:"));
            const std::string victim = file.mid(drop ? 5 : 8).toStdString();
            auto src =
                clipflow::SafetensorsFile::open(clipfixtures::path(QStringLiteral("openai-f32.safetensors")).toStdString());
            QVERIFY(src.ok());
            std::vector<clipflow::TensorData> tensors;
            for (const auto& t : src->tensors()) {
                if (t.name == victim && drop) continue;
                auto values = t.to_float().value();
                auto shape = t.shape;
                if (t.name == victim) {
                    values.push_back(0);
                    shape = {std::int64_t(values.size())};
                }
                tensors.push_back(clipflow::TensorData::from_floats(t.name, shape, values));
            }
            path = dir.filePath(QStringLiteral("edited.safetensors"));
            QVERIFY(clipflow::write_safetensors(path.toStdString(), tensors).ok());
        }
        auto enc = ClipEncoder::load(path.toStdString());
        QVERIFY(!enc.ok());
        QCOMPARE(int(enc.status().code()), code);
        QVERIFY2(QString::fromStdString(enc.status().message()).contains(mentions), enc.status().message().c_str());
    }

private:
    std::optional<clipfixtures::Reference> ref;
};

QTEST_GUILESS_MAIN(TestClipEncoder)
#include "tst_clipencoder.moc"
