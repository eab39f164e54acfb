#include "addgeneratorcommand.h"

#include "jsonfields.h"
#include "optiontable.h"

#include <clipflow/modelregistry.h>
#include <clipflow/supervisedtraining.h>

#include <iostream>

namespace clipflow::cli {

const char* const kAddGeneratorAbout = R"(Teaches a supervised detector a new generator from a handful of its images
(few-shot, by weight imprinting): the new class's output row points at the
examples' centroid in the head's embedding. Nothing else changes; the new
class is marked few-shot in the model card.)";

int run_add_generator(std::vector<std::string> words)
{
    std::optional<std::string> model, name, out, clip;
    std::vector<std::string> inputs;
    OptionTable t("add-generator", "--model MODEL --name NAME --out NEW IMAGE|FOLDER...", kAddGeneratorAbout);
    t.text("--model", "MODEL", model, "the supervised detector to extend")
        .required()
        .text("--name", "NAME", name, "the new generator's name")
        .required()
        .text("--out", "NEW", out, "where to write the extended detector")
        .required()
        .text("--clip", "CHECKPOINT", clip, "the CLIP model, for CLIP-backbone detectors")
        .positionals(inputs)
        .notes("Exit status: 0 written, 1 failed, 2 usage error.");
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    FewShotParams p;
    if (inputs.empty()) return usage("no example images given");
    if (clip) {
        auto resolved = ModelRegistry().resolve(*clip);
        if (!resolved) return usage(resolved.status().message());
        p.load.clip_model = *resolved;
    }
    p.model_path = *model;
    p.name = *name;
    p.out_path = *out;
    int problems = 0;
    p.files = image_inputs(inputs, problems);
    if (problems) return usage("a folder of examples gave no images, or not all of them (above): nothing was added");
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
