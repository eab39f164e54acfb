#pragma once
// A copy of a model file with its metadata edited and its tensors kept byte for byte:
// how tests make variants of the shipped models (uncalibrated, recalibrated).
#include <clipflow/safetensors.h>

#include <QtGlobal>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

inline void write_model_copy(const std::string& from, const std::string& to,
                             const std::function<void(std::map<std::string, std::string>&)>& edit)
{
    auto file = clipflow::SafetensorsFile::open(from);
    if (!file) qFatal("%s", file.status().message().c_str());
    auto md = file->metadata();
    edit(md);
    std::vector<clipflow::TensorData> tensors;
    for (const clipflow::TensorView& t : file->tensors())
        tensors.push_back({t.name, t.dtype, t.shape, std::vector<std::uint8_t>(t.bytes.begin(), t.bytes.end())});
    if (!clipflow::write_safetensors(to, tensors, md).ok()) qFatal("cannot write %s", to.c_str());
}
