#pragma once
// One table per command: each option is declared once, with where its value
// goes, how it is checked and what --help says of it. Parsing, validation and
// the help text all come from that table, so they cannot drift apart.
//
//   bool json = false;
//   int threads = 0;
//   std::optional<std::string> out;
//   std::vector<std::string> images;
//   OptionTable t("spectrum", "IMAGE... [options]", "Fourier spectra of images.");
//   t.text("--out", "FILE", out, "where the sheet goes")
//       .whole("--threads", "N", threads, 0, 256, "parallel images").default_text("all cores")
//       .flag("--json", json, "one JSON line per image")
//       .positionals("IMAGE", images);
//   if (auto code = t.parse(std::move(words))) return *code; // --help printed, or a usage error
//
// No Qt and no third-party parser: `clipflow` builds on headless servers.

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace clipflow::cli {

class OptionTable {
public:
    /// `usage` follows "Usage: clipflow COMMAND "; `about` is the text under it.
    OptionTable(std::string command, std::string usage, std::string about);

    /// --name: present or not.
    OptionTable& flag(const std::string& name, bool& value, std::string help);
    /// --name VALUE (or --name=VALUE), at most once.
    OptionTable& text(const std::string& name, const std::string& metavar, std::optional<std::string>& value, std::string help);
    /// --name VALUE, repeatable: every value in order.
    OptionTable& texts(const std::string& name, const std::string& metavar, std::vector<std::string>& values, std::string help);
    /// --name VALUE where VALUE is one of `choices`; `value` holds the default.
    OptionTable& choice(const std::string& name, const std::string& metavar, std::string& value, std::vector<std::string> choices,
                        std::string help);
    /// --name VALUE into a plain string that holds the default.
    OptionTable& text(const std::string& name, const std::string& metavar, std::string& value, std::string help);
    /// --name X, a finite number in [lo, hi]; `value` holds the default.
    template <typename T>
    OptionTable& number(const std::string& name, const std::string& metavar, T& value, double lo, double hi, std::string help)
    {
        static_assert(std::is_floating_point_v<T>);
        return add_number(
            name, metavar, double(value), [&value](double v) { value = static_cast<T>(v); }, lo, hi, std::move(help));
    }
    /// --name N, a whole number in lo..hi; `value` holds the default.
    template <typename T>
    OptionTable& whole(const std::string& name, const std::string& metavar, T& value, long long lo, long long hi,
                       std::string help)
    {
        static_assert(std::is_integral_v<T>);
        return add_whole(
            name, metavar, static_cast<long long>(value), [&value](long long v) { value = static_cast<T>(v); }, lo, hi,
            std::move(help));
    }
    /// The arguments that are not options (after "--" too). Without this, any is an error.
    OptionTable& positionals(std::vector<std::string>& values);

    /// The last option must be given: "NAME METAVAR is required" otherwise.
    OptionTable& required();
    /// The last option is left out of --help (internal protocol switches).
    OptionTable& hidden();
    /// What --help shows as the last option's default ("" shows none); numbers
    /// and choices show their value otherwise.
    OptionTable& default_text(std::string text);
    /// A heading in --help above the options declared next.
    OptionTable& section(std::string title, std::string footer = {});
    /// Text after the options (exit status, examples).
    OptionTable& notes(std::string text);
    /// A check run after the words are read (options that depend on each other or on
    /// the environment): it returns why they are unusable, which parse() reports as a
    /// usage error, or an empty string.
    OptionTable& check(std::function<std::string()> check);

    /// Reads the words into the values. nullopt: go on. Otherwise the exit code
    /// to return: 0 after printing --help, 2 after printing a usage error.
    std::optional<int> parse(std::vector<std::string> words);
    /// The whole --help text.
    std::string help() const;
    /// "clipflow COMMAND: why" and a pointer to --help, on standard error; returns 2.
    int usage_error(const std::string& why) const;

private:
    enum class Kind { Flag, Text, Texts, Choice, Number, Whole };
    struct Entry {
        Kind kind = Kind::Flag;
        std::string name, metavar, help;
        bool* flag = nullptr;
        std::optional<std::string>* text = nullptr;
        std::vector<std::string>* texts = nullptr;
        std::string* choice = nullptr;
        std::vector<std::string> choices;
        std::string* plain_text = nullptr;
        std::function<void(double)> set_number;
        double number_default = 0;
        double lo = 0, hi = 0;
        std::function<void(long long)> set_whole;
        long long whole_default = 0;
        bool required = false, hidden = false, seen = false;
        std::optional<std::string> default_text;
        std::string section, section_footer; // printed above this entry
    };
    static Entry entry(Kind kind, const std::string& name, const std::string& metavar, std::string help);
    OptionTable& add(Entry e);
    OptionTable& add_number(const std::string& name, const std::string& metavar, double value, std::function<void(double)> set,
                            double lo, double hi, std::string help);
    OptionTable& add_whole(const std::string& name, const std::string& metavar, long long value,
                           std::function<void(long long)> set, long long lo, long long hi, std::string help);
    Entry* find(const std::string& name);
    std::string take(Entry& e, const std::string& value); // why the value is refused, or ""
    std::string shown_default(const Entry& e) const;

    std::string command_, usage_, about_, notes_;
    std::vector<Entry> entries_;
    std::vector<std::string>* positionals_ = nullptr;
    std::vector<std::function<std::string()>> checks_;
    std::string pending_section_, pending_footer_;
};

} // namespace clipflow::cli
