// SPDX-License-Identifier: MIT
#include "checkpoint/torch_bin.h"

#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <variant>

namespace cs {
namespace {

template <typename T> T le(const std::string &b, std::size_t at)
{
    if (at + sizeof(T) > b.size()) throw std::runtime_error("truncated zip structure");
    T v;
    std::memcpy(&v, b.data() + at, sizeof(T));
    return v;
}

/// Stored (uncompressed) zip entries: name -> (offset of data, size).
std::map<std::string, std::pair<std::size_t, std::size_t>> zipEntries(const std::string &b)
{
    if (b.size() < 22) throw std::runtime_error("not a zip file (too short)");
    std::size_t eocd = std::string::npos;
    for (std::size_t i = b.size() - 22 + 1; i-- > 0 && b.size() - i <= 22 + 65535;)
        if (le<std::uint32_t>(b, i) == 0x06054b50) {
            eocd = i;
            break;
        }
    if (eocd == std::string::npos)
        throw std::runtime_error("not a zip file (no end of central directory)");
    const std::size_t count = le<std::uint16_t>(b, eocd + 10);
    std::size_t at = le<std::uint32_t>(b, eocd + 16);
    if (at == 0xFFFFFFFF)
        throw std::runtime_error("ZIP64 archives (over 4 GiB) are not supported; use safetensors");
    std::map<std::string, std::pair<std::size_t, std::size_t>> out;
    for (std::size_t n = 0; n < count; ++n) {
        if (le<std::uint32_t>(b, at) != 0x02014b50)
            throw std::runtime_error("corrupt zip central directory");
        const auto method = le<std::uint16_t>(b, at + 10);
        const std::size_t size = le<std::uint32_t>(b, at + 20);
        const std::size_t nameLen = le<std::uint16_t>(b, at + 28),
                          extraLen = le<std::uint16_t>(b, at + 30),
                          commentLen = le<std::uint16_t>(b, at + 32);
        const std::size_t local = le<std::uint32_t>(b, at + 42);
        const std::string name = b.substr(at + 46, nameLen);
        if (method != 0)
            throw std::runtime_error("zip entry " + name +
                                     " is compressed; torch.save stores entries");
        const std::size_t data =
            local + 30 + le<std::uint16_t>(b, local + 26) + le<std::uint16_t>(b, local + 28);
        if (data + size > b.size())
            throw std::runtime_error("zip entry " + name + " runs past the end of the file");
        out[name] = {data, size};
        at += 46 + nameLen + extraLen + commentLen;
    }
    return out;
}

struct Value;
using ValuePtr = std::shared_ptr<Value>;

/// A pickle value: enough of Python's object model for a state dict.
struct Value
{
    enum class Kind {
        None,
        Bool,
        Int,
        String,
        Tuple,
        List,
        Dict,
        Global,
        Tensor,
        Storage,
        Mark
    } kind = Kind::None;
    std::int64_t i = 0;
    std::string s;                                      // string, global "module name"
    std::vector<ValuePtr> items;                        // tuple, list
    std::vector<std::pair<ValuePtr, ValuePtr>> entries; // dict
    BinTensor tensor;                                   // tensor
    std::string storageKey;                             // storage (and tensor's storage)
    DType storageType = DType::F32;
};

ValuePtr make(Value::Kind k)
{
    auto v = std::make_shared<Value>();
    v->kind = k;
    return v;
}

DType storageDType(const std::string &global)
{
    static const std::map<std::string, DType> types = {
        {"torch FloatStorage", DType::F32}, {"torch DoubleStorage", DType::F64},
        {"torch HalfStorage", DType::F16},  {"torch BFloat16Storage", DType::BF16},
        {"torch LongStorage", DType::I64},  {"torch IntStorage", DType::I32},
        {"torch ShortStorage", DType::I16}, {"torch CharStorage", DType::I8},
        {"torch ByteStorage", DType::U8},   {"torch BoolStorage", DType::Bool}};
    auto it = types.find(global);
    if (it == types.end()) throw std::runtime_error("unsupported storage type " + global);
    return it->second;
}

std::vector<std::int64_t> ints(const ValuePtr &tuple)
{
    std::vector<std::int64_t> out;
    for (const auto &v : tuple->items)
        out.push_back(v->i);
    return out;
}

/// Runs the pickle program; returns the top value.
ValuePtr unpickle(const std::string &p)
{
    std::vector<ValuePtr> stack;
    std::map<std::uint32_t, ValuePtr> memo;
    std::size_t pc = 0;
    auto need = [&](std::size_t n) {
        if (pc + n > p.size()) throw std::runtime_error("truncated pickle");
    };
    auto pop = [&]() {
        if (stack.empty()) throw std::runtime_error("pickle stack underflow");
        auto v = stack.back();
        stack.pop_back();
        return v;
    };
    auto popToMark = [&]() {
        std::vector<ValuePtr> items;
        while (!stack.empty() && stack.back()->kind != Value::Kind::Mark) {
            items.insert(items.begin(), stack.back());
            stack.pop_back();
        }
        if (stack.empty()) throw std::runtime_error("pickle MARK missing");
        stack.pop_back();
        return items;
    };
    auto readLine = [&]() {
        const std::size_t end = p.find('\n', pc);
        if (end == std::string::npos) throw std::runtime_error("truncated pickle");
        std::string line = p.substr(pc, end - pc);
        pc = end + 1;
        return line;
    };
    while (true) {
        need(1);
        const auto op = static_cast<unsigned char>(p[pc++]);
        switch (op) {
        case 0x80:
            need(1);
            ++pc;
            break; // PROTO
        case 0x95:
            need(8);
            pc += 8;
            break; // FRAME
        case '(': stack.push_back(make(Value::Kind::Mark)); break;
        case '}': stack.push_back(make(Value::Kind::Dict)); break;
        case ']': stack.push_back(make(Value::Kind::List)); break;
        case ')': stack.push_back(make(Value::Kind::Tuple)); break;
        case 'N': stack.push_back(make(Value::Kind::None)); break;
        case 0x88:
        case 0x89: {
            auto v = make(Value::Kind::Bool);
            v->i = op == 0x88;
            stack.push_back(v);
            break;
        }
        case 'K':
        case 'M':
        case 'J': {
            const std::size_t n = op == 'K' ? 1 : op == 'M' ? 2 : 4;
            need(n);
            auto v = make(Value::Kind::Int);
            if (n == 4) {
                std::int32_t x;
                std::memcpy(&x, p.data() + pc, 4);
                v->i = x;
            } else {
                std::uint32_t x = 0;
                std::memcpy(&x, p.data() + pc, n);
                v->i = x;
            }
            pc += n;
            stack.push_back(v);
            break;
        }
        case 0x8a: { // LONG1
            need(1);
            const std::size_t n = static_cast<unsigned char>(p[pc++]);
            need(n);
            std::int64_t x = 0;
            for (std::size_t k = 0; k < n && k < 8; ++k)
                x |= std::int64_t(static_cast<unsigned char>(p[pc + k])) << (8 * k);
            if (n > 0 && n < 8 && (static_cast<unsigned char>(p[pc + n - 1]) & 0x80))
                x -= std::int64_t(1) << (8 * n);
            pc += n;
            auto v = make(Value::Kind::Int);
            v->i = x;
            stack.push_back(v);
            break;
        }
        case 'X':
        case 0x8c: { // BINUNICODE, SHORT_BINUNICODE
            std::size_t n = 0;
            if (op == 'X') {
                need(4);
                std::uint32_t x;
                std::memcpy(&x, p.data() + pc, 4);
                n = x;
                pc += 4;
            } else {
                need(1);
                n = static_cast<unsigned char>(p[pc++]);
            }
            need(n);
            auto v = make(Value::Kind::String);
            v->s = p.substr(pc, n);
            pc += n;
            stack.push_back(v);
            break;
        }
        case 'c': { // GLOBAL
            auto v = make(Value::Kind::Global);
            const std::string module = readLine();
            v->s = module + " " + readLine();
            stack.push_back(v);
            break;
        }
        case 'q':
            need(1);
            memo[static_cast<unsigned char>(p[pc++])] = stack.back();
            break;
        case 'r': {
            need(4);
            std::uint32_t k;
            std::memcpy(&k, p.data() + pc, 4);
            pc += 4;
            memo[k] = stack.back();
            break;
        }
        case 'h':
            need(1);
            stack.push_back(memo.at(static_cast<unsigned char>(p[pc++])));
            break;
        case 'j': {
            need(4);
            std::uint32_t k;
            std::memcpy(&k, p.data() + pc, 4);
            pc += 4;
            stack.push_back(memo.at(k));
            break;
        }
        case 't': {
            auto v = make(Value::Kind::Tuple);
            v->items = popToMark();
            stack.push_back(v);
            break;
        }
        case 0x85:
        case 0x86:
        case 0x87: {
            auto v = make(Value::Kind::Tuple);
            for (int n = op - 0x84; n > 0; --n)
                v->items.insert(v->items.begin(), pop());
            stack.push_back(v);
            break;
        }
        case 'a': {
            auto x = pop();
            stack.back()->items.push_back(x);
            break;
        }
        case 'e': {
            auto items = popToMark();
            auto &l = stack.back()->items;
            l.insert(l.end(), items.begin(), items.end());
            break;
        }
        case 's': {
            auto v = pop();
            auto k = pop();
            stack.back()->entries.push_back({k, v});
            break;
        }
        case 'u': {
            auto items = popToMark();
            for (std::size_t k = 0; k + 1 < items.size(); k += 2)
                stack.back()->entries.push_back({items[k], items[k + 1]});
            break;
        }
        case 'Q': { // BINPERSID: ('storage', StorageType, key, location, numel)
            auto pid = pop();
            if (pid->items.size() < 3 || pid->items[0]->s != "storage")
                throw std::runtime_error("unsupported persistent id");
            auto v = make(Value::Kind::Storage);
            v->storageType = storageDType(pid->items[1]->s);
            v->storageKey = pid->items[2]->s;
            stack.push_back(v);
            break;
        }
        case 'R': { // REDUCE
            auto args = pop();
            auto fn = pop();
            if (fn->kind != Value::Kind::Global) throw std::runtime_error("REDUCE of a non-global");
            if (fn->s == "collections OrderedDict") {
                stack.push_back(make(Value::Kind::Dict));
            } else if (fn->s == "torch._utils _rebuild_tensor_v2") {
                if (args->items.size() < 4 || args->items[0]->kind != Value::Kind::Storage)
                    throw std::runtime_error("unexpected _rebuild_tensor_v2 arguments");
                auto v = make(Value::Kind::Tensor);
                v->storageKey = args->items[0]->storageKey;
                v->tensor.dtype = args->items[0]->storageType;
                v->i = args->items[1]->i; // storage offset
                v->tensor.shape = ints(args->items[2]);
                v->tensor.strides = ints(args->items[3]);
                stack.push_back(v);
            } else {
                throw std::runtime_error("unsupported pickle call " + fn->s);
            }
            break;
        }
        case 'b': pop(); break; // BUILD: attributes (state dict _metadata) are not needed
        case '.': return stack.empty() ? make(Value::Kind::None) : stack.back();
        default: {
            std::ostringstream s;
            s << "unsupported pickle opcode 0x" << std::hex << int(op) << " at byte " << std::dec
              << pc - 1;
            throw std::runtime_error(s.str());
        }
        }
    }
}

} // namespace

bool TorchBinFile::open(const std::string &path, std::string &error)
{
    try {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("cannot open");
        std::ostringstream ss;
        ss << in.rdbuf();
        m_bytes = ss.str();
        const auto entries = zipEntries(m_bytes);
        std::string prefix;
        for (const auto &[name, where] : entries)
            if (name.size() >= 9 && name.compare(name.size() - 9, 9, "/data.pkl") == 0)
                prefix = name.substr(0, name.size() - 8);
        if (prefix.empty())
            throw std::runtime_error("no data.pkl: not a torch.save file (or the legacy format)");
        const auto [pklAt, pklSize] = entries.at(prefix + "data.pkl");
        const ValuePtr top = unpickle(m_bytes.substr(pklAt, pklSize));
        if (top->kind != Value::Kind::Dict)
            throw std::runtime_error("the pickle is not a state dict");
        for (const auto &[key, value] : top->entries) {
            if (key->kind != Value::Kind::String || value->kind != Value::Kind::Tensor) continue;
            const auto storage = entries.find(prefix + "data/" + value->storageKey);
            if (storage == entries.end())
                throw std::runtime_error("storage " + value->storageKey + " of " + key->s +
                                         " is missing");
            BinTensor t = value->tensor;
            std::int64_t extent = 1; // last element reached, to check the storage holds it
            bool empty = false;
            for (std::size_t d = 0; d < t.shape.size(); ++d) {
                empty = empty || t.shape[d] == 0;
                extent += (t.shape[d] - 1) * (d < t.strides.size() ? t.strides[d] : 0);
            }
            const std::size_t need =
                empty ? 0 : std::size_t(value->i + extent) * dtypeSize(t.dtype);
            if (value->i < 0 || need > storage->second.second)
                throw std::runtime_error("tensor " + key->s + " runs past its storage");
            t.data = reinterpret_cast<const std::uint8_t *>(m_bytes.data()) +
                     storage->second.first + std::size_t(value->i) * dtypeSize(t.dtype);
            m_tensors[key->s] = t;
        }
    } catch (const std::exception &e) {
        error = path + ": " + e.what();
        return false;
    }
    return true;
}

} // namespace cs
