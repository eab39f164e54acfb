// The French, German, Spanish and Simplified Chinese catalogues are complete,
// keep every placeholder, compile, load, and reach the window (with Qt's own).

#include <mainwindow.h>
#include <translations.h>

#include <QApplication>
#include <QDialogButtonBox>
#include <QDomDocument>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace clipflow::app;

namespace {

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(n|\\d+)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();) found.insert(it.next().captured(0));
    return found;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { Translations::uninstall(*qApp); }

    void languages_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("file"); // the File menu's title
        QTest::addColumn<QString>("cancel");
        QTest::newRow("French") << QStringLiteral("fr") << QStringLiteral("&Fichier") << QStringLiteral("Annuler");
        QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("&Datei") << QStringLiteral("Abbrechen");
        QTest::newRow("Spanish") << QStringLiteral("es") << QStringLiteral("&Archivo") << QStringLiteral("Cancelar");
        QTest::newRow("Simplified Chinese") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)") << QStringLiteral("取消");
    }

    // Every message has a finished translation with the source's placeholders.
    void catalogueIsComplete_data() { languages_data(); }
    void catalogueIsComplete()
    {
        QFETCH(QString, lang);
        QFile f(QStringLiteral(CLIPFLOW_SOURCE_DIR "/translations/clipflow_%1.ts").arg(lang));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QDomDocument doc;
        QVERIFY(doc.setContent(&f));
        const QDomNodeList messages = doc.elementsByTagName(QStringLiteral("message"));
        QVERIFY(messages.count() > 250);
        for (int i = 0; i < messages.count(); ++i) {
            const QDomElement m = messages.at(i).toElement();
            const QString source = m.firstChildElement(QStringLiteral("source")).text();
            const QDomElement tr = m.firstChildElement(QStringLiteral("translation"));
            QVERIFY2(tr.attribute(QStringLiteral("type")).isEmpty(), qPrintable(lang + u' ' + source));
            QStringList forms;
            if (m.attribute(QStringLiteral("numerus")) == QLatin1String("yes"))
                for (QDomElement n = tr.firstChildElement(); !n.isNull(); n = n.nextSiblingElement()) forms << n.text();
            else
                forms << tr.text();
            for (const QString& t : std::as_const(forms)) {
                QVERIFY2(!t.isEmpty(), qPrintable(lang + u' ' + source));
                QVERIFY2(placeholders(t) == placeholders(source), qPrintable(lang + QStringLiteral(": ") + source + u'|' + t));
            }
        }
    }

    void windowSpeaksTheLanguage_data() { languages_data(); }
    void windowSpeaksTheLanguage()
    {
        QFETCH(QString, lang);
        QFETCH(QString, file);
        QFETCH(QString, cancel);
        const QString loaded = Translations::install(*qApp, lang);
        QVERIFY2(loaded.startsWith(lang), qPrintable(loaded));
        MainWindow w;
        QCOMPARE(w.menuBar()->actions().value(0)->text(), file);
        // Qt's own strings come with it.
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), cancel);
        Translations::uninstall(*qApp);
        MainWindow english;
        QCOMPARE(english.menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
    }

    void unknownLanguageFallsBackToEnglish()
    {
        QCOMPARE(Translations::install(*qApp, QStringLiteral("tlh")), QStringLiteral("en"));
        QCOMPARE(Translations::install(*qApp, QStringLiteral("en")), QStringLiteral("en"));
        MainWindow w;
        QCOMPARE(w.menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
