// SPDX-License-Identifier: MIT
#include "checkpoint/torch_bin.h"

#include "util/file_read.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <sstream>
#include <stdexcept>

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
        if (at + 46 + nameLen > b.size()) throw std::runtime_error("truncated zip structure");
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

/// A pickle value: enough of Python's object model for a state dict. Values live in an arena
/// (Pickle::values) and refer to each other by pointer, so nesting depth and cycles cost no
/// recursion when they are freed.
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
    /// What a storage or tensor adds (few values have one).
    struct Storage
    {
        BinTensor tensor;        // tensor
        std::string key;         // storage (and tensor's storage)
        DType type = DType::F32; // storage element type
    };
    std::int64_t i = 0;
    std::string s;                                    // string, global "module name"
    std::vector<Value *> items;                       // tuple, list
    std::vector<std::pair<Value *, Value *>> entries; // dict
    std::unique_ptr<Storage> storage;                 // storage, tensor
};

/// The values a pickle program made, and the one it returned.
struct Pickle
{
    std::deque<Value> values; ///< every value made (owner; a deque keeps their addresses)
    Value *top = nullptr;     ///< what STOP returned
};

/// Objects one pickle may make: a state dict of 10 000 tensors makes about 200 000.
constexpr std::size_t kMaxPickleValues = 2'000'000;
/// Dimensions of a tensor and bytes of a storage key: what one value may copy from another
/// (a value read back from the memo many times costs nothing to make, but its copies would).
constexpr std::size_t kMaxDimensions = 64, kMaxStorageKey = 256;

const char *kindName(Value::Kind k)
{
    switch (k) {
    case Value::Kind::None: return "None";
    case Value::Kind::Bool: return "a bool";
    case Value::Kind::Int: return "an int";
    case Value::Kind::String: return "a string";
    case Value::Kind::Tuple: return "a tuple";
    case Value::Kind::List: return "a list";
    case Value::Kind::Dict: return "a dict";
    case Value::Kind::Global: return "a global";
    case Value::Kind::Tensor: return "a tensor";
    case Value::Kind::Storage: return "a storage";
    case Value::Kind::Mark: return "a MARK";
    }
    return "a value";
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

/// The ints of a tuple of ints (a tensor's shape or strides); anything else is refused.
std::vector<std::int64_t> ints(const Value *tuple, const char *what)
{
    if (tuple->kind != Value::Kind::Tuple)
        throw std::runtime_error(std::string("a tensor's ") + what + " is " +
                                 kindName(tuple->kind) + ", not a tuple of ints");
    if (tuple->items.size() > kMaxDimensions)
        throw std::runtime_error(std::string("a tensor's ") + what + " has " +
                                 std::to_string(tuple->items.size()) + " entries (at most " +
                                 std::to_string(kMaxDimensions) + " dimensions are read)");
    std::vector<std::int64_t> out;
    for (const Value *v : tuple->items) {
        if (v->kind != Value::Kind::Int)
            throw std::runtime_error(std::string("a tensor's ") + what + " holds " +
                                     kindName(v->kind) + ", not an int");
        out.push_back(v->i);
    }
    return out;
}

/// Runs the pickle program. Every opcode checks what it takes from the stack; an error names
/// the opcode's byte offset.
Pickle unpickle(const std::string &p)
{
    Pickle out;
    std::vector<Value *> stack;
    std::map<std::uint32_t, Value *> memo;
    std::size_t pc = 0, opAt = 0;
    auto fail = [&](const std::string &why) -> std::runtime_error {
        return std::runtime_error("pickle byte " + std::to_string(opAt) + ": " + why);
    };
    auto make = [&](Value::Kind k) {
        if (out.values.size() >= kMaxPickleValues)
            throw fail("more than " + std::to_string(kMaxPickleValues) +
                       " objects; not a state dict");
        out.values.emplace_back();
        out.values.back().kind = k;
        return &out.values.back();
    };
    auto need = [&](std::size_t n) {
        if (n > p.size() - pc) throw fail("truncated pickle");
    };
    auto top = [&](const char *op) {
        if (stack.empty() || stack.back()->kind == Value::Kind::Mark)
            throw fail(std::string(op) + " with nothing on the stack");
        return stack.back();
    };
    auto pop = [&](const char *op) {
        Value *v = top(op);
        stack.pop_back();
        return v;
    };
    auto container = [&](const char *op, Value::Kind kind) {
        Value *c = top(op);
        if (c->kind != kind)
            throw fail(std::string(op) + " into " + kindName(c->kind) + ", not " + kindName(kind));
        return c;
    };
    auto popToMark = [&](const char *op) {
        auto mark = std::find_if(stack.rbegin(), stack.rend(),
                                 [](const Value *v) { return v->kind == Value::Kind::Mark; });
        if (mark == stack.rend()) throw fail(std::string(op) + " without a MARK");
        std::vector<Value *> items(mark.base(), stack.end());
        stack.erase(std::prev(mark.base()), stack.end());
        return items;
    };
    auto readLine = [&]() {
        const std::size_t end = p.find('\n', pc);
        if (end == std::string::npos) throw fail("truncated pickle");
        std::string line = p.substr(pc, end - pc);
        pc = end + 1;
        return line;
    };
    auto u32 = [&]() {
        need(4);
        std::uint32_t k;
        std::memcpy(&k, p.data() + pc, 4);
        pc += 4;
        return k;
    };
    auto memoGet = [&](std::uint32_t k) {
        const auto it = memo.find(k);
        if (it == memo.end())
            throw fail("memo slot " + std::to_string(k) + " is read before it was written");
        stack.push_back(it->second);
    };
    while (true) {
        need(1);
        opAt = pc;
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
            Value *v = make(Value::Kind::Bool);
            v->i = op == 0x88;
            stack.push_back(v);
            break;
        }
        case 'K':
        case 'M':
        case 'J': {
            const std::size_t n = op == 'K' ? 1 : op == 'M' ? 2 : 4;
            need(n);
            Value *v = make(Value::Kind::Int);
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
            if (n > 8) throw fail("an integer of " + std::to_string(n) + " bytes");
            std::uint64_t x = 0;
            for (std::size_t k = 0; k < n; ++k)
                x |= std::uint64_t(static_cast<unsigned char>(p[pc + k])) << (8 * k);
            if (n > 0 && n < 8 && (static_cast<unsigned char>(p[pc + n - 1]) & 0x80))
                x -= std::uint64_t(1) << (8 * n);
            pc += n;
            Value *v = make(Value::Kind::Int);
            v->i = static_cast<std::int64_t>(x);
            stack.push_back(v);
            break;
        }
        case 'X':
        case 0x8c: { // BINUNICODE, SHORT_BINUNICODE
            std::size_t n = 0;
            if (op == 'X') {
                n = u32();
            } else {
                need(1);
                n = static_cast<unsigned char>(p[pc++]);
            }
            need(n);
            Value *v = make(Value::Kind::String);
            v->s = p.substr(pc, n);
            pc += n;
            stack.push_back(v);
            break;
        }
        case 'c': { // GLOBAL
            Value *v = make(Value::Kind::Global);
            const std::string module = readLine();
            v->s = module + " " + readLine();
            stack.push_back(v);
            break;
        }
        case 'q': // BINPUT
            need(1);
            memo[static_cast<unsigned char>(p[pc++])] = top("BINPUT");
            break;
        case 'r': // LONG_BINPUT
            memo[u32()] = top("LONG_BINPUT");
            break;
        case 'h': // BINGET
            need(1);
            memoGet(static_cast<unsigned char>(p[pc++]));
            break;
        case 'j': memoGet(u32()); break; // LONG_BINGET
        case 't': {
            Value *v = make(Value::Kind::Tuple);
            v->items = popToMark("TUPLE");
            stack.push_back(v);
            break;
        }
        case 0x85:
        case 0x86:
        case 0x87: {
            Value *v = make(Value::Kind::Tuple);
            for (int n = op - 0x84; n > 0; --n)
                v->items.insert(v->items.begin(), pop("TUPLEn"));
            stack.push_back(v);
            break;
        }
        case 'a': {
            Value *x = pop("APPEND");
            container("APPEND", Value::Kind::List)->items.push_back(x);
            break;
        }
        case 'e': {
            const auto items = popToMark("APPENDS");
            auto &l = container("APPENDS", Value::Kind::List)->items;
            l.insert(l.end(), items.begin(), items.end());
            break;
        }
        case 's': {
            Value *v = pop("SETITEM");
            Value *k = pop("SETITEM");
            container("SETITEM", Value::Kind::Dict)->entries.push_back({k, v});
            break;
        }
        case 'u': {
            const auto items = popToMark("SETITEMS");
            if (items.size() % 2 != 0) throw fail("SETITEMS with a key and no value");
            Value *dict = container("SETITEMS", Value::Kind::Dict);
            for (std::size_t k = 0; k + 1 < items.size(); k += 2)
                dict->entries.push_back({items[k], items[k + 1]});
            break;
        }
        case 'Q': { // BINPERSID: ('storage', StorageType, key, location, numel)
            const Value *pid = pop("BINPERSID");
            if (pid->kind != Value::Kind::Tuple || pid->items.size() < 3 ||
                pid->items[0]->s != "storage" || pid->items[1]->kind != Value::Kind::Global ||
                pid->items[2]->kind != Value::Kind::String)
                throw fail("unsupported persistent id (not a torch storage)");
            if (pid->items[2]->s.size() > kMaxStorageKey)
                throw fail("a storage key of " + std::to_string(pid->items[2]->s.size()) +
                           " bytes");
            Value *v = make(Value::Kind::Storage);
            v->storage = std::make_unique<Value::Storage>();
            v->storage->type = storageDType(pid->items[1]->s);
            v->storage->key = pid->items[2]->s;
            stack.push_back(v);
            break;
        }
        case 'R': { // REDUCE
            const Value *args = pop("REDUCE");
            const Value *fn = pop("REDUCE");
            if (fn->kind != Value::Kind::Global) throw fail("REDUCE of a non-global");
            if (args->kind != Value::Kind::Tuple) throw fail("REDUCE with arguments not a tuple");
            if (fn->s == "collections OrderedDict") {
                stack.push_back(make(Value::Kind::Dict));
            } else if (fn->s == "torch._utils _rebuild_tensor_v2") {
                if (args->items.size() < 4 || args->items[0]->kind != Value::Kind::Storage ||
                    args->items[1]->kind != Value::Kind::Int)
                    throw fail("unexpected _rebuild_tensor_v2 arguments");
                Value *v = make(Value::Kind::Tensor);
                v->storage = std::make_unique<Value::Storage>();
                v->storage->key = args->items[0]->storage->key;
                v->storage->tensor.dtype = args->items[0]->storage->type;
                v->i = args->items[1]->i; // storage offset
                v->storage->tensor.shape = ints(args->items[2], "shape");
                v->storage->tensor.strides = ints(args->items[3], "strides");
                stack.push_back(v);
            } else {
                throw fail("unsupported pickle call " + fn->s);
            }
            break;
        }
        case 'b': pop("BUILD"); break; // attributes (state dict _metadata) are not needed
        case '.': out.top = stack.empty() ? make(Value::Kind::None) : stack.back(); return out;
        default: {
            std::ostringstream s;
            s << "unsupported pickle opcode 0x" << std::hex << int(op);
            throw fail(s.str());
        }
        }
    }
}

/// Elements a tensor may have beyond its storage's (a view with stride 0); more than this is
/// refused before anything is allocated for it.
constexpr std::int64_t kMaxBroadcastElements = 1 << 20;

/// Checks a tensor against its storage of storageBytes bytes: one stride per dimension, no
/// negative size or stride, no overflow, the last element inside the storage, and no view
/// that would grow far past the storage's bytes when copied.
void checkTensor(const std::string &name, const BinTensor &t, std::int64_t offset,
                 std::size_t storageBytes)
{
    const auto refuse = [&](const std::string &why) {
        throw std::runtime_error("tensor " + name + ": " + why);
    };
    if (t.strides.size() != t.shape.size())
        refuse(std::to_string(t.shape.size()) + " dimensions but " +
               std::to_string(t.strides.size()) + " strides");
    const auto elementSize = std::int64_t(dtypeSize(t.dtype));
    if (offset < 0 || std::uint64_t(offset) > storageBytes / std::uint64_t(elementSize))
        refuse("storage offset " + std::to_string(offset) + " outside its storage");
    std::int64_t numel = 1, last = offset; // last element reached
    bool empty = false;
    for (std::size_t d = 0; d < t.shape.size(); ++d) {
        if (t.shape[d] < 0) refuse("negative size in dimension " + std::to_string(d));
        if (t.strides[d] < 0) refuse("negative stride in dimension " + std::to_string(d));
        empty = empty || t.shape[d] == 0;
        std::int64_t reach = 0;
        if (__builtin_mul_overflow(t.shape[d], numel, &numel) ||
            (t.shape[d] > 0 && (__builtin_mul_overflow(t.shape[d] - 1, t.strides[d], &reach) ||
                                __builtin_add_overflow(last, reach, &last))))
            refuse("its shape and strides overflow");
    }
    std::int64_t endByte = 0;
    if (!empty && (__builtin_add_overflow(last, 1, &endByte) ||
                   __builtin_mul_overflow(endByte, elementSize, &endByte) ||
                   std::uint64_t(endByte) > storageBytes))
        refuse("runs past its storage");
    if (!empty && numel > kMaxBroadcastElements &&
        std::uint64_t(numel) > storageBytes / std::uint64_t(elementSize))
        refuse(std::to_string(numel) + " elements from a storage of " +
               std::to_string(storageBytes) + " bytes (strides repeat elements); not a weight");
}

} // namespace

bool TorchBinFile::open(const std::string &path, std::string &error)
{
    try {
        std::string readError; // weights may be large; only regular files are read
        if (!readRegularFile(path, m_bytes, readError, std::numeric_limits<std::uintmax_t>::max()))
            throw std::runtime_error(readError);
        const auto entries = zipEntries(m_bytes);
        std::string prefix;
        for (const auto &[name, where] : entries)
            if (name.size() >= 9 && name.compare(name.size() - 9, 9, "/data.pkl") == 0)
                prefix = name.substr(0, name.size() - 8);
        if (prefix.empty())
            throw std::runtime_error("no data.pkl: not a torch.save file (or the legacy format)");
        const auto [pklAt, pklSize] = entries.at(prefix + "data.pkl");
        const Pickle pickle = unpickle(m_bytes.substr(pklAt, pklSize));
        if (pickle.top->kind != Value::Kind::Dict)
            throw std::runtime_error("the pickle is not a state dict");
        for (const auto &[key, value] : pickle.top->entries) {
            if (key->kind != Value::Kind::String || value->kind != Value::Kind::Tensor) continue;
            const auto storage = entries.find(prefix + "data/" + value->storage->key);
            if (storage == entries.end())
                throw std::runtime_error("storage " + value->storage->key + " of " + key->s +
                                         " is missing");
            BinTensor t = value->storage->tensor;
            checkTensor(key->s, t, value->i, storage->second.second);
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
