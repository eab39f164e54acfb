#pragma once
// Reproducible stand-ins for natural photos in tests: 1/f-like ("pink")
// colour noise, built from octaves of smoothly up-sampled random fields, plus
// a little sensor noise. Its spectrum falls off like a photo's and has no
// periodic component, so anything periodic found later was put there.

#include <clipflow/raster.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <random>

namespace testimages {

inline clipflow::Raster pink_noise(int width, int height, unsigned seed, int channels = 3)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.f, 1.f);
    cv::Mat acc = cv::Mat::zeros(height, width, CV_32FC3);
    for (int octave = 2; octave <= 256 && octave <= std::max(width, height); octave *= 2) {
        const int w = std::max(2, width * 2 / octave + 2), h = std::max(2, height * 2 / octave + 2);
        cv::Mat field(h, w, CV_32FC3);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const float common = g(rng);
                field.at<cv::Vec3f>(y, x) = {common + 0.4f * g(rng), common + 0.4f * g(rng), common + 0.4f * g(rng)};
            }
        cv::Mat up;
        cv::resize(field, up, cv::Size(width, height), 0, 0, cv::INTER_CUBIC);
        cv::scaleAdd(up, 0.05 * octave / 16.0, acc, acc);
    }
    cv::Mat noise(height, width, CV_32FC3);
    cv::randn(noise, 0.0, 0.01);
    cv::add(acc, noise, acc);
    double lo, hi;
    cv::minMaxLoc(acc.reshape(1), &lo, &hi);
    const double scale = 0.8 / std::max(1e-6, hi - lo);
    acc.convertTo(acc, CV_32F, scale, 0.1 - lo * scale);
    clipflow::Raster r;
    r.width = width;
    r.height = height;
    r.channels = channels;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const auto v = acc.at<cv::Vec3f>(y, x);
            if (channels == 1)
                r.data.push_back(0.299f * v[0] + 0.587f * v[1] + 0.114f * v[2]);
            else
                r.data.insert(r.data.end(), {v[0], v[1], v[2]});
        }
    return r;
}

// Nearest-neighbour 2x up-sampling: the plainest generator-like trace.
inline clipflow::Raster upsample2(const clipflow::Raster& in)
{
    clipflow::Raster r;
    r.width = in.width * 2;
    r.height = in.height * 2;
    r.channels = in.channels;
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x)
            for (int c = 0; c < r.channels; ++c) r.data.push_back(in.at(x / 2, y / 2, c));
    return r;
}

// The image mirrored about its main diagonal (a quarter turn and a mirror), written here
// independently of core's orientation-free reading, which the tests check against it.
inline clipflow::Raster transpose(const clipflow::Raster& in)
{
    clipflow::Raster out;
    out.width = in.height;
    out.height = in.width;
    out.channels = in.channels;
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            for (int c = 0; c < in.channels; ++c) out.data.push_back(in.at(y, x, c));
    return out;
}

} // namespace testimages
