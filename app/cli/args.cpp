#include "args.h"

#include <clipflow/clipflowdetector.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace clipflow::cli {

bool Args::flag(const std::string& name)
{
    for (auto it = words_.begin(); it != words_.end(); ++it) {
        if (*it == "--") break;
        if (*it == name) {
            words_.erase(it);
            return true;
        }
    }
    return false;
}

std::optional<std::string> Args::option(const std::string& name)
{
    for (auto it = words_.begin(); it != words_.end(); ++it) {
        if (*it == "--") break;
        if (*it == name) {
            if (it + 1 == words_.end()) {
                error_ = name + " needs a value";
                words_.erase(it);
                return std::nullopt;
            }
            std::string value = *(it + 1);
            words_.erase(it, it + 2);
            return value;
        }
        if (it->rfind(name + "=", 0) == 0) {
            std::string value = it->substr(name.size() + 1);
            words_.erase(it);
            return value;
        }
    }
    return std::nullopt;
}

std::vector<std::string> Args::positional()
{
    std::vector<std::string> out;
    bool literal = false;
    for (const auto& w : words_) {
        if (!literal && w == "--") {
            literal = true;
            continue;
        }
        if (!literal && w.size() > 1 && w[0] == '-') {
            if (error_.empty()) error_ = "unknown option " + w;
            continue;
        }
        out.push_back(w);
    }
    return out;
}

int to_int(const std::string& text, int fallback, bool& ok)
{
    int value = fallback;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    ok = ec == std::errc() && ptr == text.data() + text.size();
    return ok ? value : fallback;
}

int usage_error(const std::string& command, const std::string& why)
{
    std::cerr << "clipflow " << command << ": " << why << "\n(see clipflow " << command << " --help)\n";
    return 2;
}

bool to_double(const std::string& text, double& value)
{
    try {
        std::size_t used = 0;
        value = std::stod(text, &used);
        return used == text.size() && std::isfinite(value);
    } catch (const std::exception&) {
        return false;
    }
}

std::string executable_dir()
{
    return running_program_dir();
}

std::string read_numbers(Args& args, std::initializer_list<NumberOption> options)
{
    for (const auto& n : options)
        if (auto v = args.option(n.name))
            if (!to_double(*v, *n.value) || *n.value < n.lo || *n.value > n.hi) {
                char range[64];
                std::snprintf(range, sizeof range, "[%g, %g]", n.lo, n.hi);
                return std::string(n.name) + " must be a number in " + range;
            }
    return {};
}

std::vector<std::string> options(Args& args, const std::string& name)
{
    std::vector<std::string> out;
    while (auto v = args.option(name)) out.push_back(*v);
    return out;
}

} // namespace clipflow::cli
