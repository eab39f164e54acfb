#include "cbor.h"

#include <cmath>
#include <cstring>

namespace clipflow::detail {

namespace {

using json = nlohmann::json;

class Decoder {
public:
    Decoder(std::span<const std::uint8_t> b, const CborLimits& l) : b_(b), limits_(l) {}

    std::optional<json> item(int depth)
    {
        if (depth > limits_.max_depth) return fail("nested deeper than " + std::to_string(limits_.max_depth));
        if (++items_ > limits_.max_items) return fail("more than " + std::to_string(limits_.max_items) + " items");
        if (pos_ >= b_.size()) return fail("truncated");
        const std::uint8_t ib = b_[pos_++];
        const int major = ib >> 5, info = ib & 31;
        if (info == 31) return indefinite(major, depth);
        std::uint64_t arg = 0;
        if (!argument(info, arg)) return std::nullopt;
        switch (major) {
        case 0: return json(arg);
        case 1: // -1 - arg; beyond int64 the value is kept as a double
            if (arg > std::uint64_t(INT64_MAX)) return json(-1.0 - double(arg));
            return json(-1 - std::int64_t(arg));
        case 2:
        case 3: {
            if (arg > b_.size() - pos_) return fail("string past the end");
            const auto* p = b_.data() + pos_;
            pos_ += std::size_t(arg);
            if (major == 2) return json::binary(json::binary_t::container_type(p, p + arg));
            return json(std::string(reinterpret_cast<const char*>(p), std::size_t(arg)));
        }
        case 4: {
            if (arg > b_.size() - pos_) return fail("array longer than the input"); // each item takes >= 1 byte
            json a = json::array();
            for (std::uint64_t i = 0; i < arg; ++i) {
                auto v = item(depth + 1);
                if (!v) return std::nullopt;
                a.push_back(std::move(*v));
            }
            return a;
        }
        case 5: {
            if (arg > (b_.size() - pos_) / 2) return fail("map longer than the input");
            json m = json::object();
            for (std::uint64_t i = 0; i < arg; ++i)
                if (!entry(m, depth)) return std::nullopt;
            return m;
        }
        case 6: return item(depth + 1); // tag: keep the tagged item
        default: return simple(info, arg);
        }
    }

    std::size_t pos() const { return pos_; }
    std::string error;

private:
    std::nullopt_t fail(std::string why)
    {
        if (error.empty()) error = std::move(why) + " at byte " + std::to_string(pos_);
        return std::nullopt;
    }

    bool argument(int info, std::uint64_t& out)
    {
        if (info < 24) {
            out = std::uint64_t(info);
            return true;
        }
        if (info > 27) {
            fail("reserved additional information " + std::to_string(info));
            return false;
        }
        const std::size_t n = std::size_t{1} << (info - 24);
        if (n > b_.size() - pos_) {
            fail("truncated");
            return false;
        }
        out = 0;
        for (std::size_t i = 0; i < n; ++i) out = (out << 8) | b_[pos_ + i];
        pos_ += n;
        return true;
    }

    bool entry(json& m, int depth)
    {
        auto k = item(depth + 1);
        if (!k) return false;
        auto v = item(depth + 1);
        if (!v) return false;
        std::string key;
        if (k->is_string())
            key = k->get<std::string>();
        else if (k->is_number_integer())
            key = k->dump();
        else // other keys (maps, arrays, bytes…) name their type: dumping them nests escapes exponentially
            key = std::string("(") + k->type_name() + " key " + std::to_string(m.size()) + ")";
        m[key] = std::move(*v);
        return true;
    }

    std::optional<json> indefinite(int major, int depth)
    {
        auto at_break = [&] { return pos_ < b_.size() && b_[pos_] == 0xFF; };
        if (major == 2 || major == 3) { // chunks of definite strings of the same major type
            std::string joined;
            while (!at_break()) {
                if (pos_ >= b_.size()) return fail("truncated");
                if ((b_[pos_] >> 5) != major || (b_[pos_] & 31) == 31) return fail("bad chunk in an indefinite string");
                if (++items_ > limits_.max_items) return fail("too many items");
                auto v = item(depth + 1);
                if (!v) return std::nullopt;
                if (v->is_binary())
                    joined.append(v->get_binary().begin(), v->get_binary().end());
                else
                    joined += v->get<std::string>();
            }
            ++pos_;
            if (major == 3) return json(std::move(joined));
            return json::binary(json::binary_t::container_type(joined.begin(), joined.end()));
        }
        if (major == 4) {
            json a = json::array();
            while (!at_break()) {
                if (pos_ >= b_.size()) return fail("truncated");
                auto v = item(depth + 1);
                if (!v) return std::nullopt;
                a.push_back(std::move(*v));
            }
            ++pos_;
            return a;
        }
        if (major == 5) {
            json m = json::object();
            while (!at_break()) {
                if (pos_ >= b_.size()) return fail("truncated");
                if (!entry(m, depth)) return std::nullopt;
            }
            ++pos_;
            return m;
        }
        return fail("indefinite length on major type " + std::to_string(major));
    }

    std::optional<json> simple(int info, std::uint64_t arg)
    {
        switch (info) {
        case 20: return json(false);
        case 21: return json(true);
        case 25: { // half precision
            const int e = int((arg >> 10) & 0x1F), m = int(arg & 0x3FF);
            double v = e == 0 ? std::ldexp(m, -24) : e == 31 ? (m ? NAN : INFINITY) : std::ldexp(m + 1024, e - 25);
            return json(arg & 0x8000 ? -v : v);
        }
        case 26: {
            const auto u = std::uint32_t(arg);
            float f;
            std::memcpy(&f, &u, 4);
            return json(double(f));
        }
        case 27: {
            double d;
            std::memcpy(&d, &arg, 8);
            return json(d);
        }
        default: return json(nullptr); // null, undefined, other simple values
        }
    }

    std::span<const std::uint8_t> b_;
    CborLimits limits_;
    std::size_t pos_ = 0;
    std::size_t items_ = 0;
};

} // namespace

std::optional<nlohmann::json> decode_cbor(std::span<const std::uint8_t> bytes, std::string& error, const CborLimits& limits,
                                          std::size_t* used)
{
    Decoder d(bytes, limits);
    auto v = d.item(0);
    if (!v) {
        error = d.error.empty() ? "malformed CBOR" : d.error;
        return std::nullopt;
    }
    if (used) *used = d.pos();
    return v;
}

void append_cbor_bytes(std::string& out, std::span<const std::uint8_t> bytes, std::uint8_t major)
{
    const std::uint64_t n = bytes.size();
    const auto head = static_cast<char>(major << 5);
    if (n < 24) {
        out += static_cast<char>(head | char(n));
    } else {
        int len = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x100000000ull ? 4 : 8;
        out += static_cast<char>(head | char(len == 1 ? 24 : len == 2 ? 25 : len == 4 ? 26 : 27));
        for (int i = len - 1; i >= 0; --i) out += static_cast<char>((n >> (8 * i)) & 0xFF);
    }
    out.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

} // namespace clipflow::detail
