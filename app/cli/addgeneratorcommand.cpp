#include "addgeneratorcommand.h"

#include "args.h"

#include <clipflow/imagepaths.h>
#include <clipflow/modelregistry.h>
#include <clipflow/supervisedtraining.h>

#include <iostream>

namespace clipflow::cli {

const char* const kAddGeneratorHelp = R"(Usage: clipflow add-generator --model MODEL --name NAME --out NEW IMAGE|FOLDER...

Teaches a supervised detector a new generator from a handful of its images
(few-shot, by weight imprinting): the new class's output row points at the
examples' centroid in the head's embedding. Nothing else changes; the new
class is marked few-shot in the model card.

Options:
  --model MODEL        the supervised detector to extend
  --name NAME          the new generator's name
  --out NEW            where to write the extended detector
  --clip CHECKPOINT    the CLIP model, for CLIP-backbone detectors

Exit status: 0 written, 1 failed, 2 usage error.
)";

int run_add_generator(std::vector<std::string> words)
{
    Args args(std::move(words));
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kAddGeneratorHelp;
        return 0;
    }
    auto usage = [](const std::string& why) { return usage_error("add-generator", why); };
    FewShotParams p;
    const auto model = args.option("--model");
    const auto name = args.option("--name");
    const auto out = args.option("--out");
    const auto clip = args.option("--clip");
    const auto inputs = args.positional();
    if (!args.error().empty()) return usage(args.error());
    if (!model || !name || !out) return usage("--model, --name and --out are required");
    if (inputs.empty()) return usage("no example images given");
    if (clip) {
        auto resolved = ModelRegistry().resolve(*clip);
        if (!resolved) return usage(resolved.status().message());
        p.load.clip_model = *resolved;
    }
    p.model_path = *model;
    p.name = *name;
    p.out_path = *out;
    p.files = expand_image_paths(inputs);
    auto r = add_generator(p);
    if (!r) {
        std::cerr << "clipflow add-generator: " << r.status().message() << "\n";
        return 1;
    }
    std::cerr << "wrote " << *out << " (" << r->model_id << "): " << r->classes.size() - 1 << " generators, '" << *name
              << "' from " << p.files.size() << " images\n";
    return 0;
}

} // namespace clipflow::cli
