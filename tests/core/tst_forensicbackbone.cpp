// The weight-free forensic backbone: fixed dimension, finite values on any
// raster, the documented views, determinism, and sensitivity to up-sampling.

#include "syntheticimages.h"

#include <clipflow/forensicbackbone.h>

#include <QTest>

#include <cmath>

class TestForensicBackbone : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void views_data()
    {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("views");
        QTest::addColumn<int>("viewW");
        QTest::addColumn<int>("viewH");
        QTest::newRow("small, whole") << 130 << 98 << 1 << 130 << 98;
        QTest::newRow("exactly 256") << 256 << 256 << 1 << 256 << 256;
        QTest::newRow("wide") << 700 << 200 << 2 << 256 << 200;
        QTest::newRow("large") << 640 << 480 << 4 << 256 << 256;
    }

    void views()
    {
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(int, views);
        QFETCH(int, viewW);
        QFETCH(int, viewH);
        const clipflow::ForensicBackbone bb;
        const auto v = bb.scoring_views(testimages::pink_noise(w, h, 1));
        QCOMPARE(int(v.size()), views);
        for (const auto& r : v) {
            QCOMPARE(r.width, viewW);
            QCOMPARE(r.height, viewH);
        }
        const auto t = bb.training_view(testimages::pink_noise(w, h, 1), 99);
        QCOMPARE(t.width, std::min(w, 256));
        QCOMPARE(t.height, std::min(h, 256));
    }

    void finiteOnAnyRaster_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("constant grey") << 0;
        QTest::newRow("all black") << 1;
        QTest::newRow("all white rgb") << 2;
        QTest::newRow("pink noise") << 3;
        QTest::newRow("out of range values") << 4;
    }

    void finiteOnAnyRaster()
    {
        QFETCH(int, kind);
        clipflow::Raster r = testimages::pink_noise(64, 48, 3, kind == 0 || kind == 1 ? 1 : 3);
        for (float& v : r.data) {
            if (kind == 0) v = 0.5f;
            if (kind == 1) v = 0.0f;
            if (kind == 2) v = 1.0f;
            if (kind == 4) v = v * 1e6f - 3e5f;
        }
        const clipflow::ForensicBackbone bb;
        auto f = bb.view_features(r);
        QVERIFY2(f.ok(), f.status().message().c_str());
        QCOMPARE(int(f->size()), clipflow::ForensicBackbone::kDim);
        QCOMPARE(bb.dim(), clipflow::ForensicBackbone::kDim);
        for (float v : *f) QVERIFY(std::isfinite(v));
    }

    void deterministic()
    {
        const clipflow::ForensicBackbone bb;
        const auto img = testimages::pink_noise(300, 300, 4);
        auto a = bb.features(bb.scoring_views(img)), b = bb.features(bb.scoring_views(img));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(*a == *b);
        QVERIFY(bb.training_view(img, 5).data == bb.training_view(img, 5).data);
        QVERIFY(bb.training_view(img, 5).data != bb.training_view(img, 6).data);
    }

    void seesUpsampling()
    {
        // The periodicity profile (values 64..95) near 0.5 cycles/px rises after 2x nearest up-sampling.
        const clipflow::ForensicBackbone bb;
        const auto photo = testimages::pink_noise(256, 256, 8);
        const auto up = testimages::upsample2(testimages::pink_noise(128, 128, 8));
        auto a = bb.view_features(photo), b = bb.view_features(up);
        QVERIFY(a.ok() && b.ok());
        const float last_a = (*a)[64 + 31] - (*a)[64 + 28], last_b = (*b)[64 + 31] - (*b)[64 + 28];
        QVERIFY2(last_b - last_a > 0.3f, qPrintable(QStringLiteral("%1 vs %2").arg(last_a).arg(last_b)));
    }

    void refusesTinyViews()
    {
        const clipflow::ForensicBackbone bb;
        QCOMPARE(bb.view_features(testimages::pink_noise(15, 40, 1)).status().code(), clipflow::ErrorCode::InvalidArgument);
    }

    void identity()
    {
        const clipflow::ForensicBackbone bb;
        QCOMPARE(bb.id(), std::string("forensic-v1"));
        QCOMPARE(bb.type(), std::string("forensic"));
        QVERIFY(bb.weights_sha256().empty());
        QVERIFY(bb.params_json().find("\"dim\":136") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestForensicBackbone)
#include "tst_forensicbackbone.moc"
