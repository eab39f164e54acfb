// The model card an analyst reads in the window and the report: what a
// supervised detector's false-positive rate rests on, calibrated or not, and
// how either kind of detector reads an image's orientation.

#include <modelcard.h>

#include <QTest>
#include <QTextDocument>

#include <cmath>

using namespace clipflow;
using namespace clipflow::app;

class TestModelCard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void supervisedFalsePositiveRate_data()
    {
        QTest::addColumn<int>("photos"); // natural photos it was calibrated on; 0: none
        QTest::addColumn<QString>("says");
        QTest::newRow("as trained") << 0 << "Not bounded: flagged at p_ai of 0.5 or more";
        QTest::newRow("calibrated on 100 photos") << 100
                                                  << "At most 5.0% of natural photos are flagged, with 95% confidence "
                                                     "given 100 natural photos it never saw";
        // Too few for the bound: the card must not claim one.
        QTest::newRow("calibrated on 40 photos") << 40 << "Not bounded";
    }
    void supervisedFalsePositiveRate()
    {
        QFETCH(int, photos);
        QFETCH(QString, says);
        SupervisedModelInfo info;
        info.model_id = "sv-000000000001";
        info.mode = "mlp";
        info.classes = {"real", "gen"};
        if (photos > 0) {
            std::vector<double> odds;
            for (int i = 0; i < photos; ++i) odds.push_back(2.0 + std::sin(double(i))); // log(p_real / p_ai), all > 1
            auto cal = Calibration::build(odds, {});
            QVERIFY2(cal.ok(), cal.status().message().c_str());
            info.calibration = *cal;
        }
        QTextDocument doc;
        doc.setHtml(ModelCard::html(info, QStringLiteral("/models/x.safetensors")));
        const QString text = doc.toPlainText().simplified();
        QVERIFY2(text.contains(says), qPrintable(text));
        if (photos >= 59) {
            // The p_ai the threshold amounts to: log odds t <=> p_ai = 1 / (1 + e^t).
            const double p_ai = 1.0 / (1.0 + std::exp(info.calibration->threshold()));
            QVERIFY2(text.contains(QStringLiteral("p_ai above %1").arg(p_ai, 0, 'f', 3)), qPrintable(text));
        }
    }

    // Both kinds state how they read an image's orientation, each from its own file.
    void orientation_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("orientation");
        QTest::addColumn<QString>("says");
        for (const char* kind : {"clipflow", "supervised"}) {
            QTest::addRow("%s as stored", kind) << kind << "stored"
                                                << "Orientation As stored: a photo saved turned a quarter";
            QTest::addRow("%s either", kind) << kind << "either"
                                             << "Orientation Either: each view is read as it is and transposed";
        }
    }
    void orientation()
    {
        QFETCH(QString, kind);
        QFETCH(QString, orientation);
        QFETCH(QString, says);
        QString html;
        if (kind == QLatin1String("clipflow")) {
            ClipFlowModelInfo info;
            info.model_id = "cf-000000000001";
            info.orientation = orientation.toStdString();
            html = ModelCard::html(info, QStringLiteral("/models/x.safetensors"));
        } else {
            SupervisedModelInfo info;
            info.model_id = "sv-000000000001";
            info.mode = "mlp";
            info.classes = {"real", "gen"};
            info.orientation = orientation.toStdString();
            html = ModelCard::html(info, QStringLiteral("/models/x.safetensors"));
        }
        QTextDocument doc;
        doc.setHtml(html);
        const QString text = doc.toPlainText().simplified();
        QVERIFY2(text.contains(says), qPrintable(text));
    }

    // A CLIP-Flow detector with a second reading names its backbone and flow; one without says nothing of it.
    void secondReading_data()
    {
        QTest::addColumn<bool>("second");
        QTest::newRow("one reading") << false;
        QTest::newRow("two readings") << true;
    }
    void secondReading()
    {
        QFETCH(bool, second);
        ClipFlowModelInfo info;
        info.model_id = "cf-000000000001";
        info.backbone_id = "forensic-v2";
        info.training_json = R"({"holdout_proxy_auc": 0.9714})";
        if (second) {
            SecondReading r;
            r.model_id = "cf-00000000beef";
            r.backbone.backbone_id = "forensic-v2";
            r.backbone.backbone_type = "forensic-v2";
            r.backbone.backbone_weights_sha256 = std::string(64, 'e');
            info.second_reading = r;
        }
        QTextDocument doc;
        doc.setHtml(ModelCard::html(info, QStringLiteral("/models/x.safetensors")));
        const QString text = doc.toPlainText().simplified();
        QCOMPARE(text.contains(QStringLiteral("Second reading forensic-v2 (forensic-v2)")), second);
        QCOMPARE(text.contains(QStringLiteral("weights SHA-256 eeeeeeeeeeeeeeee; flow of cf-00000000beef")), second);
        // The proxies were measured by the first flow alone; a joined file must not pass that off as its own.
        QVERIFY2(text.contains(QStringLiteral("Held-out proxy AUC 0.971")), qPrintable(text));
        QCOMPARE(text.contains(QStringLiteral("0.971 (the first reading alone)")), second);
    }
};

QTEST_MAIN(TestModelCard)
#include "tst_modelcard.moc"
