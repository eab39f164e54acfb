// Fuzz target: the features one data-parallel training rank sends the others
// (core/src/train/featurestage.h). Any bytes from the network are refused or
// accepted without a crash; what is accepted encodes and decodes back to the
// same bytes.

#include "train/featurestage.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::vector<clipflow::detail::FeatureItem> items(16);
    if (!clipflow::detail::decode_feature_items(bytes, items).ok()) return 0;
    const std::string again = clipflow::detail::encode_feature_items(items, 0, 1);
    std::vector<clipflow::detail::FeatureItem> copy(16);
    if (!clipflow::detail::decode_feature_items(again, copy).ok()) __builtin_trap();
    if (clipflow::detail::encode_feature_items(copy, 0, 1) != again) __builtin_trap();
    return 0;
}
