// C2PA on real Content Credentials files (../shared/data/c2pa, from the C2PA
// reference implementation's fixtures): their verdicts match what that
// project's reader reports, and the tampered copies made here fail the check
// they should — a changed image byte the binding, a changed signature byte the
// signature, a removed store everything.

#include <clipflow/c2pa.h>
#include <clipflow/provenance.h>

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

using Bytes = std::vector<std::uint8_t>;
Q_DECLARE_METATYPE(Bytes)

namespace {

const QString kDir = QStringLiteral(CLIPFLOW_DEV_DATA "/../c2pa");

Bytes read(const QString& name)
{
    QFile f(kDir + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QByteArray b = f.readAll();
    return Bytes(b.begin(), b.end());
}

// The JPEG without its APP11 segments.
Bytes strip_app11(const Bytes& b)
{
    Bytes out(b.begin(), b.begin() + 2);
    std::size_t pos = 2;
    while (pos + 4 <= b.size() && b[pos] == 0xFF && b[pos + 1] != 0xDA) {
        const std::size_t len = (std::size_t{b[pos + 2]} << 8) | b[pos + 3];
        if (b[pos + 1] != 0xEB) out.insert(out.end(), b.begin() + long(pos), b.begin() + long(pos + 2 + len));
        pos += 2 + len;
    }
    out.insert(out.end(), b.begin() + long(pos), b.end());
    return out;
}

// PEM of the intermediate CA: the second DER certificate of the signature's x5chain, found in the file's bytes.
std::string intermediate_pem(const Bytes& file)
{
    // DER certificates start 30 82 LL LL 30 82; the chain's second one is the intermediate CA.
    int seen = 0;
    for (std::size_t i = 0; i + 8 < file.size(); ++i) {
        if (file[i] == 0x30 && file[i + 1] == 0x82 && file[i + 4] == 0x30 && file[i + 5] == 0x82 && i >= 3 &&
            file[i - 3] == 0x59) { // preceded by a CBOR byte-string header of two length bytes
            const std::size_t len = (std::size_t{file[i + 2]} << 8 | file[i + 3]) + 4;
            if (++seen == 2) {
                const QByteArray der(reinterpret_cast<const char*>(&file[i]), qsizetype(len));
                QString pem = QStringLiteral("-----BEGIN CERTIFICATE-----\n");
                const QByteArray b64 = der.toBase64();
                for (qsizetype k = 0; k < b64.size(); k += 64) pem += QString::fromLatin1(b64.mid(k, 64)) + QLatin1Char('\n');
                return (pem + QStringLiteral("-----END CERTIFICATE-----\n")).toStdString();
            }
        }
    }
    return {};
}

} // namespace

class TestC2paSamples : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (read(QStringLiteral("C.jpg")).empty())
            QSKIP(qPrintable(
                QStringLiteral("C2PA samples not found at %1 (they live beside the repository in shared/data/c2pa)").arg(kDir)));
    }

    void verdicts_data()
    {
        QTest::addColumn<Bytes>("file");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("expected"); // signature/assertions/binding
        QTest::addColumn<QString>("code");
        const Bytes c = read(QStringLiteral("C.jpg")), ca = read(QStringLiteral("CA.jpg"));
        QTest::newRow("C.jpg") << c << true << "valid/valid/valid"
                               << "assertion.dataHash.match";
        QTest::newRow("CA.jpg (with an ingredient)") << ca << true << "valid/valid/valid"
                                                     << "claimSignature.validated";
        QTest::newRow("earth_apollo17.jpg (none)") << read(QStringLiteral("earth_apollo17.jpg")) << false << ""
                                                   << "";
        Bytes pixel = c;
        pixel[pixel.size() - 100] ^= 0x01; // entropy-coded data, far from the manifest
        QTest::newRow("C.jpg, one image byte changed") << pixel << true << "valid/valid/invalid"
                                                       << "assertion.dataHash.mismatch";
        Bytes sig = c;
        // The COSE signature is the last byte string of the signature box (512 bytes for PS256): change its middle.
        const Bytes tag{0x59, 0x02, 0x00}; // bstr of 512 bytes
        const auto at = std::find_end(sig.begin(), sig.end(), tag.begin(), tag.end());
        QVERIFY(at != sig.end());
        *(at + 200) ^= 0x01;
        QTest::newRow("C.jpg, one signature byte changed") << sig << true << "invalid/valid/valid"
                                                           << "claimSignature.mismatch";
        QTest::newRow("C.jpg, manifest removed") << strip_app11(c) << false << ""
                                                 << "";
    }

    void verdicts()
    {
        QFETCH(Bytes, file);
        QFETCH(bool, present);
        QFETCH(QString, expected);
        QFETCH(QString, code);
        QVERIFY(!file.empty());
        const auto r = clipflow::read_c2pa(file);
        QCOMPARE(r.present, present);
        if (!present) {
            QCOMPARE(QString::fromStdString(r.to_json()), QStringLiteral("{\"present\":false}"));
            return;
        }
        QVERIFY2(r.active, r.error.c_str());
        const auto& m = *r.active;
        QCOMPARE(QStringLiteral("%1/%2/%3")
                     .arg(QLatin1String(clipflow::to_string(m.signature)), QLatin1String(clipflow::to_string(m.assertions)),
                          QLatin1String(clipflow::to_string(m.binding))),
                 expected);
        QVERIFY2(std::find(m.status_codes.begin(), m.status_codes.end(), code.toStdString()) != m.status_codes.end(),
                 r.to_json().c_str());
        QCOMPARE(m.claim_generator, std::string("make_test_images/0.33.1 c2pa-rs/0.33.1"));
        QCOMPARE(m.signature_algorithm, std::string("PS256"));
        QCOMPARE(m.signer_name, std::string("C2PA Test Signing Cert"));
        QVERIFY(QString::fromStdString(m.signer_issuer).contains(QStringLiteral("CN=Intermediate CA")));
        QVERIFY2(m.signing_time.rfind("20", 0) == 0, m.signing_time.c_str()); // from the RFC 3161 token
        QCOMPARE(std::string(to_string(m.trust)),
                 std::string(m.signature == clipflow::C2paCheck::Valid ? "untrusted" : "invalid"));
        QVERIFY(!m.actions.empty());
    }

    void ingredient()
    {
        const auto r = clipflow::read_c2pa(read(QStringLiteral("CA.jpg")));
        QVERIFY(r.active);
        QCOMPARE(r.active->ingredients.size(), std::size_t{1});
        QCOMPARE(r.active->ingredients[0].title, std::string("A.jpg"));
        QCOMPARE(r.active->ingredients[0].relationship, std::string("parentOf"));
        QCOMPARE(r.active->actions.front().action, std::string("c2pa.opened"));
        const auto c = clipflow::read_c2pa(read(QStringLiteral("C.jpg")));
        QCOMPARE(c.digital_source_type(), std::string("algorithmicMedia"));
        QVERIFY(!c.declares_ai()); // procedural, not a trained model
    }

    void trustAnchors_data()
    {
        QTest::addColumn<bool>("add_intermediate");
        QTest::addColumn<QString>("trust");
        QTest::newRow("no anchors") << false << "untrusted";
        QTest::newRow("its intermediate CA added") << true << "trusted";
    }

    void trustAnchors()
    {
        QFETCH(bool, add_intermediate);
        QFETCH(QString, trust);
        const Bytes c = read(QStringLiteral("C.jpg"));
        clipflow::C2paParams p;
        if (add_intermediate) p.trust_anchors_pem = intermediate_pem(c);
        QVERIFY(!add_intermediate || !p.trust_anchors_pem.empty());
        const auto r = clipflow::read_c2pa(c, p);
        QVERIFY(r.active);
        QCOMPARE(QLatin1String(clipflow::to_string(r.active->trust)), trust);
        const auto prov = clipflow::read_provenance(c, {}, [&] {
            clipflow::ProvenanceParams pp;
            pp.c2pa = p;
            return pp;
        }());
        QVERIFY(prov);
        QVERIFY(prov->summary().rfind("C2PA \u2713 C2PA Test Signing Cert", 0) == 0);
    }
};

QTEST_GUILESS_MAIN(TestC2paSamples)
#include "tst_c2pasamples.moc"
