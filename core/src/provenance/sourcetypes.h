#pragma once
// IPTC digital source types (cv.iptc.org/newscodes/digitalsourcetype) and what
// each claims: shared by the metadata reader and the C2PA reader so both say
// the same thing of the same code.

#include <array>
#include <string_view>

namespace clipflow::detail {

struct SourceType {
    std::string_view code, meaning;
    int ai; ///< +1 claims AI generation, -1 claims a capture, 0 neither
};

inline constexpr std::array<SourceType, 17> kSourceTypes{{
    {"trainedAlgorithmicMedia", "made by a generative AI model (IPTC: created using a model trained on sampled content)", 1},
    {"compositeWithTrainedAlgorithmicMedia", "a composite that includes generative-AI content (e.g. AI fill or expansion)", 1},
    {"algorithmicallyEnhanced", "captured, then enhanced by an algorithm (IPTC) — AI may have changed details", 0},
    {"algorithmicMedia", "made by an algorithm without sampled training data (pure computer generation)", 0},
    {"compositeSynthetic", "a composite of synthetic elements", 0},
    {"digitalCapture", "captured by a digital camera or phone: a claim of a real photograph", -1},
    {"computationalCapture", "captured with computational photography (e.g. a phone's multi-frame processing)", -1},
    {"negativeFilm", "scanned from a film negative", -1},
    {"positiveFilm", "scanned from a film positive (slide)", -1},
    {"print", "scanned from a print", -1},
    {"minorHumanEdits", "a capture with minor human edits", -1},
    {"humanEdits", "edited by a person", 0},
    {"compositeCapture", "a composite of captured elements", -1},
    {"digitalCreation", "created digitally by a person (drawing, 3-D render)", 0},
    {"dataDrivenMedia", "generated from data (charts, maps)", 0},
    {"virtualRecording", "recorded in a virtual environment (a game or simulation)", 0},
    {"screenCapture", "a screenshot", 0},
}};

inline const SourceType* find_source_type(std::string_view code)
{
    for (const auto& t : kSourceTypes)
        if (t.code == code) return &t;
    return nullptr;
}

/// The code of a source-type URI or term: the part after the last '/', '#' or ':'.
inline std::string_view source_type_code(std::string_view uri)
{
    while (!uri.empty() && (uri.back() == ' ' || uri.back() == '\n' || uri.back() == '\r' || uri.back() == '\t'))
        uri.remove_suffix(1);
    if (const auto cut = uri.find_last_of("/#:"); cut != std::string_view::npos) uri.remove_prefix(cut + 1);
    return uri;
}

} // namespace clipflow::detail
