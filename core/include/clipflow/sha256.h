#pragma once
// SHA-256 over OpenSSL's EVP interface.

#include "clipflow/result.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace clipflow {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::span<const std::uint8_t> bytes);
    std::string finish_hex(); ///< resets the object for reuse

    static std::string hex(std::span<const std::uint8_t> bytes);
    /// Streams a file of any size (models are gigabytes) in 1 MB pieces.
    static Result<std::string> file_hex(const std::string& path);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace clipflow
