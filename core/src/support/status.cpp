#include "clipflow/status.h"

namespace clipflow {

const char* error_code_name(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok: return "ok";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::DanglingLink: return "dangling_link";
    case ErrorCode::NotARegularFile: return "not_a_regular_file";
    case ErrorCode::PermissionDenied: return "permission_denied";
    case ErrorCode::EmptyFile: return "empty_file";
    case ErrorCode::FileTooLarge: return "file_too_large";
    case ErrorCode::TooManyPixels: return "too_many_pixels";
    case ErrorCode::UnsupportedFormat: return "unsupported_format";
    case ErrorCode::CorruptData: return "corrupt_data";
    case ErrorCode::TruncatedData: return "truncated_data";
    case ErrorCode::IoError: return "io_error";
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::Aborted: return "aborted";
    case ErrorCode::TimedOut: return "timed_out";
    case ErrorCode::WorkerCrashed: return "worker_crashed";
    case ErrorCode::Internal: return "internal";
    }
    return "unknown";
}

std::string Status::to_string() const
{
    if (ok()) return "ok";
    return std::string(error_code_name(code_)) + ": " + message_;
}

} // namespace clipflow
