#include "optiontable.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace clipflow::cli {

namespace {

constexpr std::size_t kWidth = 79;      // help lines fit an 80-column terminal
constexpr std::size_t kHelpColumn = 23; // where an option's description starts

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

std::string format_number(double v)
{
    char s[64];
    std::snprintf(s, sizeof s, "%g", v);
    return s;
}

// "a, b or c"
std::string either(const std::vector<std::string>& words)
{
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

// Word-wraps `text` into lines of at most kWidth, each starting with `indent`
// spaces (the first line's indent is already written when `first_done`).
void wrap(std::ostringstream& out, const std::string& text, std::size_t indent, bool first_done)
{
    std::istringstream paragraphs(text);
    bool first = true;
    for (std::string paragraph; std::getline(paragraphs, paragraph);) {
        std::istringstream words(paragraph);
        std::size_t column = indent;
        if (!(first && first_done)) out << std::string(indent, ' ');
        first = false;
        bool line_empty = true;
        for (std::string w; words >> w;) {
            if (!line_empty && column + 1 + w.size() > kWidth) {
                out << "\n" << std::string(indent, ' ');
                column = indent;
                line_empty = true;
            }
            if (!line_empty) {
                out << ' ';
                ++column;
            }
            out << w;
            column += w.size();
            line_empty = false;
        }
        out << "\n";
    }
}

} // namespace

OptionTable::OptionTable(std::string command, std::string usage, std::string about)
    : command_(std::move(command)), usage_(std::move(usage)), about_(std::move(about))
{
}

OptionTable::Entry OptionTable::entry(Kind kind, const std::string& name, const std::string& metavar, std::string help)
{
    Entry e;
    e.kind = kind;
    e.name = name;
    e.metavar = metavar;
    e.help = std::move(help);
    return e;
}

OptionTable& OptionTable::add(Entry e)
{
    e.section = std::move(pending_section_);
    e.section_footer = std::move(pending_footer_);
    pending_section_.clear();
    pending_footer_.clear();
    entries_.push_back(std::move(e));
    return *this;
}

OptionTable& OptionTable::flag(const std::string& name, bool& value, std::string help)
{
    Entry e = entry(Kind::Flag, name, {}, std::move(help));
    e.flag = &value;
    return add(std::move(e));
}

OptionTable& OptionTable::text(const std::string& name, const std::string& metavar, std::optional<std::string>& value,
                               std::string help)
{
    Entry e = entry(Kind::Text, name, metavar, std::move(help));
    e.text = &value;
    return add(std::move(e));
}

OptionTable& OptionTable::texts(const std::string& name, const std::string& metavar, std::vector<std::string>& values,
                                std::string help)
{
    Entry e = entry(Kind::Texts, name, metavar, std::move(help));
    e.texts = &values;
    return add(std::move(e));
}

OptionTable& OptionTable::choice(const std::string& name, const std::string& metavar, std::string& value,
                                 std::vector<std::string> choices, std::string help)
{
    Entry e = entry(Kind::Choice, name, metavar, std::move(help));
    e.choice = &value;
    e.choices = std::move(choices);
    return add(std::move(e));
}

OptionTable& OptionTable::text(const std::string& name, const std::string& metavar, std::string& value, std::string help)
{
    Entry e = entry(Kind::Text, name, metavar, std::move(help));
    e.plain_text = &value;
    return add(std::move(e));
}

OptionTable& OptionTable::add_number(const std::string& name, const std::string& metavar, double value,
                                     std::function<void(double)> set, double lo, double hi, std::string help)
{
    Entry e = entry(Kind::Number, name, metavar, std::move(help));
    e.set_number = std::move(set);
    e.number_default = value;
    e.lo = lo;
    e.hi = hi;
    return add(std::move(e));
}

OptionTable& OptionTable::add_whole(const std::string& name, const std::string& metavar, long long value,
                                    std::function<void(long long)> set, long long lo, long long hi, std::string help)
{
    Entry e = entry(Kind::Whole, name, metavar, std::move(help));
    e.set_whole = std::move(set);
    e.whole_default = value;
    e.lo = double(lo);
    e.hi = double(hi);
    return add(std::move(e));
}

OptionTable& OptionTable::positionals(std::vector<std::string>& values)
{
    positionals_ = &values;
    return *this;
}

OptionTable& OptionTable::required()
{
    entries_.back().required = true;
    return *this;
}

OptionTable& OptionTable::hidden()
{
    entries_.back().hidden = true;
    return *this;
}

OptionTable& OptionTable::default_text(std::string text)
{
    entries_.back().default_text = std::move(text);
    return *this;
}

OptionTable& OptionTable::section(std::string title, std::string footer)
{
    pending_section_ = std::move(title);
    pending_footer_ = std::move(footer);
    return *this;
}

OptionTable& OptionTable::notes(std::string text)
{
    notes_ = std::move(text);
    return *this;
}

OptionTable& OptionTable::check(std::function<std::string()> check)
{
    checks_.push_back(std::move(check));
    return *this;
}

OptionTable::Entry* OptionTable::find(const std::string& name)
{
    for (auto& e : entries_)
        if (e.name == name) return &e;
    return nullptr;
}

std::string OptionTable::take(Entry& e, const std::string& value)
{
    if (e.seen && e.kind != Kind::Texts) return e.name + " is given twice";
    e.seen = true;
    switch (e.kind) {
    case Kind::Flag: *e.flag = true; return {};
    case Kind::Text:
        if (e.text)
            *e.text = value;
        else
            *e.plain_text = value;
        return {};
    case Kind::Texts: e.texts->push_back(value); return {};
    case Kind::Choice:
        for (const auto& c : e.choices)
            if (c == value) {
                *e.choice = value;
                return {};
            }
        return e.name + " must be " + either(e.choices) + ", not '" + value + "'";
    case Kind::Number: {
        double v = 0;
        if (!to_double(value, v) || v < e.lo || v > e.hi)
            return e.name + " must be a number in [" + format_number(e.lo) + ", " + format_number(e.hi) + "]";
        e.set_number(v);
        return {};
    }
    case Kind::Whole: {
        long long v = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (ec != std::errc() || ptr != value.data() + value.size() || double(v) < e.lo || double(v) > e.hi)
            return e.name + " must be a whole number in " + std::to_string((long long)e.lo) + ".." +
                   std::to_string((long long)e.hi);
        e.set_whole(v);
        return {};
    }
    }
    return {};
}

std::optional<int> OptionTable::parse(std::vector<std::string> words)
{
    // --help wins over any mistake around it.
    for (const auto& w : words) {
        if (w == "--") break;
        if (w == "--help" || w == "-h") {
            std::cout << help();
            return 0;
        }
    }
    std::string error;
    auto fail = [&](std::string why) {
        if (error.empty()) error = std::move(why);
    };
    bool literal = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (!literal && w == "--") {
            literal = true;
            continue;
        }
        if (literal || w.size() < 2 || w[0] != '-') {
            if (positionals_)
                positionals_->push_back(w);
            else
                fail("unexpected argument " + w);
            continue;
        }
        const auto equals = w.find('=');
        const std::string name = w.substr(0, equals);
        Entry* e = name.rfind("--", 0) == 0 ? find(name) : nullptr;
        if (!e) {
            fail("unknown option " + name);
            continue;
        }
        if (e->kind == Kind::Flag) {
            if (equals != std::string::npos)
                fail(name + " takes no value");
            else
                fail(take(*e, {}));
            continue;
        }
        std::string value;
        if (equals != std::string::npos) {
            value = w.substr(equals + 1);
        } else if (i + 1 < words.size()) {
            value = words[++i];
        } else {
            fail(name + " needs a value");
            continue;
        }
        fail(take(*e, value));
    }
    for (const auto& e : entries_)
        if (e.required && !e.seen) fail(e.name + (e.metavar.empty() ? "" : " " + e.metavar) + " is required");
    if (error.empty())
        for (const auto& c : checks_) fail(c());
    if (!error.empty()) return usage_error(error);
    return std::nullopt;
}

std::string OptionTable::shown_default(const Entry& e) const
{
    if (e.default_text) return *e.default_text;
    switch (e.kind) {
    case Kind::Choice: return *e.choice;
    case Kind::Number: return format_number(e.number_default);
    case Kind::Whole: return std::to_string(e.whole_default);
    default: return {};
    }
}

std::string OptionTable::help() const
{
    std::ostringstream out;
    out << "Usage: clipflow " << command_ << (usage_.empty() ? "" : " " + usage_) << "\n";
    // The prose is written as it is: it may hold lists laid out by hand.
    if (!about_.empty()) out << "\n" << about_ << (about_.back() == '\n' ? "" : "\n");
    out << "\nOptions:\n  -h, --help           this text\n";
    std::string footer;
    auto close_section = [&] {
        if (!footer.empty()) wrap(out, footer, 2, false);
        footer.clear();
    };
    for (const auto& e : entries_) {
        if (!e.section.empty()) {
            close_section();
            out << "\n" << e.section << ":\n";
            footer = e.section_footer;
        }
        if (e.hidden) continue;
        const std::string left = "  " + e.name + (e.metavar.empty() ? "" : " " + e.metavar);
        std::string aside; // "default X", "required": in the help's closing parenthesis, or one of their own
        if (const std::string d = shown_default(e); !d.empty()) aside = "default " + d;
        if (e.required) aside += (aside.empty() ? "" : "; ") + std::string("required");
        auto with_aside = [&aside](const std::string& t) {
            if (aside.empty()) return t;
            if (!t.empty() && t.back() == ')') return t.substr(0, t.size() - 1) + "; " + aside + ")";
            return t + (t.empty() ? "(" : " (") + aside + ")";
        };
        std::string text = with_aside(e.help);
        // Choices: "HELP: a, b or c (default a)", or the list first when the help is a list of lines.
        if (e.kind == Kind::Choice) {
            const std::string list = with_aside(either(e.choices));
            text = e.help.empty() ? list : e.help.front() == '\n' ? list + e.help : e.help + ": " + list;
        }
        if (left.size() + 1 <= kHelpColumn) {
            out << left << std::string(kHelpColumn - left.size(), ' ');
            wrap(out, text, kHelpColumn, true);
        } else {
            out << left << "\n";
            wrap(out, text, kHelpColumn, false);
        }
    }
    close_section();
    if (!notes_.empty()) out << "\n" << notes_ << (notes_.back() == '\n' ? "" : "\n");
    return out.str();
}

int OptionTable::usage_error(const std::string& why) const
{
    std::cerr << "clipflow " << command_ << ": " << why << "\n(see clipflow " << command_ << " --help)\n";
    return 2;
}

} // namespace clipflow::cli
