#include "proxycommand.h"

#include "jsonfields.h"
#include "optiontable.h"

#include <clipflow/atomicfile.h>
#include <clipflow/evidence.h>
#include <clipflow/laundering.h>
#include <clipflow/proxy.h>

#include <filesystem>
#include <iostream>

namespace clipflow::cli {

const char* const kProxyAbout = R"(Writes the proxy images the CLIP-Flow detector trains against: the photo with
its Fourier spectrum modified the way generators leave it. One PNG per
operation and image, named IMAGE-OP.png, and one JSON line describing what was
drawn. The k-th image (from 0) draws with seed S + k.)";

int run_proxy(std::vector<std::string> words)
{
    namespace fs = std::filesystem;
    bool sheet = false;
    std::optional<std::string> out;
    std::string op_name = "all";
    std::vector<std::string> op_names{"all"};
    for (const ProxyOp op : all_proxy_ops()) op_names.push_back(proxy_op_name(op));
    std::uint64_t seed = 1;
    int crop = 256;
    std::vector<std::string> inputs;
    OptionTable t("proxy", "IMAGE... --out DIR [options]", kProxyAbout);
    t.text("--out", "DIR", out, "output folder (created if missing)")
        .required()
        .choice("--op", "NAME", op_name, op_names, "one operation, or all")
        .whole("--seed", "S", seed, 0, 1'000'000'000'000'000LL, "random seed")
        .whole("--crop", "N", crop, 0, 1 << 16, "work on the central N x N pixels (0: whole image)")
        .flag("--sheet", sheet, "also IMAGE-OP-sheet.png: both images with their spectra")
        .positionals(inputs)
        .notes("Exit status: 0 written, 1 failed, 2 usage error.");
    if (auto code = t.parse(std::move(words))) return *code;
    if (inputs.empty()) return t.usage_error("give at least one image");
    const std::vector<ProxyOp> ops = op_name == "all" ? all_proxy_ops() : std::vector<ProxyOp>{*proxy_op_from_name(op_name)};

    std::error_code ec;
    fs::create_directories(*out, ec);
    int failures = 0;
    for (std::size_t index = 0; index < inputs.size(); ++index) {
        const std::string& input = inputs[index];
        auto ev = load_evidence(input);
        if (!ev) {
            std::cout << error_line(input, ev.status()).dump() << "\n";
            ++failures;
            continue;
        }
        Raster img = std::move(ev->pixels);
        if (crop > 0 && (img.width > crop || img.height > crop)) {
            Raster c;
            c.width = std::min(crop, img.width);
            c.height = std::min(crop, img.height);
            c.channels = img.channels;
            const int x0 = (img.width - c.width) / 2 / 8 * 8, y0 = (img.height - c.height) / 2 / 8 * 8;
            for (int y = 0; y < c.height; ++y)
                for (int x = 0; x < c.width; ++x)
                    for (int k = 0; k < c.channels; ++k) c.data.push_back(img.at(x0 + x, y0 + y, k));
            img = std::move(c);
        }
        const std::string stem = (fs::path(*out) / fs::path(input).stem()).string();
        for (ProxyOp op : ops) {
            auto proxy = make_proxy(img, op, static_cast<std::uint64_t>(seed) + index, ProxyParams{});
            auto png = proxy ? encode_image(proxy->image, ".png") : Result<std::vector<std::uint8_t>>(proxy.status());
            const std::string file = stem + "-" + proxy_op_name(op) + ".png";
            Status s = png ? write_file_atomic(file, *png) : png.status();
            if (s.ok() && sheet) {
                auto sh = render_proxy_pair_png(img, *proxy);
                s = sh ? write_file_atomic(stem + "-" + proxy_op_name(op) + "-sheet.png", *sh) : sh.status();
            }
            if (!s.ok()) {
                ++failures;
                std::cout << error_line(file, s).dump() << "\n";
                continue;
            }
            nlohmann::json line{{"file", file}, {"source", ev->info.path}, {"source_sha256", ev->info.sha256}};
            line["proxy"] = nlohmann::json::parse(proxy->description_json);
            std::cout << line.dump() << "\n";
        }
    }
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
