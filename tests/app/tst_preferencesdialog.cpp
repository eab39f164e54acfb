// PreferencesDialog: the C2PA trust-anchor file is checked as it is typed and
// on OK; a file without a certificate is refused with the reason and nothing
// is saved, a good one is saved with the other settings.

#include "appsettings.h"
#include "preferencesdialog.h"

#include "../core/c2pawriter.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using clipflow::app::AppSettings;
using clipflow::app::PreferencesDialog;

class TestPreferencesDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ClipFlowTest"));
        QSettings().clear();
    }

    void trustAnchors_data()
    {
        QTest::addColumn<QString>("content"); // "pem", "junk", "missing" or "" (no file)
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("status");
        QTest::newRow("none") << "" << true << "No trust list ships";
        QTest::newRow("a certificate") << "pem" << true << "1 certificate";
        QTest::newRow("no certificate in the file") << "junk" << false << "holds no PEM certificate";
        QTest::newRow("missing file") << "missing" << false << "cannot open";
    }

    void trustAnchors()
    {
        QFETCH(QString, content);
        QFETCH(bool, accepted);
        QFETCH(QString, status);
        QTemporaryDir dir;
        const QString path = content.isEmpty() ? QString() : dir.filePath(QStringLiteral("anchors.pem"));
        if (content == QLatin1String("pem") || content == QLatin1String("junk"))
            QVERIFY(c2patest::write_file(path.toStdString(), content == QLatin1String("pem")
                                                                 ? c2patest::Signer::make("Lab").cert_pem
                                                                 : std::string("-----BEGIN CERTIFICATE-----\nnot base64\n")));
        AppSettings::setTrustAnchors(QStringLiteral("/previous.pem"));
        AppSettings::setFileTimeLimit(120);
        PreferencesDialog d;
        d.timeLimit()->setValue(30);
        d.trustAnchors()->setText(path);
        QVERIFY2(d.trustStatus()->text().contains(status), qPrintable(d.trustStatus()->text()));
        d.accept();
        QCOMPARE(d.result() == QDialog::Accepted, accepted);
        // Refused: nothing is saved, not even the other settings.
        QCOMPARE(AppSettings::trustAnchors(), accepted ? path : QStringLiteral("/previous.pem"));
        QCOMPARE(AppSettings::fileTimeLimit(), accepted ? 30.0 : 120.0);
    }

    // Robustness checks: on by default, saved with OK, left alone by Cancel.
    void robustnessChecks_data()
    {
        QTest::addColumn<bool>("check");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("saved");
        QTest::newRow("switched off") << false << true << false;
        QTest::newRow("switched off, cancelled") << false << false << true;
        QTest::newRow("kept on") << true << true << true;
    }
    void robustnessChecks()
    {
        QFETCH(bool, check);
        QFETCH(bool, ok);
        QFETCH(bool, saved);
        QSettings().remove(QStringLiteral("analysis/robustness"));
        AppSettings::setTrustAnchors(QString());
        QVERIFY(AppSettings::robustnessChecks());
        PreferencesDialog d;
        QVERIFY(d.robustness()->isChecked());
        d.robustness()->setChecked(check);
        if (ok)
            d.accept();
        else
            d.reject();
        QCOMPARE(AppSettings::robustnessChecks(), saved);
    }

    // What the report makes for every file: off by default, each saved with OK, left alone by Cancel.
    void reportFigures_data()
    {
        QTest::addColumn<bool>("maps");
        QTest::addColumn<bool>("ghosts");
        QTest::addColumn<bool>("ok");
        QTest::newRow("heat maps") << true << false << true;
        QTest::newRow("JPEG ghosts") << false << true << true;
        QTest::newRow("both, cancelled") << true << true << false;
    }
    void reportFigures()
    {
        QFETCH(bool, maps);
        QFETCH(bool, ghosts);
        QFETCH(bool, ok);
        QSettings().remove(QStringLiteral("report"));
        AppSettings::setTrustAnchors(QString());
        QVERIFY(!AppSettings::reportHeatMaps());
        QVERIFY(!AppSettings::reportGhosts());
        PreferencesDialog d;
        QVERIFY(!d.reportHeatMaps()->isChecked());
        QVERIFY(!d.reportGhosts()->isChecked());
        d.reportHeatMaps()->setChecked(maps);
        d.reportGhosts()->setChecked(ghosts);
        if (ok)
            d.accept();
        else
            d.reject();
        QCOMPARE(AppSettings::reportHeatMaps(), ok && maps);
        QCOMPARE(AppSettings::reportGhosts(), ok && ghosts);
        PreferencesDialog again; // shows what is saved
        QCOMPARE(again.reportHeatMaps()->isChecked(), ok && maps);
    }
};

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
