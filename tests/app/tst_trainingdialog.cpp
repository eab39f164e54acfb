// The training dialog drives a real CLIP-Flow training job on a worker thread:
// live curve, cancel, resume from the checkpoint, calibrated model at the end;
// and the forensic-v2 backbone's training, whose weights become a Backbone choice.

#include <trainingdialog.h>

#include <clipflow/clipflowmodel.h>
#include <clipflow/learnedbackbone.h>
#include <clipflow/sha256.h>
#include <clipflow/widgets/trainingmonitor.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace clipflow;
using namespace clipflow::app;

namespace {

// Smooth random colour fields: texture without periodic traces, reproducible.
void write_photos(const QString& dir, int n, int side = 160)
{
    QRandomGenerator rng(7);
    for (int i = 0; i < n; ++i) {
        QImage coarse(10, 10, QImage::Format_RGB32);
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 10; ++x) coarse.setPixel(x, y, rng.generate() | 0xff000000u);
        QImage img = coarse.scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                QColor c = img.pixelColor(x, y);
                const int d = int(rng.bounded(13)) - 6;
                c.setRgb(std::clamp(c.red() + d, 0, 255), std::clamp(c.green() + d, 0, 255), std::clamp(c.blue() + d, 0, 255));
                img.setPixelColor(x, y, c);
            }
        QVERIFY(img.save(dir + QStringLiteral("/p%1.png").arg(i, 2, 10, QLatin1Char('0'))));
    }
}

QPushButton* button(QDialog& d, const QString& text)
{
    for (auto* b : d.findChildren<QPushButton*>())
        if (b->text() == text) return b;
    return nullptr;
}

} // namespace

class TestTrainingDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(photos_.isValid());
        write_photos(photos_.path(), 48);
    }

    void trainsAndRegisters_data()
    {
        QTest::addColumn<int>("epochs");
        QTest::addColumn<int>("bound"); // the False-positive bound's item, in TrainingRequest::Bound's order
        QTest::addColumn<QString>("scope");
        QTest::addColumn<double>("strength"); // the decoder proxies' least strength; 1: whole
        QTest::addColumn<bool>("either");     // read in either orientation (the default)
        QTest::newRow("3 epochs, photos as taken") << 3 << 0 << QString() << 1.0 << true;
        QTest::newRow("12 epochs, one threshold for delivered photos too")
            << 12 << 1 << QStringLiteral("everywhere") << 1.0 << true;
        QTest::newRow("6 epochs, small JPEG copies read on their own") << 6 << 2 << QStringLiteral("copies") << 1.0 << true;
        QTest::newRow("3 epochs, decoder proxies weakened to 0.25") << 3 << 0 << QString() << 0.25 << true;
        QTest::newRow("3 epochs, read as stored") << 3 << 0 << QString() << 1.0 << false;
    }
    void trainsAndRegisters()
    {
        QFETCH(int, epochs);
        QFETCH(int, bound);
        QFETCH(QString, scope);
        QFETCH(double, strength);
        QFETCH(bool, either);
        QTemporaryDir out;
        TrainingDialog dialog;
        QVERIFY(!button(dialog, QStringLiteral("Start"))->isEnabled()); // no folder yet
        dialog.addFolder(photos_.path());
        dialog.setOutputDir(out.path());
        dialog.setCacheDir(QString());
        dialog.setEpochs(epochs);
        dialog.setModelName(QStringLiteral("test-detector"));
        QCOMPARE(dialog.boundChoice()->count(), 3);
        QCOMPARE(dialog.boundChoice()->currentIndex(), 0); // as taken by default, as on the command line
        dialog.boundChoice()->setCurrentIndex(bound);
        QCOMPARE(dialog.decoderStrength()->value(), 1.0); // whole by default, as on the command line
        dialog.decoderStrength()->setValue(strength);
        QVERIFY(dialog.eitherOrientation()->isChecked()); // as the shipped detector reads
        dialog.eitherOrientation()->setChecked(either);
        QVERIFY(button(dialog, QStringLiteral("Start"))->isEnabled());
        QSignalSpy ready(&dialog, &TrainingDialog::modelReady);
        QSignalSpy points(dialog.job(), &TrainingJob::trainingPoint);
        QTest::mouseClick(button(dialog, QStringLiteral("Start")), Qt::LeftButton);
        QVERIFY(dialog.isBusy()); // listing the folders, then training
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 120000);
        QVERIFY2(ready.count() == 1, qPrintable(dialog.statusText()));
        QCOMPARE(ready.at(0).at(0).toString(), dialog.outputPath());
        QVERIFY(!points.isEmpty());
        QVERIFY(dialog.monitor()->pointCount() > 0);
        QVERIFY(dialog.statusText().contains(QLatin1String("Done")));
        auto info = ClipFlowModelInfo::read(dialog.outputPath().toStdString());
        QVERIFY2(info, info.status().message().c_str());
        QVERIFY(info->calibration.natural_count() > 0); // calibrated on held-out photos
        QVERIFY(info->training_json.find("\"epochs\":" + std::to_string(epochs)) != std::string::npos);
        // The held-out photos were scored as delivered too (48 photos are too few for a 5% bound on either).
        const bool delivered = !scope.isEmpty();
        const std::string record = "\"delivered_calibration\":{\"enlarged\":false,\"quality\":85,\"scope\":\"" +
                                   scope.toStdString() + "\",\"side\":512}";
        QCOMPARE(info->training_json.find(record) != std::string::npos, delivered);
        QCOMPARE(info->calibration.delivered_scores().empty(), !delivered);
        // The scope reaches the calibration itself (too few photos here for copies to be read on their own).
        QCOMPARE(info->calibration.delivered_scope() == clipflow::DeliveredScope::Copies, scope == QLatin1String("copies"));
        // The strength reaches the proxies: recorded only when they were weakened.
        QCOMPARE(info->proxy_json.find("\"decoder_strength\":[0.25,1.0]") != std::string::npos, strength < 1.0);
        // The orientation reaches the model.
        QCOMPARE(info->orientation, std::string(either ? "either" : "stored"));
    }

    // A second reading as the shipped detector's: offered on forensic-v2 only, it rules out the
    // bound for photos as taken (joining reads them delivered) and its file reads twice.
    void readsTwice()
    {
        QTemporaryDir out;
        TrainingDialog dialog;
        dialog.addFolder(photos_.path());
        dialog.setOutputDir(out.path());
        dialog.setCacheDir(QString());
        dialog.setEpochs(3);
        dialog.setModelName(QStringLiteral("twice"));
        QCheckBox* second = dialog.secondReading();
        QVERIFY(second->isVisibleTo(&dialog));
        QVERIFY(!second->isEnabled() && !second->isChecked()); // the default backbone is forensic-v1
        const int v2 = dialog.backboneChoice()->findData(QStringLiteral("forensic-v2:"), Qt::UserRole, Qt::MatchStartsWith);
        QVERIFY(v2 >= 0);
        dialog.backboneChoice()->setCurrentIndex(v2);
        QVERIFY(second->isEnabled());
        auto* bounds = qobject_cast<QStandardItemModel*>(dialog.boundChoice()->model());
        QVERIFY(bounds && bounds->item(0)->isEnabled());
        second->setChecked(true);
        QCOMPARE(dialog.boundChoice()->currentIndex(), 2); // per kind, as the shipped detector
        QVERIFY(!bounds->item(0)->isEnabled());
        second->setChecked(false);
        QVERIFY(bounds->item(0)->isEnabled());
        second->setChecked(true);
        dialog.boundChoice()->setCurrentIndex(1);
        QSignalSpy readings(dialog.job(), &TrainingJob::readingChanged);
        QSignalSpy ready(&dialog, &TrainingDialog::modelReady);
        dialog.startTraining();
        QVERIFY(!second->isEnabled()); // not while it runs
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 300000);
        QVERIFY2(ready.count() == 1, qPrintable(dialog.statusText()));
        QCOMPARE(readings.count(), 3);
        for (int i = 0; i < 3; ++i) QCOMPARE(readings.at(i).at(0).toInt(), i + 1);
        auto info = ClipFlowModelInfo::read(dialog.outputPath().toStdString());
        QVERIFY2(info, info.status().message().c_str());
        QVERIFY(info->second_reading.has_value());
        QCOMPARE(info->second_reading->backbone.backbone_id, std::string("forensic-v2"));
        QVERIFY(info->second_reading->backbone.backbone_weights_sha256 != info->backbone_weights_sha256); // the halved network
        QCOMPARE(info->calibration.delivered_scope(), clipflow::DeliveredScope::Everywhere);
        QVERIFY(!QFile::exists(dialog.outputPath() + QStringLiteral(".reading1"))); // the readings' own files are gone
        // Another backbone: no second reading.
        dialog.backboneChoice()->setCurrentIndex(0);
        QVERIFY(!second->isEnabled() && !second->isChecked());
    }

    void cancelThenResume()
    {
        QTemporaryDir out;
        TrainingDialog dialog;
        dialog.addFolder(photos_.path());
        dialog.setOutputDir(out.path());
        dialog.setCacheDir(QString());
        // Long enough to cancel mid-run; sanitizer runs (5-20x slower) need far fewer epochs for that.
        bool set = false;
        const int long_run = qEnvironmentVariableIntValue("CLIPFLOW_TEST_LONG_EPOCHS", &set);
        dialog.setEpochs(set && long_run > 2 ? long_run : 300);
        dialog.setModelName(QStringLiteral("resumed"));
        QSignalSpy finished(dialog.job(), &TrainingJob::finished);
        QSignalSpy points(dialog.job(), &TrainingJob::trainingPoint);
        dialog.startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(!points.isEmpty() && points.last().at(0).toDouble() >= 2.0, 120000);
        QTest::mouseClick(button(dialog, QStringLiteral("Cancel training")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(TrainingJob::canResume(dialog.outputPath()));
        QVERIFY2(dialog.statusText().contains(QLatin1String("resume")), qPrintable(dialog.statusText()));
        QPushButton* resume = button(dialog, QStringLiteral("Resume"));
        QVERIFY(resume && resume->isEnabled());
        const double stopped_at = points.last().at(0).toDouble();
        points.clear();
        QSignalSpy ready(&dialog, &TrainingDialog::modelReady);
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 300000);
        QVERIFY2(ready.count() == 1, qPrintable(dialog.statusText()));
        // Resumed, not restarted: the first new point is past where it stopped, less one epoch.
        QVERIFY(!points.isEmpty());
        QVERIFY2(points.first().at(0).toDouble() >= stopped_at - 1.0,
                 qPrintable(QString::number(points.first().at(0).toDouble())));
        QVERIFY(ClipFlowModelInfo::read(dialog.outputPath().toStdString()).ok());
        QVERIFY(!TrainingJob::canResume(dialog.outputPath())); // the checkpoint is cleaned up
    }

    void trainsBackbone_data()
    {
        QTest::addColumn<int>("steps");
        QTest::addColumn<double>("strength");
        QTest::addColumn<bool>("halved");
        QTest::newRow("10 steps") << 10 << 1.0 << false;
        QTest::newRow("30 steps, decoder proxies weakened to 0.5, chroma halved") << 30 << 0.5 << true;
    }
    void trainsBackbone()
    {
        QFETCH(int, steps);
        QFETCH(double, strength);
        QFETCH(bool, halved);
        QTemporaryDir photos, out;
        write_photos(photos.path(), 12, 320);
        TrainingDialog dialog;
        dialog.addFolder(photos.path());
        dialog.setOutputDir(out.path());
        dialog.setTrainBackbone(true);
        dialog.setSteps(steps);
        QVERIFY(dialog.decoderStrength()->isVisibleTo(&dialog));    // shown for both kinds of training
        QVERIFY(!dialog.eitherOrientation()->isVisibleTo(&dialog)); // a detector's reading, not the backbone's
        dialog.decoderStrength()->setValue(strength);
        QVERIFY(dialog.halveChroma()->isVisibleTo(&dialog));
        QVERIFY(!dialog.halveChroma()->isChecked()); // full chroma by default, as on the command line
        dialog.halveChroma()->setChecked(halved);
        dialog.setModelName(QStringLiteral("my-backbone"));
        QVERIFY(dialog.windowTitle().contains(QLatin1String("backbone")));
        const int choices = dialog.backboneChoice()->count();
        QSignalSpy ready(&dialog, &TrainingDialog::backboneReady);
        QSignalSpy detectors(&dialog, &TrainingDialog::modelReady);
        QSignalSpy losses(dialog.job(), &TrainingJob::lossPoint);
        QTest::mouseClick(button(dialog, QStringLiteral("Start")), Qt::LeftButton);
        QVERIFY(dialog.isBusy()); // listing the folders, then training
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 120000);
        QVERIFY2(ready.count() == 1, qPrintable(dialog.statusText()));
        QCOMPARE(detectors.count(), 0); // weights, not a detector
        QCOMPARE(ready.at(0).at(0).toString(), dialog.outputPath());
        QVERIFY(!losses.isEmpty());
        QCOMPARE(losses.last().at(0).toInt(), steps);
        QVERIFY(dialog.monitor()->pointCount() > 0);
        auto weights = LearnedBackbone::load(dialog.outputPath().toStdString());
        QVERIFY2(weights, weights.status().message().c_str());
        QVERIFY((*weights)->info().recipe_json.find("\"steps\":" + std::to_string(steps)) != std::string::npos);
        QVERIFY((*weights)->info().recipe_json.find("init_sha256") == std::string::npos); // from random weights
        QCOMPARE((*weights)->info().recipe_json.find("\"decoder_strength\":[0.5,1.0]") != std::string::npos, strength < 1.0);
        QCOMPARE((*weights)->info().recipe_json.find("\"chroma\":\"halved\"") != std::string::npos, halved);
        // The new weights are offered for the next detector, and to train further from.
        QCOMPARE(dialog.backboneChoice()->count(), choices + 1);
        QCOMPARE(dialog.backboneChoice()->itemData(choices).toString(), QStringLiteral("forensic-v2:") + dialog.outputPath());
        QVERIFY(!TrainingJob::canResume(dialog.outputPath()));
        const int last = dialog.startChoice()->count() - 1;
        QCOMPARE(dialog.startChoice()->itemData(last).toString(), dialog.outputPath());

        // Trained further from them: the recipe names the weights it started from.
        const QString first = dialog.outputPath();
        auto first_sha = Sha256::file_hex(first.toStdString());
        QVERIFY(first_sha.ok());
        dialog.halveChroma()->setChecked(!halved);
        dialog.startChoice()->setCurrentIndex(last);
        QCOMPARE(dialog.halveChroma()->isChecked(), halved); // follows the weights it starts from
        dialog.setModelName(QStringLiteral("my-backbone-2"));
        QTest::mouseClick(button(dialog, QStringLiteral("Start")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 120000);
        QCOMPARE(ready.count(), 2);
        auto further = LearnedBackbone::load(dialog.outputPath().toStdString());
        QVERIFY2(further, further.status().message().c_str());
        QVERIFY((*further)->info().recipe_json.find("\"init_sha256\":\"" + *first_sha + "\"") != std::string::npos);
    }

    void refusesTooFewPhotos_data()
    {
        QTest::addColumn<int>("photos");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty folder") << 0 << QStringLiteral("Not started: No images in");
        QTest::newRow("too few to calibrate") << 12 << QStringLiteral("need at least 10");
    }
    void refusesTooFewPhotos()
    {
        QFETCH(int, photos);
        QFETCH(QString, why);
        QTemporaryDir few, out;
        write_photos(few.path(), photos);
        TrainingDialog dialog;
        dialog.addFolder(few.path());
        dialog.setOutputDir(out.path());
        dialog.setCacheDir(QString());
        QSignalSpy ready(&dialog, &TrainingDialog::modelReady);
        dialog.startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 60000);
        QVERIFY2(dialog.statusText().contains(why), qPrintable(dialog.statusText()));
        QCOMPARE(ready.count(), 0);
        QVERIFY(!QFile::exists(dialog.outputPath()));
    }

    // Start lists the folders off the GUI thread: the dialog answers at once, the job starts when
    // the listing is done, and Cancel or closing stops a listing at its next sub-folder.
    void listsFoldersOffTheGuiThread_data()
    {
        QTest::addColumn<QString>("then");
        QTest::newRow("let it start") << QStringLiteral("start");
        QTest::newRow("cancel while listing") << QStringLiteral("cancel");
        QTest::newRow("close while listing") << QStringLiteral("close");
    }
    void listsFoldersOffTheGuiThread()
    {
        QFETCH(QString, then);
        QTemporaryDir tree, out;
        for (const QString& f : QDir(photos_.path()).entryList(QDir::Files))
            QVERIFY(QFile::copy(photos_.path() + u'/' + f, tree.path() + u'/' + f));
        for (int i = 0; i < 2000; ++i) QVERIFY(QDir(tree.path()).mkpath(QStringLiteral("d%1/e").arg(i)));
        QVERIFY(QFile::copy(tree.path() + QStringLiteral("/p00.png"), tree.path() + QStringLiteral("/d1999/e/deep.png")));
        auto dialog = std::make_unique<TrainingDialog>();
        dialog->addFolder(tree.path());
        dialog->setOutputDir(out.path());
        dialog->setCacheDir(QString());
        dialog->setEpochs(2);
        dialog->setModelName(QStringLiteral("listed"));
        QSignalSpy ready(dialog.get(), &TrainingDialog::modelReady);
        QTest::mouseClick(button(*dialog, QStringLiteral("Start")), Qt::LeftButton);
        // Nothing has been listed on this thread: no job yet, and every setting is locked.
        QVERIFY(dialog->isListing());
        QVERIFY(!dialog->job()->isRunning());
        QVERIFY2(dialog->statusText().contains(QLatin1String("Listing")), qPrintable(dialog->statusText()));
        QVERIFY(!button(*dialog, QStringLiteral("Start"))->isEnabled());
        QVERIFY(button(*dialog, QStringLiteral("Cancel training"))->isEnabled());
        QVERIFY(!dialog->backboneChoice()->isEnabled());
        QVERIFY(!button(*dialog, QStringLiteral("Remove"))->isEnabled()); // the folders are being read
        if (then == QLatin1String("start")) {
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 120000);
            QVERIFY2(ready.count() == 1, qPrintable(dialog->statusText()));
            auto info = ClipFlowModelInfo::read(dialog->outputPath().toStdString());
            QVERIFY2(info, info.status().message().c_str());
            // Every photo, the copy 2,000 folders down included (a duplicate: counted, trained on once).
            QVERIFY2(info->training_json.find("\"natural_files\":49") != std::string::npos,
                     info->training_json.substr(0, 400).c_str());
        } else if (then == QLatin1String("cancel")) {
            QTest::mouseClick(button(*dialog, QStringLiteral("Cancel training")), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
            QVERIFY(!dialog->job()->isRunning()); // never started
            QVERIFY2(dialog->statusText().contains(QLatin1String("Cancelled")), qPrintable(dialog->statusText()));
            QVERIFY(button(*dialog, QStringLiteral("Start"))->isEnabled());
        } else {
            QElapsedTimer timer;
            timer.start();
            dialog.reset(); // waits for the listing, which stops at its next sub-folder
            QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        }
        QCOMPARE(ready.count(), then == QLatin1String("start") ? 1 : 0);
        QCOMPARE(QFile::exists(out.path() + QStringLiteral("/listed.safetensors")), then == QLatin1String("start"));
    }

    void showsDevice()
    {
        const QString device = TrainingJob::deviceDescription();
        QVERIFY2(device.startsWith(QLatin1String("CPU")) || device.startsWith(QLatin1String("CUDA")), qPrintable(device));
        QCOMPARE(TrainingJob::deviceDescription(QStringLiteral("cpu")).left(3), QStringLiteral("CPU"));
    }

private:
    QTemporaryDir photos_;
};

QTEST_MAIN(TestTrainingDialog)
#include "tst_trainingdialog.moc"
