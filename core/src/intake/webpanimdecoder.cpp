#include "webpanimdecoder.h"

#include <opencv2/imgproc.hpp>
#include <webp/demux.h>

#include <memory>
#include <string>

namespace clipflow::detail {

Result<WebpAnimFrame> decode_webp_first_frame(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels, bool keep_alpha)
{
    WebPData data{bytes.data(), bytes.size()};
    WebPAnimDecoderOptions options;
    if (!WebPAnimDecoderOptionsInit(&options)) return Status(ErrorCode::Internal, "libwebp's animation decoder is unusable");
    options.color_mode = MODE_RGBA; // not premultiplied: the stored colours
    options.use_threads = 0;
    // The demuxer checks the chunk structure and the frames against the canvas before anything is decoded.
    std::unique_ptr<WebPAnimDecoder, decltype(&WebPAnimDecoderDelete)> decoder(WebPAnimDecoderNew(&data, &options),
                                                                               &WebPAnimDecoderDelete);
    if (!decoder) return Status(ErrorCode::CorruptData, "animated WebP: the frames or their chunks are damaged");
    WebPAnimInfo info;
    if (!WebPAnimDecoderGetInfo(decoder.get(), &info))
        return Status(ErrorCode::CorruptData, "animated WebP: the canvas could not be read");
    // WebPAnimDecoderNew has already allocated the canvas (width * height * 4 bytes, twice): what bounds
    // it is intake's check of the VP8X canvas against the pixel limit before this is called. Checked
    // again here, before a frame is decoded, for any other caller.
    if (info.canvas_width == 0 || info.canvas_height == 0 ||
        std::uint64_t(info.canvas_width) * std::uint64_t(info.canvas_height) > max_pixels)
        return Status(ErrorCode::TooManyPixels, "animated WebP canvas " + std::to_string(info.canvas_width) + "x" +
                                                    std::to_string(info.canvas_height) + " is outside the pixel limit");
    if (info.frame_count == 0) return Status(ErrorCode::CorruptData, "animated WebP without a frame");
    std::uint8_t* rgba = nullptr;
    int timestamp = 0;
    if (!WebPAnimDecoderHasMoreFrames(decoder.get()) || !WebPAnimDecoderGetNext(decoder.get(), &rgba, &timestamp) || !rgba)
        return Status(ErrorCode::CorruptData, "animated WebP: its first frame could not be decoded (corrupt or truncated)");
    // rgba belongs to the decoder: copied out, in OpenCV's channel order.
    const cv::Mat canvas(int(info.canvas_height), int(info.canvas_width), CV_8UC4, rgba);
    WebpAnimFrame out;
    out.frame_count = int(info.frame_count);
    cv::cvtColor(canvas, out.pixels, keep_alpha ? cv::COLOR_RGBA2BGRA : cv::COLOR_RGBA2BGR);
    return out;
}

} // namespace clipflow::detail
