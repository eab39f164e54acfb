#include "clipflow/proxy.h"

#include "clipflow/spectrum.h"
#include "intake/cvraster.h"
#include "spectral/spectrumpanel.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace clipflow {

namespace {

cv::Mat image_panel(const Raster& r, const std::string& title)
{
    cv::Mat m = detail::to_mat(r), u8;
    m.convertTo(u8, CV_8U, 255.0);
    if (u8.channels() == 1)
        cv::cvtColor(u8, u8, cv::COLOR_GRAY2BGR);
    else
        cv::cvtColor(u8, u8, cv::COLOR_RGB2BGR);
    const int k = detail::kPanel;
    const double scale = static_cast<double>(k) / std::max(r.width, r.height);
    cv::Mat resized;
    // Nearest neighbour: the pixels an analyst would peep at, not a smoothed copy.
    cv::resize(u8, resized, cv::Size(std::max(1, int(r.width * scale)), std::max(1, int(r.height * scale))), 0, 0,
               scale >= 1 ? cv::INTER_NEAREST : cv::INTER_AREA);
    cv::Mat panel(k + 28, k, CV_8UC3, cv::Scalar(32, 32, 32));
    resized.copyTo(panel(cv::Rect((k - resized.cols) / 2, 28 + (k - resized.rows) / 2, resized.cols, resized.rows)));
    cv::putText(panel, title, cv::Point(8, 20), cv::FONT_HERSHEY_SIMPLEX, 0.55, cv::Scalar(235, 235, 235), 1, cv::LINE_AA);
    return panel;
}

Result<cv::Mat> column(const Raster& r, const std::string& title)
{
    SpectrumParams sp;
    sp.max_peaks = 8;
    auto s = analyze_spectrum(r, sp);
    if (!s) return s.status();
    s->image.name = "luminance";
    std::vector<cv::Mat> rows{image_panel(r, title), detail::colour_panel(s->image, s->peaks),
                              detail::colour_panel(s->residual, s->peaks)};
    cv::Mat out;
    cv::vconcat(rows, out);
    return out;
}

} // namespace

Result<std::vector<std::uint8_t>> render_proxy_pair_png(const Raster& natural, const ProxyImage& proxy)
{
    try {
        auto a = column(natural, "natural");
        if (!a) return a.status();
        auto b = column(proxy.image, std::string("proxy: ") + proxy_op_name(proxy.op));
        if (!b) return b.status();
        cv::Mat sheet;
        cv::hconcat(std::vector<cv::Mat>{*a, cv::Mat(a->rows, 8, CV_8UC3, cv::Scalar(20, 20, 20)), *b}, sheet);
        std::vector<std::uint8_t> png;
        if (!cv::imencode(".png", sheet, png)) return Status(ErrorCode::Internal, "PNG encoding failed");
        return png;
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("OpenCV: ") + e.what());
    }
}

} // namespace clipflow
