#pragma once
// Error reporting for clipflow_core: every fallible call returns a Status or a
// Result<T>; exceptions from OpenCV, FFTW or libtorch never cross the API.

#include <string>

namespace clipflow {

enum class ErrorCode {
    Ok = 0,
    NotFound,        ///< no such file
    DanglingLink,    ///< a symbolic link whose target is missing
    NotARegularFile, ///< directory, FIFO, device, socket
    PermissionDenied,
    EmptyFile,
    FileTooLarge,  ///< more bytes than IntakeParams::max_file_bytes
    TooManyPixels, ///< header declares more than IntakeParams::max_pixels
    UnsupportedFormat,
    CorruptData,
    TruncatedData,
    IoError,
    InvalidArgument,
    Aborted,       ///< the caller's abort callback said stop
    TimedOut,      ///< a file took longer than its time limit; its worker was stopped
    WorkerCrashed, ///< an isolated worker died on a file (signal or exit)
    Internal,
};

/// Stable machine-readable name, e.g. "truncated_data"; used in JSON output.
const char* error_code_name(ErrorCode code);

class Status {
public:
    Status() = default;
    Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

    static Status success() { return {}; }

    bool ok() const { return code_ == ErrorCode::Ok; }
    ErrorCode code() const { return code_; }
    const std::string& message() const { return message_; }
    /// "truncated_data: the JPEG stream ends before its end-of-image marker"
    std::string to_string() const;

private:
    ErrorCode code_ = ErrorCode::Ok;
    std::string message_;
};

} // namespace clipflow
