// C2PA Content Credentials: manifests written by an independent test writer
// (ES256, PNG caBX and JPEG APP11) verify; each kind of tampering fails the
// check it should and no other; trust follows the anchors the user adds;
// hostile stores end in a clear error. The real C2PA sample files are in
// tst_c2pasamples (label data).

#include "c2pawriter.h"

#include <clipflow/c2pa.h>
#include <clipflow/provenance.h>

#include <QBuffer>
#include <QImage>
#include <QTest>

#include <algorithm>

using c2patest::Bytes;
Q_DECLARE_METATYPE(Bytes)
Q_DECLARE_METATYPE(std::string)

namespace {

Bytes encoded(const char* format)
{
    QImage img(48, 32, QImage::Format_RGB888);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) img.setPixel(x, y, qRgb(x * 5, y * 7, (x * y) % 255));
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, format, 90);
    return Bytes(out.begin(), out.end());
}

bool has_code(const clipflow::C2paManifest& m, const std::string& code)
{
    return std::find(m.status_codes.begin(), m.status_codes.end(), code) != m.status_codes.end();
}

// Flips one byte of the first occurrence of `needle` (at `offset` within it).
Bytes flip(Bytes file, const Bytes& needle, std::size_t offset)
{
    const auto at = std::search(file.begin(), file.end(), needle.begin(), needle.end());
    if (at == file.end()) throw std::runtime_error("needle not found");
    *(at + long(offset)) ^= 0x01;
    return file;
}

// Replaces the first occurrence of `from` with `to` (same length).
Bytes replace(Bytes file, const std::string& from, const std::string& to)
{
    const auto at = std::search(file.begin(), file.end(), from.begin(), from.end());
    if (at == file.end() || from.size() != to.size()) throw std::runtime_error("replace");
    std::copy(to.begin(), to.end(), at);
    return file;
}

std::string state(const clipflow::C2paManifest& m)
{
    return std::string(clipflow::to_string(m.signature)) + "/" + clipflow::to_string(m.assertions) + "/" +
           clipflow::to_string(m.binding) + "/" + clipflow::to_string(m.trust);
}

} // namespace

class TestC2pa : public QObject {
    Q_OBJECT

private:
    c2patest::Signer signer_ = c2patest::Signer::make("ClipFlow Test Lab");

private Q_SLOTS:
    void verdicts_data()
    {
        QTest::addColumn<Bytes>("file");
        QTest::addColumn<std::string>("anchors");
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("expected"); // signature/assertions/binding/trust
        QTest::addColumn<QString>("code");     // one status code that must be there

        const Bytes png = encoded("PNG"), jpg = encoded("JPG");
        Bytes sig;
        const Bytes signed_png = c2patest::sign_png(png, signer_, {}, &sig);
        const Bytes signed_jpg = c2patest::sign_jpeg(jpg, signer_, {}, 300);
        const std::string none;
        QTest::newRow("png intact") << signed_png << none << "PNG caBX"
                                    << "valid/valid/valid/untrusted"
                                    << "claimSignature.validated";
        QTest::newRow("jpeg intact, store over many APP11 segments") << signed_jpg << none << "JPEG APP11"
                                                                     << "valid/valid/valid/untrusted"
                                                                     << "assertion.dataHash.match";
        QTest::newRow("anchor added: trusted") << signed_png << signer_.cert_pem << "PNG caBX"
                                               << "valid/valid/valid/trusted"
                                               << "signingCredential.trusted";
        const auto other = c2patest::Signer::make("Someone Else");
        QTest::newRow("another anchor: untrusted") << signed_png << other.cert_pem << "PNG caBX"
                                                   << "valid/valid/valid/untrusted"
                                                   << "signingCredential.untrusted";
        // A pixel byte: the last IDAT byte before its CRC (the PNG's end is IDAT, IEND).
        Bytes pixel = signed_png;
        pixel[pixel.size() - 12 - 5] ^= 0x01;
        QTest::newRow("pixel data changed") << pixel << none << "PNG caBX"
                                            << "valid/valid/invalid/untrusted"
                                            << "assertion.dataHash.mismatch";
        Bytes jpixel = signed_jpg;
        jpixel[jpixel.size() - 10] ^= 0x01;
        QTest::newRow("jpeg scan data changed") << jpixel << none << "JPEG APP11"
                                                << "valid/valid/invalid/untrusted"
                                                << "assertion.dataHash.mismatch";
        QTest::newRow("signature byte changed") << flip(signed_png, Bytes(sig.end() - 64, sig.end()), 10) << none << "PNG caBX"
                                                << "invalid/valid/valid/invalid"
                                                << "claimSignature.mismatch";
        QTest::newRow("assertion changed after signing")
            << replace(signed_png, "ClipFlow test generator", "ClipFlow test generat0r") << none << "PNG caBX"
            << "valid/invalid/valid/untrusted"
            << "assertion.hashedURI.mismatch";
        QTest::newRow("claim changed after signing")
            << replace(signed_png, "ClipFlow test writer", "ClipFlow test wr1ter") << none << "PNG caBX"
            << "invalid/valid/valid/invalid"
            << "claimSignature.mismatch";
        c2patest::ManifestSpec unbound;
        unbound.hard_binding = false;
        QTest::newRow("no hard binding") << c2patest::sign_png(png, signer_, unbound) << none << "PNG caBX"
                                         << "valid/valid/invalid/untrusted"
                                         << "claim.hardBindings.missing";
        c2patest::ManifestSpec flood;
        flood.repeat_references = 3000; // 6,000 references to two assertions
        QTest::newRow("claim repeats its assertions 3,000 times") << c2patest::sign_png(png, signer_, flood) << none << "PNG caBX"
                                                                  << "valid/invalid/valid/untrusted"
                                                                  << "claim.malformed";
        const auto expired = c2patest::Signer::make("Expired Lab", -3600L * 24 * 400, -3600L * 24 * 30);
        QTest::newRow("expired certificate") << c2patest::sign_png(png, expired) << expired.cert_pem << "PNG caBX"
                                             << "valid/valid/valid/invalid"
                                             << "signingCredential.expired";
    }

    void verdicts()
    {
        QFETCH(Bytes, file);
        QFETCH(std::string, anchors);
        QFETCH(QString, container);
        QFETCH(QString, expected);
        QFETCH(QString, code);
        clipflow::C2paParams p;
        p.trust_anchors_pem = anchors;
        const auto r = clipflow::read_c2pa(file, p);
        QVERIFY(r.present);
        QCOMPARE(QString::fromStdString(r.container), container);
        QVERIFY2(r.active, r.error.c_str());
        QCOMPARE(QString::fromStdString(state(*r.active)), expected);
        QVERIFY2(has_code(*r.active, code.toStdString()), r.to_json().c_str());
        QCOMPARE(r.manifest_count, std::size_t{1});
        QCOMPARE(r.active->signature_algorithm, std::string("ES256"));
        QVERIFY(r.active->signer_name == "ClipFlow Test Lab" || r.active->signer_name == "Expired Lab");
        QVERIFY(QString::fromStdString(r.active->signer_subject).contains(QStringLiteral("CN=Test Signer")));
        QCOMPARE(r.active->claim_generator.substr(0, 13), std::string("ClipFlow test"));
        // The provenance finding says where the credentials stand, in words that match the checks.
        clipflow::ProvenanceParams pp;
        pp.c2pa = p;
        const auto prov = clipflow::read_provenance(file, {}, pp);
        QVERIFY(prov);
        const bool intact = expected.startsWith(QLatin1String("valid/valid/valid/"));
        const char* standing = !intact                                          ? "do not verify"
                               : expected.endsWith(QLatin1String("/trusted"))   ? "signer you trust"
                               : expected.endsWith(QLatin1String("/untrusted")) ? "issuer not on your trust list"
                                                                                : "signing certificate fails";
        bool said = false;
        for (const auto& f : prov->findings)
            said = said || (f.key == "claim_generator" && f.meaning.find(standing) != std::string::npos);
        QVERIFY2(said, prov->to_json().c_str());
        const auto j = nlohmann::json::parse(r.to_json());
        QCOMPARE(QString::fromStdString(j["signature"].get<std::string>()), expected.section(QLatin1Char('/'), 0, 0));
        QCOMPARE(QString::fromStdString(j["binding"].get<std::string>()), expected.section(QLatin1Char('/'), 2, 2));
    }

    void containers_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("container");
        QTest::newRow("TIFF tag 52545") << "tiff"
                                        << "TIFF tag 52545";
        QTest::newRow("ISO BMFF uuid box (HEIF, AVIF)") << "bmff"
                                                        << "BMFF uuid";
    }

    // Stores in TIFF and BMFF are found and their signatures checked (their hard bindings
    // differ by format: this writer gives none, which must be reported as missing).
    void containers()
    {
        QFETCH(QString, kind);
        QFETCH(QString, container);
        c2patest::ManifestSpec spec;
        spec.hard_binding = false;
        const Bytes store = c2patest::manifest_store(signer_, spec, Bytes(32), 0, 0);
        Bytes file;
        if (kind == QLatin1String("tiff")) {
            file = {'I', 'I', '*', 0, 8, 0, 0, 0, 1, 0, 0x41, 0xCD, 7, 0};
            for (std::uint32_t v : {std::uint32_t(store.size()), 26u, 0u})
                for (int k = 0; k < 4; ++k) file.push_back(static_cast<std::uint8_t>(v >> (8 * k)));
        } else {
            file = {0, 0, 0, 16, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
            Bytes uuid = {0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C, 0x92, 0x97,
                          0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81, 0,    0,    0,    0};
            for (char c : std::string("manifest")) uuid.push_back(static_cast<std::uint8_t>(c));
            uuid.insert(uuid.end(), 9, 0); // NUL, then an 8-byte offset
            c2patest::append(uuid, store.begin(), store.end());
            const Bytes box = c2patest::box("uuid", uuid);
            c2patest::append(file, box.begin(), box.end());
        }
        if (kind == QLatin1String("tiff")) c2patest::append(file, store.begin(), store.end());
        const auto r = clipflow::read_c2pa(file);
        QVERIFY(r.present);
        QCOMPARE(QString::fromStdString(r.container), container);
        QVERIFY2(r.active, r.error.c_str());
        QCOMPARE(r.active->signature, clipflow::C2paCheck::Valid);
        QCOMPARE(r.active->assertions, clipflow::C2paCheck::Valid);
        QCOMPARE(r.active->binding, clipflow::C2paCheck::Invalid);
        QVERIFY(has_code(*r.active, "claim.hardBindings.missing"));
    }

    void declaresAi_data()
    {
        QTest::addColumn<QString>("source_type");
        QTest::addColumn<bool>("ai");
        QTest::addColumn<bool>("camera");
        QTest::newRow("trained") << "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia" << true << false;
        QTest::newRow("composite") << "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"
                                   << true << false;
        QTest::newRow("camera") << "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture" << false << true;
        QTest::newRow("procedural") << "http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia" << false << false;
    }

    // The action's source type reaches the report, the provenance findings and ai_declared.
    void declaresAi()
    {
        QFETCH(QString, source_type);
        QFETCH(bool, ai);
        QFETCH(bool, camera);
        c2patest::ManifestSpec spec;
        spec.digital_source_type = source_type.toStdString();
        const Bytes file = c2patest::sign_png(encoded("PNG"), signer_, spec);
        const auto r = clipflow::read_c2pa(file);
        QCOMPARE(r.declares_ai(), ai);
        QCOMPARE(QString::fromStdString(r.digital_source_type()), source_type.section(QLatin1Char('/'), -1));
        const auto prov = clipflow::read_provenance(file);
        QVERIFY(prov);
        QCOMPARE(prov->says_ai, ai);
        QCOMPARE(prov->says_camera, camera);
        QVERIFY(prov->c2pa.present);
        const auto j = nlohmann::json::parse(prov->to_json());
        QCOMPARE(j["ai_declared"].get<bool>(), ai);
        QCOMPARE(j["c2pa"]["signature"].get<std::string>(), std::string("valid"));
        QCOMPARE(j["c2pa"]["digital_source_type"].get<std::string>(), source_type.section(QLatin1Char('/'), -1).toStdString());
        bool found = false;
        for (const auto& f : j["findings"])
            found = found || (f["source"].get<std::string>().rfind("C2PA action", 0) == 0 && f["says_ai"].get<bool>() == ai &&
                              f["key"] == "digitalSourceType");
        QVERIFY2(found, prov->to_json().c_str());
        QVERIFY(QString::fromStdString(prov->summary()).startsWith(QStringLiteral("C2PA \u2713 ClipFlow Test Lab")));
    }

    void removedCredentials_data()
    {
        QTest::addColumn<bool>("with_reference");
        QTest::newRow("XMP names a manifest the file lacks") << true;
        QTest::newRow("no reference, no manifest") << false;
    }

    // A stripped store leaves XMP's dcterms:provenance behind: that is itself a finding.
    void removedCredentials()
    {
        QFETCH(bool, with_reference);
        const std::string xmp = std::string("http://ns.adobe.com/xap/1.0/") + '\0' +
                                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description "
                                "xmlns:dcterms=\"http://purl.org/dc/terms/\" " +
                                (with_reference ? "dcterms:provenance=\"self#jumbf=/c2pa/urn:uuid:1234/c2pa.claim\"" : "") +
                                "/></rdf:RDF></x:xmpmeta>";
        Bytes jpg = encoded("JPG");
        Bytes seg{0xFF, 0xE1, static_cast<std::uint8_t>((xmp.size() + 2) >> 8), static_cast<std::uint8_t>(xmp.size() + 2)};
        seg.insert(seg.end(), xmp.begin(), xmp.end());
        jpg.insert(jpg.begin() + 2, seg.begin(), seg.end());
        const auto prov = clipflow::read_provenance(jpg);
        QVERIFY(prov);
        QVERIFY(!prov->c2pa.present);
        bool removed = false;
        for (const auto& f : prov->findings) removed = removed || f.meaning.find("Content Credentials were removed") == 0;
        QCOMPARE(removed, with_reference);
    }

    void hostile_data()
    {
        QTest::addColumn<int>("step");
        QTest::newRow("every 7th cut") << 7;
        QTest::newRow("every 61st cut") << 61;
    }

    // Every truncation and single-byte flip of a signed file's store: no crash, and an intact verdict only
    // when nothing that is checked changed.
    void hostile()
    {
        QFETCH(int, step);
        const Bytes png = encoded("PNG");
        const Bytes file = c2patest::sign_png(png, signer_);
        const std::size_t store_end =
            33 + (std::size_t(file[33]) << 24 | std::size_t(file[34]) << 16 | std::size_t(file[35]) << 8 | file[36]) + 12;
        int intact = 0, checked = 0;
        for (std::size_t cut = 33; cut < store_end; cut += std::size_t(step)) {
            const Bytes truncated(file.begin(), file.begin() + long(cut));
            (void)clipflow::read_c2pa(truncated).to_json();
            Bytes flipped = file;
            flipped[cut] ^= 0x20;
            const auto r = clipflow::read_c2pa(flipped);
            QVERIFY(nlohmann::json::accept(r.to_json()));
            ++checked;
            if (r.active && r.active->signature == clipflow::C2paCheck::Valid &&
                r.active->assertions == clipflow::C2paCheck::Valid && r.active->binding == clipflow::C2paCheck::Valid)
                ++intact;
        }
        // Flips that leave every check intact can only hit unhashed bytes: box headers of the
        // signature, JUMBF descriptions, the chunk's CRC. They must be a small minority.
        QVERIFY(checked > 10);
        QVERIFY2(intact * 5 < checked, qPrintable(QStringLiteral("%1 of %2 flips stayed valid").arg(intact).arg(checked)));
    }

    void limits_data()
    {
        QTest::addColumn<Bytes>("store");
        QTest::addColumn<QString>("error");
        Bytes deep;
        for (int i = 0; i < 40; ++i) deep = c2patest::superbox("c2pa", "c2pa", {deep});
        QTest::newRow("nested 40 deep") << deep << "deeper";
        Bytes liar = c2patest::superbox("c2pa", "c2pa", {});
        liar[3] = 0xFF; // LBox past the end
        QTest::newRow("length past the end") << liar << "past";
        QTest::newRow("not a store") << c2patest::superbox("abcd", "other", {}) << "not a C2PA manifest store";
        QTest::newRow("empty store") << c2patest::superbox("c2pa", "c2pa", {}) << "no manifest";
        Bytes bad_claim = c2patest::superbox(
            "c2pa", "c2pa",
            {c2patest::superbox("c2ma", "urn:uuid:x",
                                {c2patest::superbox("c2cl", "c2pa.claim", {c2patest::box("cbor", {0x9F, 0x9F, 0x9F})})})});
        QTest::newRow("claim not CBOR") << bad_claim << "claim.malformed";
    }

    void limits()
    {
        QFETCH(Bytes, store);
        QFETCH(QString, error);
        Bytes png = encoded("PNG");
        const Bytes chunk = c2patest::png_chunk("caBX", store);
        png.insert(png.begin() + 33, chunk.begin(), chunk.end());
        const auto r = clipflow::read_c2pa(png);
        QVERIFY(r.present);
        const QString all = QString::fromStdString(r.error + " " + r.to_json());
        QVERIFY2(all.contains(error), qPrintable(all));
        QVERIFY(!QString::fromStdString(r.short_label()).contains(QStringLiteral("\u2713")));
    }
};

QTEST_GUILESS_MAIN(TestC2pa)
#include "tst_c2pa.moc"
