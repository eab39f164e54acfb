#pragma once
// Intake in a child process: every parser of untrusted bytes (decoders, Exiv2,
// text chunks, C2PA, JPEG forensics) runs in `clipflow-intake` under a
// per-file time limit, and what it found comes back whole, decoded pixels
// included. The caller reads, hashes and decodes nothing itself: a file that
// hangs or crashes a decoder costs the child, never the caller, and each file
// is read, hashed and decoded once.
//
//   clipflow::WorkerProcessParams w;
//   w.argv = {"/usr/bin/clipflow-intake"};
//   w.timeout_s = 60;
//   auto reader = std::make_shared<clipflow::IsolatedReader>(w);
//   auto ev = reader->read("photo.jpg", params);   // as load_evidence(), or TimedOut / WorkerCrashed
//
// Both ends of the protocol are here: answer_intake_request() is the child's
// handler. A request is one JSON line (the path in hex, the IntakeParams); a
// reply is a JSON line {"message_bytes", "pixel_bytes"} (or {"error",
// "error_code"}) followed by that many bytes: a CBOR message (versioned) with
// everything of Evidence except the pixels, then the pixels, as 8-bit indices
// into a 256-entry float table when the decoded values allow it (always for
// 8-bit files: exact), else as float32.

#include "clipflow/evidence.h"
#include "clipflow/workerprocess.h"

#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace clipflow {

/// The request line for `path` with `params` (no newline).
std::string encode_intake_request(const std::string& path, const IntakeParams& params);

/// Child side: answers one request line (decode, read, encode). Never throws.
WorkerReply answer_intake_request(const std::string& request);

/// Evidence without its pixels as the message bytes, and its pixels as the pixel bytes
/// (an 8-bit Evidence::picture as it is, else the raster as indices into a table or as float32).
struct EncodedEvidence {
    std::string message;
    std::string pixels;
};
EncodedEvidence encode_evidence_message(const Evidence& evidence);
/// The inverse. Anything malformed (the fuzz entry point) is CorruptData, never a crash.
/// `keep_picture`: 8-bit samples also as Evidence::picture (IntakeParams::keep_picture).
Result<Evidence> decode_evidence_message(std::span<const std::uint8_t> message, std::span<const std::uint8_t> pixels,
                                         bool keep_picture = false);

/// A `clipflow-intake` child shared by the threads of one program.
/// Thread-safe: requests are served one at a time.
class IsolatedReader {
public:
    explicit IsolatedReader(WorkerProcessParams params);
    /// load_evidence(path, params) in the child. The child's failures keep their
    /// error codes; a child that runs past the limit or dies gives TimedOut or
    /// WorkerCrashed, and the next call starts a fresh one. With `read_ahead`,
    /// the child goes on to read that file (same params) while the caller works,
    /// and the next read() of it only collects the answer (its time limit counts
    /// from then); a read() of anything else drops that answer.
    Result<Evidence> read(const std::string& path, const IntakeParams& params = {}, const std::string& read_ahead = {});
    /// Children started so far.
    int started() const;

private:
    Result<Evidence> collect(const std::string& path, const IntakeParams& params);
    mutable std::mutex mutex_;
    WorkerProcess worker_;
    std::string pending_; ///< the request the child is reading ahead, if any
};

} // namespace clipflow
