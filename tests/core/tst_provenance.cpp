// Provenance: generator settings and source-type claims are found in the
// containers where front ends write them, interpreted field by field, and
// hostile structures (bombs, lying lengths, floods) are bounded.

#include <clipflow/evidence.h>
#include <clipflow/provenance.h>

#include <QBuffer>
#include <QImage>
#include <QTest>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

using Bytes = std::vector<std::uint8_t>;
Q_DECLARE_METATYPE(Bytes)

namespace {

std::uint32_t crc32(const Bytes& b)
{
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::uint8_t v : b) c = table[(c ^ v) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put32(Bytes& b, std::uint32_t v)
{
    for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>(v >> s));
}

Bytes text(const std::string& s)
{
    return Bytes(s.begin(), s.end());
}

Bytes zlib(const std::string& s)
{
    const QByteArray z = qCompress(QByteArray::fromStdString(s), 9); // 4-byte length, then a zlib stream
    return Bytes(z.begin() + 4, z.end());
}

Bytes cat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

void chunk(Bytes& png, const std::string& type, const Bytes& data)
{
    put32(png, static_cast<std::uint32_t>(data.size()));
    Bytes td = text(type);
    td.insert(td.end(), data.begin(), data.end());
    png.insert(png.end(), td.begin(), td.end());
    put32(png, crc32(td));
}

// A valid 1x1 grey PNG with the given chunks between IHDR and IDAT.
Bytes png(const std::vector<std::pair<std::string, Bytes>>& chunks)
{
    Bytes b{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    chunk(b, "IHDR", {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
    for (const auto& [t, d] : chunks) chunk(b, t, d);
    chunk(b, "IDAT", zlib(std::string("\0\x80", 2)));
    chunk(b, "IEND", {});
    return b;
}

Bytes tEXt(const std::string& key, const std::string& value)
{
    return cat({text(key), {0}, text(value)});
}

Bytes zTXt(const std::string& key, const std::string& value)
{
    return cat({text(key), {0, 0}, zlib(value)});
}

Bytes iTXt(const std::string& key, const std::string& value, bool compressed)
{
    return cat(
        {text(key), {0, static_cast<std::uint8_t>(compressed), 0}, text("en"), {0}, {0}, compressed ? zlib(value) : text(value)});
}

Bytes jpeg(const std::vector<std::pair<std::uint8_t, Bytes>>& segments)
{
    Bytes b{0xFF, 0xD8};
    for (const auto& [m, d] : segments) {
        b.push_back(0xFF);
        b.push_back(m);
        b.push_back(static_cast<std::uint8_t>((d.size() + 2) >> 8));
        b.push_back(static_cast<std::uint8_t>((d.size() + 2) & 0xFF));
        b.insert(b.end(), d.begin(), d.end());
    }
    b.insert(b.end(), {0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9});
    return b;
}

Bytes webp_with_xmp(const std::string& xmp)
{
    Bytes body = text("WEBP");
    const Bytes vp8x{0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    auto add = [&](const std::string& fourcc, const Bytes& d) {
        Bytes t = text(fourcc);
        body.insert(body.end(), t.begin(), t.end());
        for (int s = 0; s < 32; s += 8) body.push_back(static_cast<std::uint8_t>(d.size() >> s));
        body.insert(body.end(), d.begin(), d.end());
        if (d.size() % 2) body.push_back(0);
    };
    add("VP8X", vp8x);
    add("XMP ", text(xmp));
    Bytes b = text("RIFF");
    for (int s = 0; s < 32; s += 8) b.push_back(static_cast<std::uint8_t>(body.size() >> s));
    b.insert(b.end(), body.begin(), body.end());
    return b;
}

const std::string kA1111 = "a cat on a red sofa, golden hour\nNegative prompt: blurry, lowres\n"
                           "Steps: 20, Sampler: Euler a, Schedule type: Karras, CFG scale: 7, Seed: 1234, Size: 512x768, "
                           "Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Lora hashes: \"a: 1, b: 2\", Version: v1.9.4";

const std::string kComfyPrompt = R"({
 "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "flux1-dev-fp8.safetensors"}},
 "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a harbour fire at night, press photo", "clip": ["4", 1]}},
 "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
 "10": {"class_type": "LoraLoader", "inputs": {"lora_name": "style.safetensors", "model": ["4", 0]}},
 "3": {"class_type": "KSampler", "inputs": {"seed": 987654321, "steps": 20, "cfg": 1.0, "sampler_name": "euler",
        "positive": ["6", 0], "negative": ["7", 0], "model": ["10", 0]}},
 "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 1024, "height": 768, "batch_size": 1}}})";

std::string xmp_source(const std::string& code)
{
    return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
           "<rdf:Description xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\" "
           "Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/" +
           code + "\"/></rdf:RDF></x:xmpmeta>";
}

clipflow::Provenance read(const Bytes& b, const std::vector<clipflow::MetadataEntry>& meta = {})
{
    auto p = clipflow::read_provenance(b, meta);
    if (!p) qFatal("read_provenance failed: %s", p.status().message().c_str());
    return std::move(*p);
}

} // namespace

class TestProvenance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generatorSettings_data()
    {
        QTest::addColumn<Bytes>("file");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("seed");
        QTest::addColumn<QString>("steps");
        QTest::addColumn<QString>("sampler");
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("source");
        QTest::newRow("A1111 tEXt parameters") << png({{"tEXt", tEXt("parameters", kA1111)}}) << "AUTOMATIC1111"
                                               << "v1-5-pruned-emaonly (hash 6ce0161689)"
                                               << "1234"
                                               << "20"
                                               << "Euler a (Karras)"
                                               << "a cat on a red sofa, golden hour"
                                               << "PNG tEXt 'parameters'";
        QTest::newRow("A1111 zTXt parameters") << png({{"zTXt", zTXt("parameters", kA1111)}}) << "AUTOMATIC1111"
                                               << "v1-5-pruned-emaonly (hash 6ce0161689)"
                                               << "1234"
                                               << "20"
                                               << "Euler a (Karras)"
                                               << "a cat on a red sofa, golden hour"
                                               << "PNG zTXt 'parameters'";
        QTest::newRow("A1111 compressed iTXt") << png({{"iTXt", iTXt("parameters", kA1111, true)}}) << "AUTOMATIC1111"
                                               << "v1-5-pruned-emaonly (hash 6ce0161689)"
                                               << "1234"
                                               << "20"
                                               << "Euler a (Karras)"
                                               << "a cat on a red sofa, golden hour"
                                               << "PNG iTXt 'parameters'";
        QTest::newRow("ComfyUI prompt graph")
            << png({{"tEXt", tEXt("prompt", kComfyPrompt)}, {"tEXt", tEXt("workflow", R"({"nodes": [{}, {}, {}]})")}})
            << "ComfyUI"
            << "flux1-dev-fp8.safetensors"
            << "987654321"
            << "20"
            << "euler"
            << "a harbour fire at night, press photo"
            << "PNG tEXt 'prompt'";
        QTest::newRow("InvokeAI metadata")
            << png({{"tEXt", tEXt("invokeai_metadata",
                                  R"({"positive_prompt": "a lighthouse", "seed": 77, "steps": 30, "scheduler": "dpmpp_2m",
                                      "model": {"name": "juggernaut-xl", "base": "sdxl"}})")}})
            << "InvokeAI"
            << "juggernaut-xl"
            << "77"
            << "30"
            << "dpmpp_2m"
            << "a lighthouse"
            << "PNG tEXt 'invokeai_metadata'";
        QTest::newRow("NovelAI comment")
            << png({{"tEXt", tEXt("Software", "NovelAI")},
                    {"tEXt", tEXt("Comment", R"({"prompt": "a fox", "steps": 28, "seed": 5, "sampler": "k_euler"})")}})
            << "NovelAI"
            << ""
            << "5"
            << "28"
            << "k_euler"
            << "a fox"
            << "PNG tEXt 'Comment'";
        QTest::newRow("JPEG comment with A1111 settings") << jpeg({{0xFE, text(kA1111)}}) << "AUTOMATIC1111"
                                                          << "v1-5-pruned-emaonly (hash 6ce0161689)"
                                                          << "1234"
                                                          << "20"
                                                          << "Euler a (Karras)"
                                                          << "a cat on a red sofa, golden hour"
                                                          << "JPEG COM";
    }
    void generatorSettings()
    {
        QFETCH(Bytes, file);
        QFETCH(QString, tool);
        QFETCH(QString, model);
        QFETCH(QString, seed);
        QFETCH(QString, steps);
        QFETCH(QString, sampler);
        QFETCH(QString, prompt);
        QFETCH(QString, source);
        const auto p = read(file);
        QVERIFY(p.says_ai);
        QVERIFY(p.generator.has_value());
        QVERIFY2(QString::fromStdString(p.generator->tool).contains(tool), p.generator->tool.c_str());
        QCOMPARE(QString::fromStdString(p.generator->model), model);
        QCOMPARE(QString::fromStdString(p.generator->seed), seed);
        QCOMPARE(QString::fromStdString(p.generator->steps), steps);
        QCOMPARE(QString::fromStdString(p.generator->sampler), sampler);
        QCOMPARE(QString::fromStdString(p.generator->prompt), prompt);
        QCOMPARE(QString::fromStdString(p.generator->source), source);
        QVERIFY(!p.summary().empty());
        // The JSON is valid and carries the same.
        const auto j = nlohmann::json::parse(p.to_json());
        QCOMPARE(j["says_ai"].get<bool>(), true);
        QCOMPARE(QString::fromStdString(j["generator"]["seed"].get<std::string>()), seed);
        QVERIFY(j["caveat"].get<std::string>().find("forged") != std::string::npos);
    }

    void a1111Details()
    {
        const auto p = read(png({{"tEXt", tEXt("parameters", kA1111)}}));
        QCOMPARE(p.generator->negative_prompt, std::string("blurry, lowres"));
        QCOMPARE(p.generator->cfg, std::string("7"));
        QCOMPARE(p.generator->size, std::string("512x768"));
        QVERIFY(p.generator->tool.find("v1.9.4") != std::string::npos); // the quoted value's comma did not split it
    }

    void comfyWorkflowAndSize()
    {
        const auto p = read(png({{"tEXt", tEXt("prompt", kComfyPrompt)}, {"tEXt", tEXt("workflow", R"({"nodes": [1, 2, 3]})")}}));
        QCOMPARE(p.generator->size, std::string("1024x768"));
        QVERIFY2(p.generator->model.find("style.safetensors") == std::string::npos, "LoRAs are not the model");
        bool workflow = false;
        for (const auto& f : p.findings) workflow = workflow || (f.source == "PNG tEXt 'workflow'" && f.value == "3 nodes");
        QVERIFY(workflow);
    }

    void digitalSourceType_data()
    {
        QTest::addColumn<Bytes>("file");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("ai");
        QTest::addColumn<bool>("camera");
        QTest::newRow("PNG iTXt XMP, generative AI")
            << png({{"iTXt", iTXt("XML:com.adobe.xmp", xmp_source("trainedAlgorithmicMedia"), false)}})
            << "trainedAlgorithmicMedia" << true << false;
        QTest::newRow("PNG iTXt XMP, composite with AI")
            << png({{"iTXt", iTXt("XML:com.adobe.xmp", xmp_source("compositeWithTrainedAlgorithmicMedia"), true)}})
            << "compositeWithTrainedAlgorithmicMedia" << true << false;
        QTest::newRow("JPEG XMP, camera capture")
            << jpeg({{0xE1, cat({text("http://ns.adobe.com/xap/1.0/"), {0}, text(xmp_source("digitalCapture"))})}})
            << "digitalCapture" << false << true;
        QTest::newRow("WebP XMP, generative AI")
            << webp_with_xmp(xmp_source("trainedAlgorithmicMedia")) << "trainedAlgorithmicMedia" << true << false;
    }
    void digitalSourceType()
    {
        QFETCH(Bytes, file);
        QFETCH(QString, code);
        QFETCH(bool, ai);
        QFETCH(bool, camera);
        const auto p = read(file);
        QCOMPARE(QString::fromStdString(p.digital_source_type), code);
        QCOMPARE(p.says_ai, ai);
        QCOMPARE(p.says_camera, camera);
        QCOMPARE(p.findings.size(), std::size_t(1));
        QVERIFY(!p.findings.front().meaning.empty());
    }

    void exiv2Entries_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ai");
        QTest::newRow("Firefly as software") << "Exif.Image.Software"
                                             << "Adobe Firefly" << true;
        QTest::newRow("Midjourney as creator tool") << "Xmp.xmp.CreatorTool"
                                                    << "Midjourney v6" << true;
        QTest::newRow("platform AI credit") << "Xmp.photoshop.Credit"
                                            << "Made with Google AI" << true;
        QTest::newRow("source type through Exiv2")
            << "Xmp.iptcExt.DigitalSourceType"
            << "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia" << true;
        QTest::newRow("an editor is not a generator") << "Exif.Image.Software"
                                                      << "GIMP 2.10.34" << false;
        QTest::newRow("a camera") << "Exif.Image.Model"
                                  << "Canon EOS R5" << false;
        QTest::newRow("AI phrase in a software tag is not a caption") << "Exif.Image.Software"
                                                                      << "AI generated" << false;
    }
    void exiv2Entries()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, ai);
        const std::vector<clipflow::MetadataEntry> meta{{"Exif", key.toStdString(), value.toStdString(), value.toStdString()}};
        const auto p = read(png({}), meta);
        QCOMPARE(p.says_ai, ai);
        QCOMPARE(p.findings.empty(), !ai);
    }

    void ordinaryFilesSayNothing_data()
    {
        QTest::addColumn<Bytes>("file");
        QTest::newRow("PNG with an editor's chunks")
            << png({{"tEXt", tEXt("Software", "GIMP 2.10")}, {"tEXt", tEXt("Title", "Holiday")}});
        QTest::newRow("JPEG with a plain comment") << jpeg({{0xFE, text("CREATOR: gd-jpeg v1.0 (using IJG JPEG v80)")}});
        QTest::newRow("JPEG comment in Latin-1") << jpeg({{0xFE, Bytes{'c', 'a', 'f', 0xE9}}});
        QTest::newRow("not an image container") << text("GIF89a not really");
    }
    void ordinaryFilesSayNothing()
    {
        QFETCH(Bytes, file);
        const auto p = read(file);
        QVERIFY(!p.says_ai);
        QVERIFY(p.findings.empty());
        QVERIFY(p.summary().empty());
        for (const auto& c : p.chunks) QVERIFY(!nlohmann::json(c.text).dump().empty()); // valid UTF-8 throughout
    }

    void hostileStructuresAreBounded_data()
    {
        QTest::addColumn<Bytes>("file");
        QTest::addColumn<int>("chunks");
        QTest::addColumn<bool>("truncated");
        const std::string zeros(50u << 20, 'a'); // 50 MB that compress to ~50 KB
        QTest::newRow("zTXt decompression bomb") << png({{"zTXt", zTXt("parameters", zeros)}}) << 1 << true;
        QTest::newRow("iTXt decompression bomb") << png({{"iTXt", iTXt("parameters", zeros, true)}}) << 1 << true;
        Bytes lying = png({{"tEXt", tEXt("parameters", kA1111)}});
        lying[33] = 0x7F; // first text chunk's length now points far past the end
        QTest::newRow("length past the end") << lying << 0 << false;
        Bytes cut_stream = zlib(kA1111);
        cut_stream.resize(cut_stream.size() / 2); // the chunk is whole, its compressed stream is not
        QTest::newRow("truncated compressed stream")
            << png({{"zTXt", cat({text("parameters"), {0, 0}, cut_stream})}}) << 1 << true;
        std::vector<std::pair<std::string, Bytes>> many(400, {"tEXt", tEXt("k", "v")});
        QTest::newRow("flood of chunks") << png(many) << 256 << false;
        QTest::newRow("no keyword terminator") << png({{"tEXt", text("parameters")}}) << 0 << false;
        QTest::newRow("JPEG segment length past the end") << Bytes{0xFF, 0xD8, 0xFF, 0xFE, 0xFF, 0xFF, 'x'} << 0 << false;
    }
    void hostileStructuresAreBounded()
    {
        QFETCH(Bytes, file);
        QFETCH(int, chunks);
        QFETCH(bool, truncated);
        clipflow::ProvenanceParams params;
        params.max_text_bytes = 1u << 20;
        auto p = clipflow::read_provenance(file, {}, params);
        QVERIFY(p.ok());
        QCOMPARE(int(p->chunks.size()), chunks);
        if (chunks > 0) {
            QCOMPARE(p->chunks.front().truncated, truncated);
            QVERIFY(p->chunks.front().text.size() <= params.max_text_bytes);
        }
        if (chunks == 256) QCOMPARE(p->chunks_dropped, std::size_t(144));
    }

    void emptyInputIsAnError() { QVERIFY(!clipflow::read_provenance({}).ok()); }

    // Intake reads provenance from the same bytes when asked, and only then.
    void intakeCarriesProvenance()
    {
        QImage img(64, 48, QImage::Format_RGB32);
        img.fill(Qt::darkCyan);
        img.setText(QStringLiteral("parameters"), QString::fromStdString(kA1111));
        QByteArray encoded;
        QBuffer buf(&encoded);
        buf.open(QIODevice::WriteOnly);
        QVERIFY(img.save(&buf, "PNG"));
        const Bytes b(encoded.begin(), encoded.end());
        clipflow::IntakeParams ip;
        auto plain = clipflow::decode_evidence(b, "gen.png", ip);
        QVERIFY(plain.ok());
        QVERIFY(!plain->provenance.has_value());
        ip.read_provenance = true;
        auto ev = clipflow::decode_evidence(b, "gen.png", ip);
        QVERIFY(ev.ok());
        QVERIFY(ev->provenance.has_value());
        QVERIFY(ev->provenance->says_ai);
        QCOMPARE(ev->provenance->generator->seed, std::string("1234"));
        QCOMPARE(ev->pixels.width, 64);

        // Exiv2's entries come from the same read: the window takes them from here.
        auto jpeg = clipflow::load_evidence(CLIPFLOW_TEST_DATA "/formats/exif6.jpg", ip);
        QVERIFY(jpeg.ok());
        QVERIFY(jpeg->metadata_error.empty());
        bool orientation = false;
        for (const auto& m : jpeg->metadata) orientation = orientation || (m.key == "Exif.Image.Orientation" && m.raw == "6");
        QVERIFY(orientation);
    }
};

QTEST_GUILESS_MAIN(TestProvenance)
#include "tst_provenance.moc"
