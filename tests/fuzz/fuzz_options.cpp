// Fuzz target: the CLI's option table (app/cli/optiontable.h) on any argument
// words (the input split at NUL bytes): every kind of option, sections, a
// required option and positionals. Parsing either succeeds with every value
// within its declared range and choices, or ends with exit code 0 (help) or 2
// (a usage error); nothing else, and no crash.

#include <optiontable.h>

#include <cstddef>
#include <cstdint>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < size && words.size() < 64; ++i) {
        if (data[i] == 0)
            words.emplace_back();
        else
            words.back().push_back(static_cast<char>(data[i]));
    }
    bool flag = false, other = false;
    std::optional<std::string> out;
    std::string plain = "default", choice = "hann";
    std::vector<std::string> many, rest;
    double number = 0.5;
    float small = 0.25f;
    int whole = 0;
    std::uint64_t big = 1;
    clipflow::cli::OptionTable t("fuzz", "[options] X...", "About.\n  kept as written");
    t.flag("--json", flag, "a flag")
        .text("--out", "FILE", out, "required text")
        .required()
        .text("--addr", "HOST", plain, "a plain text")
        .default_text("somewhere")
        .texts("--real", "DIR", many, "repeatable")
        .choice("--window", "W", choice, {"hann", "tukey", "none"}, "a choice")
        .number("--margin", "M", number, -1, 1, "a number")
        .number("--lr", "X", small, 1e-7, 1, "a float")
        .whole("--threads", "N", whole, -5, 1024, "a whole number")
        .whole("--seed", "S", big, 0, 1'000'000'000'000'000LL, "a large whole number")
        .section("Other", "A footer.")
        .flag("--other", other, "in a section")
        .hidden()
        .positionals(rest);
    std::ostringstream sink; // help and errors are not the point here
    auto* err = std::cerr.rdbuf(sink.rdbuf());
    auto* std_out = std::cout.rdbuf(sink.rdbuf());
    const auto code = t.parse(words);
    const std::string help = t.help();
    std::cerr.rdbuf(err);
    std::cout.rdbuf(std_out);
    if (code) {
        if (*code != 0 && *code != 2) __builtin_trap();
    } else {
        if (!out) __builtin_trap(); // required
        if (!(number >= -1 && number <= 1) || !(small >= 1e-7f && small <= 1.0f)) __builtin_trap();
        if (whole < -5 || whole > 1024 || big > 1'000'000'000'000'000ULL) __builtin_trap();
        if (choice != "hann" && choice != "tukey" && choice != "none") __builtin_trap();
    }
    for (std::size_t at = 0, end; at < help.size(); at = end + 1) { // every help line fits 79 columns
        end = help.find('\n', at);
        if (end == std::string::npos) end = help.size();
        if (end - at > 79) __builtin_trap();
    }
    return 0;
}
