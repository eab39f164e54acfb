#include "gifdecoder.h"

#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace clipflow::detail {
namespace {

struct MemorySource {
    std::span<const std::uint8_t> bytes;
    std::size_t pos = 0;
};

int read_memory(GifFileType* gif, GifByteType* out, int count)
{
    auto* src = static_cast<MemorySource*>(gif->UserData);
    const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(std::max(count, 0)), src->bytes.size() - src->pos);
    std::memcpy(out, src->bytes.data() + src->pos, n);
    src->pos += n;
    return static_cast<int>(n);
}

struct GifCloser {
    void operator()(GifFileType* gif) const
    {
        int error = 0;
        DGifCloseFile(gif, &error);
    }
};

Result<GifFrame> gif_error(int code)
{
    const char* text = GifErrorString(code);
    const std::string message = std::string("GIF: ") + (text ? text : "decoder error");
    if (code == D_GIF_ERR_READ_FAILED || code == D_GIF_ERR_EOF_TOO_SOON) return {ErrorCode::TruncatedData, message};
    return {ErrorCode::CorruptData, message};
}

} // namespace

Result<GifFrame> decode_gif_first_frame(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels)
{
    MemorySource source{bytes, 0};
    int error = 0;
    std::unique_ptr<GifFileType, GifCloser> gif(DGifOpen(&source, read_memory, &error));
    if (!gif) return gif_error(error);
    const int sw = gif->SWidth, sh = gif->SHeight;
    if (sw <= 0 || sh <= 0) return {ErrorCode::CorruptData, "GIF declares an empty screen"};
    if (static_cast<std::uint64_t>(sw) * static_cast<std::uint64_t>(sh) > max_pixels)
        return {ErrorCode::TooManyPixels, "GIF screen exceeds the pixel limit"};

    GifFrame frame;
    frame.width = sw;
    frame.height = sh;
    int transparent = -1;
    bool done = false;
    while (!done) {
        GifRecordType type = UNDEFINED_RECORD_TYPE;
        if (DGifGetRecordType(gif.get(), &type) == GIF_ERROR) return gif_error(gif->Error);
        if (type == EXTENSION_RECORD_TYPE) {
            int code = 0;
            GifByteType* ext = nullptr;
            if (DGifGetExtension(gif.get(), &code, &ext) == GIF_ERROR) return gif_error(gif->Error);
            if (code == GRAPHICS_EXT_FUNC_CODE && ext && ext[0] >= 4 && (ext[1] & 1)) transparent = ext[4];
            while (ext) {
                if (DGifGetExtensionNext(gif.get(), &ext) == GIF_ERROR) return gif_error(gif->Error);
            }
        } else if (type == IMAGE_DESC_RECORD_TYPE) {
            if (DGifGetImageDesc(gif.get()) == GIF_ERROR) return gif_error(gif->Error);
            const GifImageDesc& d = gif->Image;
            const ColorMapObject* map = d.ColorMap ? d.ColorMap : gif->SColorMap;
            if (!map) return {ErrorCode::CorruptData, "GIF frame without a colour table"};
            if (d.Width <= 0 || d.Height <= 0 || d.Left < 0 || d.Top < 0 || d.Width > 65535 || d.Height > 65535)
                return {ErrorCode::CorruptData, "GIF frame with an invalid size"};
            // Background: the screen colour (transparent pixels show it too).
            frame.rgb.assign(static_cast<std::size_t>(sw) * static_cast<std::size_t>(sh) * 3, 0);
            if (gif->SColorMap && gif->SBackGroundColor < gif->SColorMap->ColorCount) {
                const GifColorType bg = gif->SColorMap->Colors[gif->SBackGroundColor];
                for (std::size_t i = 0; i < frame.rgb.size(); i += 3) {
                    frame.rgb[i] = bg.Red;
                    frame.rgb[i + 1] = bg.Green;
                    frame.rgb[i + 2] = bg.Blue;
                }
            }
            std::vector<GifPixelType> line(static_cast<std::size_t>(d.Width));
            auto put_row = [&](int row) {
                const int y = d.Top + row;
                for (int x = 0; x < d.Width; ++x) {
                    const int idx = line[static_cast<std::size_t>(x)];
                    const int px = d.Left + x;
                    if (idx == transparent) {
                        frame.has_transparency = true;
                        continue;
                    }
                    if (y >= sh || px >= sw || idx >= map->ColorCount) continue;
                    const GifColorType c = map->Colors[idx];
                    const std::size_t o =
                        (static_cast<std::size_t>(y) * static_cast<std::size_t>(sw) + static_cast<std::size_t>(px)) * 3;
                    frame.rgb[o] = c.Red;
                    frame.rgb[o + 1] = c.Green;
                    frame.rgb[o + 2] = c.Blue;
                }
            };
            if (d.Interlace) {
                static const int start[] = {0, 4, 2, 1}, step[] = {8, 8, 4, 2};
                for (int pass = 0; pass < 4; ++pass)
                    for (int row = start[pass]; row < d.Height; row += step[pass]) {
                        if (DGifGetLine(gif.get(), line.data(), d.Width) == GIF_ERROR) return gif_error(gif->Error);
                        put_row(row);
                    }
            } else {
                for (int row = 0; row < d.Height; ++row) {
                    if (DGifGetLine(gif.get(), line.data(), d.Width) == GIF_ERROR) return gif_error(gif->Error);
                    put_row(row);
                }
            }
            done = true;
        } else if (type == TERMINATE_RECORD_TYPE) {
            return {ErrorCode::CorruptData, "GIF contains no image"};
        }
    }
    // Peek whether another frame follows, without decoding it.
    GifRecordType next = UNDEFINED_RECORD_TYPE;
    for (int guard = 0; guard < 64 && DGifGetRecordType(gif.get(), &next) != GIF_ERROR; ++guard) {
        if (next == IMAGE_DESC_RECORD_TYPE) {
            frame.more_frames = true;
            break;
        }
        if (next != EXTENSION_RECORD_TYPE) break;
        int code = 0;
        GifByteType* ext = nullptr;
        if (DGifGetExtension(gif.get(), &code, &ext) == GIF_ERROR) break;
        while (ext && DGifGetExtensionNext(gif.get(), &ext) != GIF_ERROR) {}
    }
    return frame;
}

} // namespace clipflow::detail
