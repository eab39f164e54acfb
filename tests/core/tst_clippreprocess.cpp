// CLIP preprocessing against Pillow + torchvision's recipe (computed by the
// fixture script): the resize must match Pillow's bicubic bit for bit.

#include "clipfixtures.h"

#include <clipflow/clippreprocess.h>
#include <clipflow/evidence.h>

#include <QTest>

class TestClipPreprocess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        ref = clipfixtures::reference();
        QVERIFY2(ref.has_value(), "CLIP fixtures missing: run the clip_fixtures CTest first");
    }

    void matchesPillow_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < ref->images.size(); ++i) QTest::newRow(qPrintable(QFileInfo(ref->images[i]).fileName())) << i;
    }
    void matchesPillow()
    {
        QFETCH(int, index);
        auto ev = clipflow::load_evidence(ref->images[index].toStdString());
        QVERIFY(ev.ok());
        auto x = clipflow::clip_preprocess(ev->pixels);
        QVERIFY2(x.ok(), x.status().to_string().c_str());
        const std::size_t per = 3 * 224 * 224;
        QCOMPARE(x->size(), per);
        const auto inputs = ref->get("inputs");
        const float* expected = inputs.data() + per * std::size_t(index);
        // One 8-bit level after normalisation is 1/255/0.26 = 0.015: anything
        // above 1e-5 means a pixel differs from Pillow's.
        QVERIFY2(clipfixtures::max_abs_diff(x->data(), expected, per) < 1e-5,
                 qPrintable(QString::number(clipfixtures::max_abs_diff(x->data(), expected, per))));
    }

    void resizeIdentityAndUpscale_data()
    {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("ow");
        QTest::addColumn<int>("oh");
        QTest::newRow("identity") << 20 << 10 << 20 << 10;
        QTest::newRow("upscale") << 8 << 8 << 33 << 17;
        QTest::newRow("downscale") << 64 << 48 << 16 << 12;
    }
    void resizeIdentityAndUpscale()
    {
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(int, ow);
        QFETCH(int, oh);
        // A flat image stays flat through any resize (weights sum to one).
        std::vector<std::uint8_t> flat(std::size_t(w * h * 3), 77);
        const auto out = clipflow::resize_bicubic_pil(flat.data(), w, h, ow, oh);
        QCOMPARE(out.size(), std::size_t(ow * oh * 3));
        for (auto v : out) QCOMPARE(int(v), 77);
    }

    void refusesEmpty()
    {
        QCOMPARE(clipflow::clip_preprocess(clipflow::Raster{}).status().code(), clipflow::ErrorCode::InvalidArgument);
    }

private:
    std::optional<clipfixtures::Reference> ref;
};

QTEST_GUILESS_MAIN(TestClipPreprocess)
#include "tst_clippreprocess.moc"
