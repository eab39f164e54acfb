#pragma once
// Cached, multi-threaded FFTW single-precision r2c plans with persistent
// wisdom. Planning is serialised (FFTW's planner is not re-entrant); executing
// a cached plan on new arrays is safe from any thread.

#include <complex>
#include <cstddef>
#include <memory>
#include <string>

namespace clipflow {

/// 64-byte aligned float buffer from fftwf_malloc, so new-array execution is valid.
class FftBuffer {
public:
    explicit FftBuffer(std::size_t floats = 0);
    ~FftBuffer();
    FftBuffer(FftBuffer&& other) noexcept;
    FftBuffer& operator=(FftBuffer&& other) noexcept;
    FftBuffer(const FftBuffer&) = delete;
    FftBuffer& operator=(const FftBuffer&) = delete;

    float* data() { return data_; }
    const float* data() const { return data_; }
    std::size_t size() const { return size_; }
    std::complex<float>* as_complex() { return reinterpret_cast<std::complex<float>*>(data_); }

private:
    float* data_ = nullptr;
    std::size_t size_ = 0;
};

enum class PlanEffort { Estimate, Measure };

class FftPlanCache {
public:
    static FftPlanCache& instance();

    /// Forward 2D real-to-complex transform of a height x width float array
    /// into height x (width/2+1) complex values. in and out must be FftBuffers.
    bool forward_r2c(int height, int width, float* in, std::complex<float>* out, int threads = 0);

    void set_effort(PlanEffort effort);
    /// Default: $XDG_CACHE_HOME/clipflow/fftw3f.wisdom (or ~/.cache/...); empty disables.
    void set_wisdom_path(const std::string& path);
    std::string wisdom_path() const;
    std::size_t cached_plans() const;

    FftPlanCache(const FftPlanCache&) = delete;
    FftPlanCache& operator=(const FftPlanCache&) = delete;

private:
    FftPlanCache();
    ~FftPlanCache();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace clipflow
