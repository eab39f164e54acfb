#pragma once
// Minimal argument scanner for the CLI: no Qt, so `clipflow` builds on servers.

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace clipflow::cli {

class Args {
public:
    Args(std::vector<std::string> words) : words_(std::move(words)) {}

    // Consumes "--name" and reports whether it was present.
    bool flag(const std::string& name);
    // Consumes "--name VALUE" or "--name=VALUE"; error() is set when VALUE is missing.
    std::optional<std::string> option(const std::string& name);
    // What is left once options are consumed; anything starting with "--" is an unknown option.
    std::vector<std::string> positional();
    const std::string& error() const { return error_; }

private:
    std::vector<std::string> words_;
    std::string error_;
};

int to_int(const std::string& text, int fallback, bool& ok);

// Prints "clipflow COMMAND: why" with a pointer to --help; returns exit code 2.
int usage_error(const std::string& command, const std::string& why);

} // namespace clipflow::cli

namespace clipflow::cli {

bool to_double(const std::string& text, double& value);
// The folder holding the running executable (for the default model).
std::string executable_dir();
// A numeric option with its allowed range.
struct NumberOption {
    const char* name;
    double* value; // keeps its default when the option is absent
    double lo, hi;
};
// Reads each present option into its value; returns why one is bad, or an empty string.
std::string read_numbers(Args& args, std::initializer_list<NumberOption> options);

// Every "--name VALUE" occurrence, in order.
std::vector<std::string> options(Args& args, const std::string& name);

} // namespace clipflow::cli
