#pragma once
// COSE_Sign1 (RFC 9052) as C2PA uses it: a detached claim signed with the key of
// the first certificate of `x5chain`; and the X.509 questions around it
// (who signed, when, and whether the chain reaches an anchor the user trusts).
// OpenSSL does the cryptography.

#include "clipflow/c2pa.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace clipflow::detail {

struct CoseVerification {
    std::string algorithm;                        ///< COSE name, e.g. "PS256"; empty if unknown
    std::vector<std::vector<std::uint8_t>> chain; ///< x5chain, DER, signer first
    std::string signing_time;                     ///< from the time-stamp token, ISO 8601 UTC
    C2paCheck check = C2paCheck::Unverified;
    std::string code;   ///< C2PA status code of the outcome
    std::string detail; ///< why, for people
};

/// `cose` is the decoded COSE_Sign1 array (decode_cbor), `payload` the claim's bytes.
CoseVerification verify_cose_sign1(const nlohmann::json& cose, std::span<const std::uint8_t> payload);

struct CertificateInfo {
    std::string subject, issuer, name, not_before, not_after;
};
std::optional<CertificateInfo> describe_certificate(std::span<const std::uint8_t> der);

/// Does `chain` reach one of the PEM anchors at `when` (ISO 8601; empty: now)? Sets `code` and `detail`.
C2paTrust check_trust(const std::vector<std::vector<std::uint8_t>>& chain, const std::string& anchors_pem,
                      const std::string& when, std::string& code, std::string& detail);

/// How many certificates OpenSSL reads from PEM text.
std::size_t count_certificates(const std::string& pem);

/// Digest by C2PA name ("sha256", "sha384", "sha512") over `parts` in order; nullopt for other names.
std::optional<std::vector<std::uint8_t>> c2pa_digest(const std::string& alg,
                                                     const std::vector<std::span<const std::uint8_t>>& parts);

} // namespace clipflow::detail
