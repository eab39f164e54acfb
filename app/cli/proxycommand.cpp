#include "proxycommand.h"

#include "args.h"
#include "jsonfields.h"

#include <clipflow/atomicfile.h>
#include <clipflow/evidence.h>
#include <clipflow/laundering.h>
#include <clipflow/proxy.h>

#include <filesystem>
#include <iostream>

namespace clipflow::cli {

const char* const kProxyHelp = R"(Usage: clipflow proxy IMAGE... --out DIR [--op NAME|all] [--seed S] [--sheet]

Writes the proxy images the CLIP-Flow detector trains against: the photo with
its Fourier spectrum modified the way generators leave it. One PNG per
operation and image, named IMAGE-OP.png, and one JSON line describing what was
drawn. The k-th image (from 0) draws with seed S + k.

Options:
  --out DIR            output folder (created if missing)
  --op NAME            one operation, or all (default): hf_attenuation,
                       hf_boost, zero_insertion, transposed_conv,
                       resampling_chain, phase_perturbation, lowpass_resharpen,
                       vae_decoder, upsampling_cascade
  --seed S             random seed (default 1)
  --crop N             work on the central N x N pixels (default 256; 0: whole image)
  --sheet              also IMAGE-OP-sheet.png: both images with their spectra

Exit status: 0 written, 1 failed, 2 usage error.
)";

int run_proxy(std::vector<std::string> words)
{
    namespace fs = std::filesystem;
    Args args(std::move(words));
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kProxyHelp;
        return 0;
    }
    const bool sheet = args.flag("--sheet");
    const auto out = args.option("--out");
    const auto op_name = args.option("--op");
    const auto seed_text = args.option("--seed");
    const auto crop_text = args.option("--crop");
    const auto inputs = args.positional();
    auto usage = [](const std::string& why) { return usage_error("proxy", why); };
    if (!args.error().empty()) return usage(args.error());
    if (inputs.empty()) return usage("give at least one image");
    if (!out) return usage("--out DIR is required");
    double seed = 1;
    if (seed_text && (!to_double(*seed_text, seed) || seed < 0)) return usage("--seed must be a non-negative number");
    bool ok = true;
    const int crop = crop_text ? to_int(*crop_text, 256, ok) : 256;
    if (!ok || crop < 0) return usage("--crop must be a non-negative whole number");
    std::vector<ProxyOp> ops;
    if (!op_name || *op_name == "all")
        ops = all_proxy_ops();
    else if (auto op = proxy_op_from_name(*op_name))
        ops = {*op};
    else
        return usage("unknown operation '" + *op_name + "'");

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
