// Safetensors reader and writer: round trips in every float dtype, and a
// typed error for each way a file can lie.

#include <clipflow/safetensors.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using clipflow::DType;
using clipflow::ErrorCode;

namespace {

std::vector<std::uint8_t> raw_file(const std::string& header, std::size_t data_bytes, std::uint64_t declared_len = UINT64_MAX)
{
    std::vector<std::uint8_t> out(8);
    const std::uint64_t n = declared_len == UINT64_MAX ? header.size() : declared_len;
    for (int i = 0; i < 8; ++i) out[std::size_t(i)] = std::uint8_t(n >> (8 * i));
    out.insert(out.end(), header.begin(), header.end());
    out.resize(out.size() + data_bytes, 0x3f);
    return out;
}

} // namespace

Q_DECLARE_METATYPE(DType)

class TestSafetensors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<DType>("dtype");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("F32") << DType::F32 << 0.0;
        QTest::newRow("F16") << DType::F16 << 1e-3;
        QTest::newRow("BF16") << DType::BF16 << 8e-3;
    }
    void roundTrip()
    {
        QFETCH(DType, dtype);
        QFETCH(double, tolerance);
        std::vector<float> a{1.0f, -2.5f, 3.14159f, 0.0f, 1e-3f, -65000.0f}, b{42.0f};
        std::vector<clipflow::TensorData> tensors{clipflow::TensorData::from_floats("layer.weight", {2, 3}, a, dtype),
                                                  clipflow::TensorData::from_floats("bias", {1}, b, dtype)};
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("m.safetensors")).toStdString();
        QVERIFY(clipflow::write_safetensors(path, tensors, {{"backbone", "forensic"}}).ok());
        auto f = clipflow::SafetensorsFile::open(path);
        QVERIFY2(f.ok(), f.status().to_string().c_str());
        QCOMPARE(f->tensors().size(), std::size_t(2));
        QCOMPARE(f->metadata().at("backbone"), std::string("forensic"));
        const auto* t = f->find("layer.weight");
        QVERIFY(t);
        QCOMPARE(t->dtype, dtype);
        QCOMPARE(t->shape, (std::vector<std::int64_t>{2, 3}));
        auto values = t->to_float();
        QVERIFY(values.ok());
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY2(std::abs((*values)[i] - a[i]) <= tolerance * std::max(1.0f, std::abs(a[i])),
                     qPrintable(QString::number((*values)[i])));
        // The data section starts 8-byte aligned (the spec forbids holes between tensors,
        // so only the first one, "bias" in name order, is guaranteed aligned).
        QCOMPARE(std::uintptr_t(f->find("bias")->bytes.data()) % 8, std::uintptr_t(0));
    }

    void halfConversions_data()
    {
        QTest::addColumn<float>("value");
        for (float v : {0.0f, 1.0f, -1.0f, 0.5f, 65504.0f, 6.1035156e-05f, 5.9604645e-08f, 1.0009766f})
            QTest::addRow("%g", double(v)) << v;
    }
    void halfConversions()
    {
        QFETCH(float, value);
        QCOMPARE(clipflow::half_to_float(clipflow::float_to_half(value)), value); // exactly representable in half
        QCOMPARE(clipflow::bf16_to_float(clipflow::float_to_bf16(value)),
                 clipflow::bf16_to_float(clipflow::float_to_bf16(value)));
        QVERIFY(std::abs(clipflow::bf16_to_float(clipflow::float_to_bf16(value)) - value) <= std::abs(value) / 128);
    }

    void refusesLies_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("dataBytes");
        QTest::addColumn<qulonglong>("declaredLength");
        QTest::addColumn<int>("code");
        const auto any = qulonglong(UINT64_MAX);
        QTest::newRow("header past the end") << QByteArray(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})") << 4
                                             << qulonglong(1000) << int(ErrorCode::TruncatedData);
        QTest::newRow("absurd header length") << QByteArray("{}") << 0 << qulonglong(1ull << 40) << int(ErrorCode::CorruptData);
        QTest::newRow("not json") << QByteArray("{this is not json") << 0 << any << int(ErrorCode::CorruptData);
        QTest::newRow("not an object") << QByteArray("[1,2,3]") << 0 << any << int(ErrorCode::CorruptData);
        QTest::newRow("offsets past data") << QByteArray(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})") << 8 << any
                                           << int(ErrorCode::TruncatedData);
        QTest::newRow("shape vs bytes") << QByteArray(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})") << 8 << any
                                        << int(ErrorCode::CorruptData);
        QTest::newRow("dtype vs bytes") << QByteArray(R"({"a":{"dtype":"F16","shape":[2],"data_offsets":[0,8]}})") << 8 << any
                                        << int(ErrorCode::CorruptData);
        QTest::newRow("unknown dtype") << QByteArray(R"({"a":{"dtype":"Q4","shape":[2],"data_offsets":[0,2]}})") << 2 << any
                                       << int(ErrorCode::CorruptData);
        QTest::newRow("negative dim") << QByteArray(R"({"a":{"dtype":"U8","shape":[-2],"data_offsets":[0,2]}})") << 2 << any
                                      << int(ErrorCode::CorruptData);
        QTest::newRow("reversed offsets") << QByteArray(R"({"a":{"dtype":"U8","shape":[0],"data_offsets":[4,2]}})") << 8 << any
                                          << int(ErrorCode::TruncatedData);
        QTest::newRow("duplicate names")
            << QByteArray(
                   R"({"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},"a":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}})")
            << 4 << any << int(ErrorCode::CorruptData);
        QTest::newRow("overlap")
            << QByteArray(
                   R"({"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[4],"data_offsets":[2,6]}})")
            << 8 << any << int(ErrorCode::CorruptData);
        QTest::newRow("overflowing shape") << QByteArray(
                                                  R"({"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}})")
                                           << 4 << any << int(ErrorCode::CorruptData);
        QTest::newRow("metadata not strings")
            << QByteArray(R"({"__metadata__":{"n":3}})") << 0 << any << int(ErrorCode::CorruptData);
        QTest::newRow("too short") << QByteArray() << -1 << any << int(ErrorCode::TruncatedData);
    }
    void refusesLies()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, dataBytes);
        QFETCH(qulonglong, declaredLength);
        QFETCH(int, code);
        std::vector<std::uint8_t> bytes = dataBytes < 0 ? std::vector<std::uint8_t>{1, 2, 3}
                                                        : raw_file(header.toStdString(), std::size_t(dataBytes), declaredLength);
        auto f = clipflow::SafetensorsFile::parse(bytes);
        QVERIFY(!f.ok());
        QCOMPARE(int(f.status().code()), code);
        QVERIFY(f.status().message().rfind("safetensors", 0) == 0);
        // Every truncation of a valid file is refused or parsed, never read past its end.
        auto valid = clipflow::serialize_safetensors({clipflow::TensorData::from_floats("x", {4}, {1, 2, 3, 4})});
        for (std::size_t n = 0; n < valid.size(); ++n) {
            auto g = clipflow::SafetensorsFile::parse({valid.data(), n});
            QVERIFY(!g.ok());
        }
    }

    // Header lengths whose first bytes look like a pickle's (0x80, protocol) or a zip's magic are
    // still safetensors; only files that cannot be safetensors are named as PyTorch files.
    void pytorchFilesNamedOnlyWhenNotSafetensors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("why");
        auto padded = [](int length) {
            QByteArray h = R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})";
            h.append(QByteArray(length - h.size(), ' '));
            QByteArray b(8, '\0');
            for (int i = 0; i < 8; ++i) b[i] = char((quint64(length) >> (8 * i)) & 0xff);
            return b + h + QByteArray(4, '\0');
        };
        QTest::newRow("header of 0x380 bytes (80 03 ...)") << padded(0x380) << true << QString();
        QTest::newRow("header of 0x580 bytes (80 05 ...)") << padded(0x580) << true << QString();
        // Spelled in hex: a "\\x01c" escape would swallow the "c".
        QTest::newRow("a pickle") << QByteArray::fromHex("80027d710028580100000077710163") + QByteArray("torch\n") << false
                                  << QStringLiteral("Python pickle");
        QTest::newRow("a zip archive") << QByteArray::fromHex("504b0304140000000800") + QByteArray("archive/data.pkl") << false
                                       << QStringLiteral("TorchScript archive");
    }
    void pytorchFilesNamedOnlyWhenNotSafetensors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, ok);
        QFETCH(QString, why);
        auto f = clipflow::SafetensorsFile::parse(
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.constData()), std::size_t(bytes.size())));
        QCOMPARE(f.ok(), ok);
        if (ok)
            QCOMPARE(f->tensors().size(), std::size_t(1));
        else
            QVERIFY2(QString::fromStdString(f.status().message()).contains(why), f.status().message().c_str());
    }

    void openRefusesMissingAndEmpty()
    {
        QTemporaryDir dir;
        QCOMPARE(clipflow::SafetensorsFile::open(dir.filePath(QStringLiteral("none")).toStdString()).status().code(),
                 ErrorCode::NotFound);
        QFile empty(dir.filePath(QStringLiteral("empty.safetensors")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QCOMPARE(clipflow::SafetensorsFile::open(empty.fileName().toStdString()).status().code(), ErrorCode::EmptyFile);
        QCOMPARE(clipflow::SafetensorsFile::open(dir.path().toStdString()).status().code(), ErrorCode::NotARegularFile);
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
