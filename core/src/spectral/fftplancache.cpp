#include "clipflow/fftplancache.h"

#include <fftw3.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

namespace clipflow {

FftBuffer::FftBuffer(std::size_t floats) : size_(floats)
{
    if (floats) {
        data_ = fftwf_alloc_real(floats);
        if (!data_) throw std::bad_alloc();
    }
}
FftBuffer::~FftBuffer()
{
    fftwf_free(data_);
}
FftBuffer::FftBuffer(FftBuffer&& other) noexcept : data_(other.data_), size_(other.size_)
{
    other.data_ = nullptr;
    other.size_ = 0;
}
FftBuffer& FftBuffer::operator=(FftBuffer&& other) noexcept
{
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    return *this;
}

namespace {

std::string default_wisdom_path()
{
    if (const char* env = std::getenv("CLIPFLOW_FFTW_WISDOM")) return env;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/clipflow/fftw3f.wisdom";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/clipflow/fftw3f.wisdom";
    return {};
}

bool is_power_of_two(int n)
{
    return n > 0 && (n & (n - 1)) == 0;
}

} // namespace

struct FftPlanCache::Impl {
    mutable std::mutex mutex;
    std::map<std::tuple<int, int, int>, fftwf_plan> plans;
    PlanEffort effort = PlanEffort::Measure;
    std::string wisdom_path;
    bool wisdom_loaded = false;

    void load_wisdom()
    {
        if (wisdom_loaded || wisdom_path.empty()) return;
        wisdom_loaded = true;
        std::error_code ec;
        if (std::filesystem::exists(wisdom_path, ec)) fftwf_import_wisdom_from_filename(wisdom_path.c_str());
    }

    void save_wisdom()
    {
        if (wisdom_path.empty()) return;
        std::error_code ec;
        const std::filesystem::path target(wisdom_path);
        std::filesystem::create_directories(target.parent_path(), ec);
        // Write beside and rename, so a crash never leaves half a wisdom file.
        const std::string tmp = wisdom_path + ".tmp" + std::to_string(::getpid());
        if (fftwf_export_wisdom_to_filename(tmp.c_str())) std::filesystem::rename(tmp, target, ec);
        if (ec) std::filesystem::remove(tmp, ec);
    }
};

FftPlanCache& FftPlanCache::instance()
{
    static FftPlanCache cache;
    return cache;
}

FftPlanCache::FftPlanCache() : impl_(std::make_unique<Impl>())
{
    fftwf_init_threads();
    fftwf_make_planner_thread_safe();
    impl_->wisdom_path = default_wisdom_path();
}

FftPlanCache::~FftPlanCache()
{
    for (auto& [key, plan] : impl_->plans) fftwf_destroy_plan(plan);
}

bool FftPlanCache::forward_r2c(int height, int width, float* in, std::complex<float>* out, int threads)
{
    if (height <= 0 || width <= 0) return false;
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // Threads cost more than they save below a few megapixels (measured on a
    // 2-core machine: 1024x1024 tiles ran faster on one thread).
    if (static_cast<long>(height) * width < 2048L * 2048L) threads = 1;
    fftwf_plan plan = nullptr;
    {
        std::lock_guard lock(impl_->mutex);
        impl_->load_wisdom();
        const auto key = std::make_tuple(height, width, threads);
        auto it = impl_->plans.find(key);
        if (it != impl_->plans.end()) {
            plan = it->second;
        } else {
            // Plan on scratch arrays: FFTW_MEASURE overwrites them while timing.
            FftBuffer scratch_in(static_cast<std::size_t>(height) * static_cast<std::size_t>(width));
            FftBuffer scratch_out(static_cast<std::size_t>(height) * static_cast<std::size_t>(width / 2 + 1) * 2);
            fftwf_plan_with_nthreads(threads);
            // Square power-of-two tiles recur constantly, so they earn a measured plan;
            // odd whole-image sizes get an estimated one unless wisdom already knows them.
            const bool measure = impl_->effort == PlanEffort::Measure && height == width && is_power_of_two(width);
            unsigned flags = measure ? FFTW_MEASURE : FFTW_ESTIMATE;
            plan = fftwf_plan_dft_r2c_2d(height, width, scratch_in.data(), reinterpret_cast<fftwf_complex*>(scratch_out.data()),
                                         flags);
            if (!plan) return false;
            impl_->plans.emplace(key, plan);
            if (measure) impl_->save_wisdom();
        }
    }
    fftwf_execute_dft_r2c(plan, in, reinterpret_cast<fftwf_complex*>(out));
    return true;
}

void FftPlanCache::set_effort(PlanEffort effort)
{
    std::lock_guard lock(impl_->mutex);
    impl_->effort = effort;
}

void FftPlanCache::set_wisdom_path(const std::string& path)
{
    std::lock_guard lock(impl_->mutex);
    impl_->wisdom_path = path;
    impl_->wisdom_loaded = false;
}

std::string FftPlanCache::wisdom_path() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->wisdom_path;
}

std::size_t FftPlanCache::cached_plans() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->plans.size();
}

} // namespace clipflow
