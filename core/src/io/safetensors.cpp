#include "clipflow/safetensors.h"

#include "clipflow/atomicfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <set>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace clipflow {

const char* dtype_name(DType dtype)
{
    switch (dtype) {
    case DType::F32: return "F32";
    case DType::F16: return "F16";
    case DType::BF16: return "BF16";
    case DType::F64: return "F64";
    case DType::I64: return "I64";
    case DType::I32: return "I32";
    case DType::I16: return "I16";
    case DType::I8: return "I8";
    case DType::U8: return "U8";
    case DType::BOOL: return "BOOL";
    }
    return "?";
}

std::size_t dtype_size(DType dtype)
{
    switch (dtype) {
    case DType::F64:
    case DType::I64: return 8;
    case DType::F32:
    case DType::I32: return 4;
    case DType::F16:
    case DType::BF16:
    case DType::I16: return 2;
    case DType::I8:
    case DType::U8:
    case DType::BOOL: return 1;
    }
    return 1;
}

namespace {

bool parse_dtype(const std::string& s, DType& out)
{
    static const std::pair<const char*, DType> table[] = {
        {"F32", DType::F32}, {"F16", DType::F16}, {"BF16", DType::BF16}, {"F64", DType::F64}, {"I64", DType::I64},
        {"I32", DType::I32}, {"I16", DType::I16}, {"I8", DType::I8},     {"U8", DType::U8},   {"BOOL", DType::BOOL}};
    for (const auto& [name, dtype] : table)
        if (s == name) {
            out = dtype;
            return true;
        }
    return false;
}

} // namespace

float half_to_float(std::uint16_t h)
{
    const std::uint32_t sign = std::uint32_t(h & 0x8000u) << 16;
    std::uint32_t exp = (h >> 10) & 0x1f, mant = h & 0x3ffu;
    std::uint32_t bits;
    if (exp == 0) {
        if (mant == 0)
            bits = sign;
        else { // subnormal: normalise
            int e = -1;
            do {
                ++e;
                mant <<= 1;
            } while ((mant & 0x400u) == 0);
            bits = sign | std::uint32_t(127 - 15 - e) << 23 | (mant & 0x3ffu) << 13;
        }
    } else if (exp == 31) {
        bits = sign | 0x7f800000u | mant << 13;
    } else {
        bits = sign | (exp + 112) << 23 | mant << 13;
    }
    return std::bit_cast<float>(bits);
}

std::uint16_t float_to_half(float f)
{
    const std::uint32_t x = std::bit_cast<std::uint32_t>(f);
    const std::uint16_t sign = static_cast<std::uint16_t>((x >> 16) & 0x8000u);
    const std::uint32_t abs = x & 0x7fffffffu;
    if (abs >= 0x7f800000u) return static_cast<std::uint16_t>(sign | 0x7c00u | (abs > 0x7f800000u ? 0x200u : 0));
    if (abs >= 0x477ff000u) return static_cast<std::uint16_t>(sign | 0x7c00u); // overflow to inf
    if (abs < 0x38800000u) {                                                   // subnormal half or zero
        const float scaled = std::bit_cast<float>(abs) * 16777216.0f;          // * 2^24
        return static_cast<std::uint16_t>(sign | static_cast<std::uint16_t>(std::nearbyint(scaled)));
    }
    const std::uint32_t rounded = abs + 0xfffu + ((abs >> 13) & 1u); // round to nearest even
    return static_cast<std::uint16_t>(sign | ((rounded - 0x38000000u) >> 13));
}

float bf16_to_float(std::uint16_t b)
{
    return std::bit_cast<float>(std::uint32_t(b) << 16);
}

std::uint16_t float_to_bf16(float f)
{
    const std::uint32_t x = std::bit_cast<std::uint32_t>(f);
    if ((x & 0x7fffffffu) > 0x7f800000u) return static_cast<std::uint16_t>((x >> 16) | 0x40u); // quiet NaN
    return static_cast<std::uint16_t>((x + 0x7fffu + ((x >> 16) & 1u)) >> 16);
}

std::int64_t TensorView::numel() const
{
    std::int64_t n = 1;
    for (auto d : shape) n *= d;
    return n;
}

Result<std::vector<float>> TensorView::to_float() const
{
    const auto n = static_cast<std::size_t>(numel());
    std::vector<float> out(n);
    if (n == 0) return out; // an empty tensor has no bytes to read (its data pointer may be null)
    const std::uint8_t* p = bytes.data();
    switch (dtype) {
    case DType::F32: std::memcpy(out.data(), p, n * 4); break;
    case DType::F64:
        for (std::size_t i = 0; i < n; ++i) {
            double d;
            std::memcpy(&d, p + 8 * i, 8);
            out[i] = static_cast<float>(d);
        }
        break;
    case DType::F16:
        for (std::size_t i = 0; i < n; ++i) {
            std::uint16_t h;
            std::memcpy(&h, p + 2 * i, 2);
            out[i] = half_to_float(h);
        }
        break;
    case DType::BF16:
        for (std::size_t i = 0; i < n; ++i) {
            std::uint16_t h;
            std::memcpy(&h, p + 2 * i, 2);
            out[i] = bf16_to_float(h);
        }
        break;
    default:
        return Status(ErrorCode::InvalidArgument, "tensor " + name + " has dtype " + dtype_name(dtype) + ", not a float type");
    }
    return out;
}

struct SafetensorsFile::Impl {
    void* map = nullptr;
    std::size_t map_size = 0;
    std::vector<TensorView> tensors;
    std::map<std::string, std::string> metadata;
    ~Impl()
    {
        if (map) ::munmap(map, map_size);
    }
};

SafetensorsFile::SafetensorsFile() : impl_(std::make_unique<Impl>()) {}
SafetensorsFile::SafetensorsFile(SafetensorsFile&&) noexcept = default;
SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&&) noexcept = default;
SafetensorsFile::~SafetensorsFile() = default;
const std::vector<TensorView>& SafetensorsFile::tensors() const
{
    return impl_->tensors;
}
const std::map<std::string, std::string>& SafetensorsFile::metadata() const
{
    return impl_->metadata;
}

const TensorView* SafetensorsFile::find(const std::string& name) const
{
    for (const auto& t : impl_->tensors)
        if (t.name == name) return &t;
    return nullptr;
}

Result<SafetensorsFile> SafetensorsFile::parse(std::span<const std::uint8_t> bytes)
{
    using R = Result<SafetensorsFile>;
    auto corrupt = [](const std::string& why) { return R(ErrorCode::CorruptData, "safetensors: " + why); };
    if (bytes.size() < 8) return R(ErrorCode::TruncatedData, "safetensors: file shorter than its 8-byte header length");
    std::uint64_t header_len = 0;
    for (int i = 7; i >= 0; --i) header_len = (header_len << 8) | bytes[static_cast<std::size_t>(i)];
    if (header_len > kMaxHeaderBytes || header_len > bytes.size() - 8) {
        // Not a plausible safetensors header: say plainly what a PyTorch file is instead of
        // calling it damaged. (Only here: a real header length can start with the same bytes.)
        if (bytes.size() >= 2 && bytes[0] == 0x80 && bytes[1] >= 2 && bytes[1] <= 5)
            return R(ErrorCode::UnsupportedFormat,
                     "this is a Python pickle, not a safetensors file; pickles can run arbitrary code when loaded, so "
                     "ClipFlow never opens them as models");
        if (bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
            return R(ErrorCode::UnsupportedFormat,
                     "this is a PyTorch/TorchScript archive, not a safetensors file; detector models are safetensors only, "
                     "and TorchScript from unknown sources is refused. OpenAI's CLIP .pt is accepted as a CLIP checkpoint "
                     "only when you install it (`clipflow models install`, or Tools > Models > Install from file)");
    }
    if (header_len > kMaxHeaderBytes) return corrupt("header length " + std::to_string(header_len) + " exceeds 100 MB");
    if (header_len > bytes.size() - 8)
        return R(ErrorCode::TruncatedData,
                 "safetensors: header length " + std::to_string(header_len) + " runs past the end of the file");
    const auto header = bytes.subspan(8, header_len);
    const auto data = bytes.subspan(8 + header_len);

    // nlohmann::json keeps the last of duplicate keys silently; catch them while parsing.
    std::set<std::string> seen;
    std::string duplicate;
    auto callback = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event == nlohmann::json::parse_event_t::key && depth == 1) {
            const std::string key = parsed.get<std::string>();
            if (!seen.insert(key).second && duplicate.empty()) duplicate = key;
        }
        return true;
    };
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(header.begin(), header.end(), callback);
    } catch (const nlohmann::json::exception& e) {
        return corrupt(std::string("header is not valid JSON (") + e.what() + ")");
    }
    if (!duplicate.empty()) return corrupt("tensor name '" + duplicate + "' appears twice");
    if (!j.is_object()) return corrupt("header is not a JSON object");

    SafetensorsFile file;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& name = it.key();
        const auto& v = it.value();
        if (name == "__metadata__") {
            if (!v.is_object()) return corrupt("__metadata__ is not an object");
            for (auto m = v.begin(); m != v.end(); ++m) {
                if (!m.value().is_string()) return corrupt("__metadata__ value for '" + m.key() + "' is not a string");
                file.impl_->metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        if (!v.is_object() || !v.contains("dtype") || !v.contains("shape") || !v.contains("data_offsets"))
            return corrupt("entry '" + name + "' lacks dtype, shape or data_offsets");
        TensorView t;
        t.name = name;
        if (!v["dtype"].is_string() || !parse_dtype(v["dtype"].get<std::string>(), t.dtype))
            return corrupt("entry '" + name + "' has an unknown dtype");
        const auto& shape = v["shape"];
        const auto& offsets = v["data_offsets"];
        if (!shape.is_array() || shape.size() > 8) return corrupt("entry '" + name + "' has an invalid shape");
        std::uint64_t numel = 1;
        for (const auto& d : shape) {
            if (!d.is_number_unsigned()) return corrupt("entry '" + name + "' has a negative or non-integer dimension");
            const auto dim = d.get<std::uint64_t>();
            if (dim != 0 && numel > std::numeric_limits<std::uint64_t>::max() / 16 / dim)
                return corrupt("entry '" + name + "' has an absurd shape");
            numel *= dim;
            t.shape.push_back(static_cast<std::int64_t>(dim));
        }
        if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() || !offsets[1].is_number_unsigned())
            return corrupt("entry '" + name + "' has invalid data_offsets");
        const auto begin = offsets[0].get<std::uint64_t>(), end = offsets[1].get<std::uint64_t>();
        if (begin > end || end > data.size())
            return R(ErrorCode::TruncatedData, "safetensors: entry '" + name + "' points to bytes " + std::to_string(begin) +
                                                   ".." + std::to_string(end) + " beyond the " + std::to_string(data.size()) +
                                                   " bytes of data");
        if (end - begin != numel * dtype_size(t.dtype))
            return corrupt("entry '" + name + "' holds " + std::to_string(end - begin) + " bytes but its shape and dtype need " +
                           std::to_string(numel * dtype_size(t.dtype)));
        t.bytes = data.subspan(begin, end - begin);
        ranges.emplace_back(begin, end);
        file.impl_->tensors.push_back(std::move(t));
    }
    std::sort(ranges.begin(), ranges.end());
    for (std::size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i].first < ranges[i - 1].second) return corrupt("two tensors share bytes");
    return file;
}

Result<SafetensorsFile> SafetensorsFile::open(const std::string& path)
{
    using R = Result<SafetensorsFile>;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return R(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::IoError, "cannot open " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return R(ErrorCode::NotARegularFile, path + " is not a regular file");
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size == 0) {
        ::close(fd);
        return R(ErrorCode::EmptyFile, path + " is empty");
    }
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return R(ErrorCode::IoError, "cannot map " + path + ": " + std::strerror(errno));
    auto parsed = parse({static_cast<const std::uint8_t*>(map), size});
    if (!parsed) {
        ::munmap(map, size);
        return R(parsed.status().code(), parsed.status().message() + " (" + path + ")");
    }
    parsed->impl_->map = map;
    parsed->impl_->map_size = size;
    return std::move(parsed.value());
}

TensorData TensorData::from_floats(std::string name, std::vector<std::int64_t> shape, const std::vector<float>& values,
                                   DType dtype)
{
    TensorData t;
    t.name = std::move(name);
    t.shape = std::move(shape);
    t.dtype = dtype;
    t.bytes.resize(values.size() * dtype_size(dtype));
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (dtype == DType::F32)
            std::memcpy(t.bytes.data() + 4 * i, &values[i], 4);
        else {
            const std::uint16_t h = dtype == DType::F16 ? float_to_half(values[i]) : float_to_bf16(values[i]);
            std::memcpy(t.bytes.data() + 2 * i, &h, 2);
        }
    }
    return t;
}

std::vector<std::uint8_t> serialize_safetensors(const std::vector<TensorData>& tensors,
                                                const std::map<std::string, std::string>& metadata)
{
    std::vector<const TensorData*> sorted;
    for (const auto& t : tensors) sorted.push_back(&t);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::uint64_t offset = 0;
    for (const auto* t : sorted) {
        header[t->name] = {
            {"dtype", dtype_name(t->dtype)}, {"shape", t->shape}, {"data_offsets", {offset, offset + t->bytes.size()}}};
        offset += t->bytes.size();
    }
    std::string text = header.dump();
    while ((8 + text.size()) % 8) text.push_back(' '); // align the data for mmap readers
    std::vector<std::uint8_t> out;
    out.reserve(8 + text.size() + offset);
    const std::uint64_t n = text.size();
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(n >> (8 * i)));
    out.insert(out.end(), text.begin(), text.end());
    for (const auto* t : sorted) out.insert(out.end(), t->bytes.begin(), t->bytes.end());
    return out;
}

Status write_safetensors(const std::string& path, const std::vector<TensorData>& tensors,
                         const std::map<std::string, std::string>& metadata)
{
    const auto bytes = serialize_safetensors(tensors, metadata);
    return write_file_atomic(path, bytes);
}

} // namespace clipflow
