// SPDX-License-Identifier: MIT
// TensorBoard event files: TFRecord framing, Event / Summary / TensorProto decoded from the
// protobuf wire format (tensorflow/core/util/event.proto, framework/summary.proto, tensor.proto).
#include "results/import_formats.h"

#include "results/protobuf_wire.h"
#include "results/tfrecord.h"

#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <set>

namespace cs {
namespace {

using pb::Field;
using pb::Reader;
using pb::WireType;

enum DataType {
    DtFloat = 1,
    DtDouble = 2,
    DtInt32 = 3,
    DtString = 7,
    DtInt64 = 9,
    DtBool = 10,
    DtBfloat16 = 14,
    DtHalf = 19
};

/// One scalar found in an event.
struct Scalar
{
    std::string tag;
    double value = 0.0;
};

/// What decoding one tensor gave: a scalar, nothing worth reporting (text, non-scalar), or a
/// problem.
struct TensorResult
{
    std::optional<double> value;
    std::string problem;
};

double halfToDouble(std::uint16_t h)
{
    const int exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
    const double sign = (h & 0x8000) ? -1.0 : 1.0;
    if (exp == 0) return sign * std::ldexp(mant, -24);
    if (exp == 31) return mant ? std::nan("") : sign * INFINITY;
    return sign * std::ldexp(mant + 1024, exp - 25);
}

double bfloat16ToDouble(std::uint16_t b)
{
    const std::uint32_t bits = static_cast<std::uint32_t>(b) << 16;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

/// Values of a repeated numeric field, packed or not.
void collectRepeated(const Field &f, WireType scalarType, std::vector<std::uint64_t> &out)
{
    if (f.type == scalarType) {
        out.push_back(f.varint);
        return;
    }
    if (f.type != WireType::Bytes) return;
    Reader packed(f.bytes);
    const std::size_t width = scalarType == WireType::Fixed32   ? 4
                              : scalarType == WireType::Fixed64 ? 8
                                                                : 0;
    if (width) {
        for (std::size_t i = 0; i + width <= f.bytes.size(); i += width) {
            std::uint64_t v = 0;
            std::memcpy(&v, f.bytes.data() + i, width);
            out.push_back(v);
        }
        return;
    }
    std::string bytes(f.bytes);
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::uint64_t v = 0;
        int shift = 0;
        while (pos < bytes.size()) {
            const auto b = static_cast<unsigned char>(bytes[pos++]);
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            shift += 7;
            if (!(b & 0x80) || shift >= 64) break;
        }
        out.push_back(v);
    }
}

TensorResult decodeTensor(std::string_view data)
{
    Reader r(data);
    Field f;
    int dtype = 0;
    std::string_view content;
    std::vector<std::uint64_t> floats, doubles, ints, halves;
    while (r.next(f)) {
        switch (f.number) {
        case 1: dtype = static_cast<int>(f.varint); break;
        case 4: content = f.bytes; break;
        case 5: collectRepeated(f, WireType::Fixed32, floats); break;
        case 6: collectRepeated(f, WireType::Fixed64, doubles); break;
        case 7:
        case 10:
        case 11: collectRepeated(f, WireType::Varint, ints); break;
        case 13: collectRepeated(f, WireType::Varint, halves); break;
        default: break;
        }
    }
    if (!r.error().empty()) return {std::nullopt, "tensor: " + r.error()};
    auto one = [](std::size_t count) { return count == 1; };
    switch (dtype) {
    case DtString: return {}; // text summaries (args, model config)
    case DtFloat:
        if (one(floats.size()))
            return {Reader::asFloat(Field{0, WireType::Fixed32, floats[0], {}}), {}};
        if (content.size() == 4) {
            float v;
            std::memcpy(&v, content.data(), 4);
            return {v, {}};
        }
        return {};
    case DtDouble:
        if (one(doubles.size()))
            return {Reader::asDouble(Field{0, WireType::Fixed64, doubles[0], {}}), {}};
        if (content.size() == 8) {
            double v;
            std::memcpy(&v, content.data(), 8);
            return {v, {}};
        }
        return {};
    case DtInt32:
    case DtInt64:
    case DtBool:
        if (one(ints.size())) return {static_cast<double>(static_cast<std::int64_t>(ints[0])), {}};
        if (content.size() == (dtype == DtInt32 ? 4u : dtype == DtBool ? 1u : 8u)) {
            std::int64_t v = 0;
            std::memcpy(&v, content.data(), content.size());
            return {static_cast<double>(dtype == DtInt32 ? static_cast<std::int32_t>(v) : v), {}};
        }
        return {};
    case DtHalf:
    case DtBfloat16: {
        std::optional<std::uint16_t> bits;
        if (one(halves.size()))
            bits = static_cast<std::uint16_t>(halves[0]);
        else if (content.size() == 2)
            bits = static_cast<std::uint16_t>(static_cast<unsigned char>(content[0]) |
                                              static_cast<unsigned char>(content[1]) << 8);
        if (!bits) return {};
        return {dtype == DtHalf ? halfToDouble(*bits) : bfloat16ToDouble(*bits), {}};
    }
    default: return {std::nullopt, "unknown tensor dtype " + std::to_string(dtype)};
    }
}

/// Scalars of one Summary message.
std::vector<Scalar> decodeSummary(std::string_view data, std::vector<std::string> &problems)
{
    std::vector<Scalar> out;
    Reader r(data);
    Field f;
    while (r.next(f)) {
        if (f.number != 1 || f.type != WireType::Bytes) continue;
        Reader v(f.bytes);
        Field g;
        std::string tag;
        std::optional<double> value;
        std::string problem;
        while (v.next(g)) {
            if (g.number == 1 && g.type == WireType::Bytes)
                tag = std::string(g.bytes);
            else if (g.number == 2 && g.type == WireType::Fixed32)
                value = Reader::asFloat(g);
            else if (g.number == 8 && g.type == WireType::Bytes) {
                TensorResult t = decodeTensor(g.bytes);
                value = t.value;
                problem = t.problem;
            }
        }
        if (!v.error().empty()) problem = v.error();
        if (!problem.empty())
            problems.push_back((tag.empty() ? std::string("value") : "tag " + tag) + ": " +
                               problem);
        else if (value && !tag.empty())
            out.push_back({tag, *value});
    }
    if (!r.error().empty()) problems.push_back("summary: " + r.error());
    return out;
}

} // namespace

void importTensorBoardEvents(const std::string &bytes, ImportSink &sink)
{
    std::map<std::int64_t, std::vector<Scalar>> byStep;
    std::size_t records = 0;
    readTfRecords(
        bytes,
        [&](std::size_t index, std::size_t offset, std::string_view data) {
            ++records;
            Reader r(data);
            Field f;
            std::int64_t step = 0;
            std::string_view summary;
            while (r.next(f)) {
                if (f.number == 2 && f.type == WireType::Varint)
                    step = static_cast<std::int64_t>(f.varint);
                else if (f.number == 5 && f.type == WireType::Bytes)
                    summary = f.bytes;
            }
            const std::string where =
                "record " + std::to_string(index) + " (byte " + std::to_string(offset) + ")";
            if (!r.error().empty()) {
                sink.problem(Severity::Warning, where, "event: " + r.error() + "; record skipped");
                return;
            }
            std::vector<std::string> problems;
            for (auto &s : decodeSummary(summary, problems))
                byStep[step].push_back(std::move(s));
            for (const auto &p : problems)
                sink.problem(Severity::Warning, where + ", step " + std::to_string(step),
                             p + "; value skipped");
        },
        [&](const TfRecordIssue &issue) {
            sink.problem(issue.fatal ? Severity::Error : Severity::Warning,
                         "byte " + std::to_string(issue.offset), issue.message);
        });

    bool hfStyle = false;
    for (const auto &[step, scalars] : byStep)
        for (const auto &s : scalars)
            hfStyle = hfStyle || s.tag.rfind("eval/", 0) == 0;
    RunFacts &facts = sink.out().runFacts[""];
    std::set<std::string> trainingTags;
    for (const auto &[step, scalars] : byStep) {
        ImportedRecord rec;
        Checkpoint &cp = rec.checkpoint;
        cp.step = step;
        // Trainer evaluations happen where it saves checkpoints; other scalars are plain steps.
        cp.name = (hfStyle ? "checkpoint-" : "step-") + std::to_string(step);
        cp.sources.push_back(sink.out().path);
        for (const auto &s : scalars) {
            const std::string loc = "step " + std::to_string(step) + ", tag " + s.tag;
            if (!hfStyle) {
                sink.metric(cp, s.tag, s.value, loc);
                continue;
            }
            const std::string key = hfMetricName(s.tag);
            if (key == "epoch" && std::isfinite(s.value)) {
                facts.trainerEpochs[step] = s.value;
                if (s.value > 0) facts.stepsPerEpoch = static_cast<double>(step) / s.value;
            } else if (isEvalMetricKey(key)) {
                sink.metric(cp, key, s.value, loc);
            } else {
                trainingTags.insert(s.tag);
            }
        }
        if (!cp.metrics.empty()) {
            if (auto it = facts.trainerEpochs.find(step); it != facts.trainerEpochs.end()) {
                cp.epoch = it->second;
                cp.epochSource = EpochSource::File;
            }
            sink.out().records.push_back(std::move(rec));
        }
    }
    if (facts.stepsPerEpoch) facts.stepsPerEpochSource = "TensorBoard train/epoch";
    if (!trainingTags.empty()) {
        std::string list;
        for (const auto &t : trainingTags)
            list += (list.empty() ? "" : ", ") + t;
        sink.problem(Severity::Info, "",
                     "training scalars not shown (only evaluations become checkpoints): " + list);
    }
    if (records == 0)
        sink.problem(Severity::Error, "byte 0", "no complete record in this event file");
}

} // namespace cs
