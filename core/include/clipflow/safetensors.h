#pragma once
// Safetensors files (https://huggingface.co/docs/safetensors): an 8-byte
// little-endian header length, a JSON header, then raw tensor bytes. The
// reader memory-maps the file and checks everything a hostile file could lie
// about before any byte is used: header length, JSON shape, dtypes, shapes
// against byte ranges, ranges inside the data, overlaps and duplicate names.

#include "clipflow/result.h"
#include "clipflow/status.h"

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace clipflow {

enum class DType { F32, F16, BF16, F64, I64, I32, I16, I8, U8, BOOL };

const char* dtype_name(DType dtype);
std::size_t dtype_size(DType dtype);

struct TensorView {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::span<const std::uint8_t> bytes; ///< inside the mapping; valid while the file lives

    std::int64_t numel() const;
    /// Any float dtype widened to float32 (F16 and BF16 exactly, F64 rounded).
    Result<std::vector<float>> to_float() const;
};

class SafetensorsFile {
public:
    static constexpr std::uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;

    static Result<SafetensorsFile> open(const std::string& path);
    /// Parses bytes held elsewhere (tests, fuzzing); the caller keeps them alive.
    static Result<SafetensorsFile> parse(std::span<const std::uint8_t> bytes);

    SafetensorsFile(SafetensorsFile&&) noexcept;
    SafetensorsFile& operator=(SafetensorsFile&&) noexcept;
    ~SafetensorsFile();

    const std::vector<TensorView>& tensors() const;
    const TensorView* find(const std::string& name) const;
    const std::map<std::string, std::string>& metadata() const;

private:
    SafetensorsFile();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct TensorData {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::vector<std::uint8_t> bytes; ///< little-endian, row-major

    static TensorData from_floats(std::string name, std::vector<std::int64_t> shape, const std::vector<float>& values,
                                  DType dtype = DType::F32);
};

/// Serialises tensors (sorted by name, 8-byte aligned data) with string
/// metadata, written atomically.
Status write_safetensors(const std::string& path, const std::vector<TensorData>& tensors,
                         const std::map<std::string, std::string>& metadata = {});
std::vector<std::uint8_t> serialize_safetensors(const std::vector<TensorData>& tensors,
                                                const std::map<std::string, std::string>& metadata = {});

/// IEEE half and bfloat16 conversions (round to nearest even).
float half_to_float(std::uint16_t h);
std::uint16_t float_to_half(float f);
float bf16_to_float(std::uint16_t b);
std::uint16_t float_to_bf16(float f);

} // namespace clipflow
