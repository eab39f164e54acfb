// Sha256 against published vectors and against Qt's independent implementation.

#include <clipflow/sha256.h>

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

class TestSha256 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }
    void knownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        const auto* p = reinterpret_cast<const std::uint8_t*>(input.constData());
        QCOMPARE(QString::fromStdString(clipflow::Sha256::hex({p, static_cast<std::size_t>(input.size())})), digest);
    }

    void matchesQt_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("chunk");
        for (int size : {1, 63, 64, 65, 1000, 1 << 20})
            for (int chunk : {1, 7, 4096}) QTest::addRow("%d bytes in %d-byte pieces", size, chunk) << size << chunk;
    }
    void matchesQt()
    {
        QFETCH(int, size);
        QFETCH(int, chunk);
        QByteArray data(size, Qt::Uninitialized);
        QRandomGenerator rng(size * 31 + chunk);
        for (char& c : data) c = static_cast<char>(rng.bounded(256));
        clipflow::Sha256 h;
        const auto* p = reinterpret_cast<const std::uint8_t*>(data.constData());
        for (int off = 0; off < size; off += chunk) h.update({p + off, static_cast<std::size_t>(std::min(chunk, size - off))});
        QCOMPARE(QString::fromStdString(h.finish_hex()),
                 QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
