#include "clipflow/sha256.h"

#include "support/hex.h"

#include <openssl/evp.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace clipflow {

struct Sha256::Impl {
    EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : impl_(std::make_unique<Impl>())
{
    impl_->ctx = EVP_MD_CTX_new();
    if (!impl_->ctx || EVP_DigestInit_ex(impl_->ctx, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL cannot initialise SHA-256");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(impl_->ctx);
}

void Sha256::update(std::span<const std::uint8_t> bytes)
{
    if (!bytes.empty()) EVP_DigestUpdate(impl_->ctx, bytes.data(), bytes.size());
}

std::string Sha256::finish_hex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(impl_->ctx, digest, &length);
    EVP_DigestInit_ex(impl_->ctx, EVP_sha256(), nullptr);
    return hex_encode({digest, length});
}

std::string Sha256::hex(std::span<const std::uint8_t> bytes)
{
    Sha256 h;
    h.update(bytes);
    return h.finish_hex();
}

Result<std::string> Sha256::file_hex(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(ErrorCode::NotFound, "cannot open " + path);
    Sha256 h;
    std::vector<std::uint8_t> buffer(1 << 20);
    while (in) {
        in.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
        h.update({buffer.data(), static_cast<std::size_t>(in.gcount())});
    }
    if (in.bad()) return Status(ErrorCode::IoError, "read error in " + path);
    return h.finish_hex();
}

} // namespace clipflow
