#include "featurestage.h"

#include <cstring>
#include <stdexcept>

namespace clipflow::detail {

namespace {

// The items one rank computed, as bytes for the others (same build, same machine
// word: no portability layer needed, but every read is bounds-checked).
class Wire {
public:
    std::string bytes;
    template <typename T> void put(T v) { bytes.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void put(const std::string& s)
    {
        put<std::uint64_t>(s.size());
        bytes += s;
    }
    void put(const std::vector<std::vector<float>>& rows)
    {
        put<std::uint64_t>(rows.size());
        for (const auto& r : rows) {
            put<std::uint64_t>(r.size());
            bytes.append(reinterpret_cast<const char*>(r.data()), r.size() * sizeof(float));
        }
    }
};

class WireReader {
public:
    explicit WireReader(const std::string& b) : b_(b) {}
    bool done() const { return at_ == b_.size(); }
    template <typename T> T get()
    {
        T v{};
        need(sizeof v);
        std::memcpy(&v, b_.data() + at_, sizeof v);
        at_ += sizeof v;
        return v;
    }
    std::string str()
    {
        const auto n = get<std::uint64_t>();
        need(n, 1);
        std::string s = b_.substr(at_, n);
        at_ += n;
        return s;
    }
    void need(std::size_t n) const
    {
        if (n > b_.size() - at_) throw std::runtime_error("a rank sent a truncated feature message");
    }
    // n items of `unit` bytes each still to come (no overflow for any n).
    void need(std::uint64_t n, std::size_t unit) const
    {
        if (n > (b_.size() - at_) / unit) throw std::runtime_error("a rank sent a truncated feature message");
    }
    const std::string& b_;
    std::size_t at_ = 0;
};

std::vector<std::vector<float>> read_rows(WireReader& r)
{
    const auto n = r.get<std::uint64_t>();
    r.need(n, sizeof(std::uint64_t));
    std::vector<std::vector<float>> out(n);
    for (auto& row : out) {
        const auto k = r.get<std::uint64_t>();
        r.need(k, sizeof(float));
        row.resize(k);
        if (k) std::memcpy(row.data(), r.b_.data() + r.at_, k * sizeof(float)); // an empty row has no data() to copy to
        r.at_ += k * sizeof(float);
    }
    return out;
}

} // namespace

std::string encode_feature_items(const std::vector<FeatureItem>& items, int rank, int size)
{
    Wire w;
    for (std::size_t i = static_cast<std::size_t>(rank); i < items.size(); i += static_cast<std::size_t>(size)) {
        const FeatureItem& it = items[i];
        w.put<std::uint64_t>(i);
        w.put(it.sha);
        w.put<std::uint8_t>(it.held_out);
        w.put<std::uint8_t>(it.cache_hit);
        w.put<std::int32_t>(static_cast<std::int32_t>(it.status.code()));
        w.put(it.status.message());
        w.put<std::int32_t>(it.set.dim);
        w.put(it.set.natural);
        w.put(it.set.proxy);
        w.put<std::uint64_t>(it.set.proxy_ops.size());
        for (const auto& op : it.set.proxy_ops) w.put(op);
        w.put(it.set.delivered);
    }
    return std::move(w.bytes);
}

namespace {

void decode(const std::string& bytes, std::vector<FeatureItem>& items)
{
    WireReader r(bytes);
    while (!r.done()) {
        const auto i = r.get<std::uint64_t>();
        if (i >= items.size()) throw std::runtime_error("a rank sent features of an unknown file");
        FeatureItem& it = items[i];
        it.sha = r.str();
        it.held_out = r.get<std::uint8_t>() != 0;
        it.cache_hit = r.get<std::uint8_t>() != 0;
        const auto raw_code = r.get<std::int32_t>();
        if (raw_code < 0 || raw_code > static_cast<std::int32_t>(ErrorCode::Internal))
            throw std::runtime_error("a rank sent an unknown error code");
        const auto code = static_cast<ErrorCode>(raw_code);
        const std::string message = r.str();
        it.status = code == ErrorCode::Ok ? Status() : Status(code, message);
        it.set.dim = r.get<std::int32_t>();
        it.set.natural = read_rows(r);
        it.set.proxy = read_rows(r);
        const auto n_ops = r.get<std::uint64_t>();
        r.need(n_ops, sizeof(std::uint64_t));
        it.set.proxy_ops.clear();
        for (std::uint64_t k = 0; k < n_ops; ++k) it.set.proxy_ops.push_back(r.str());
        it.set.delivered = read_rows(r);
    }
}

} // namespace

Status decode_feature_items(const std::string& bytes, std::vector<FeatureItem>& items)
{
    try {
        decode(bytes, items);
    } catch (const std::exception& e) {
        return Status(ErrorCode::CorruptData, e.what());
    }
    return {};
}

} // namespace clipflow::detail
