#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

// How Hanji's own full-text index (IndexLayout::Postings) lays out its bytes; read by
// PostingsReader, written by PostingsWriter.
//
// A segment holds, for each token (a pair of characters, or one character), its posting:
// the papers holding it, ascending, each as the varint of its id's distance from the one
// before. A pair's posting also gives each paper's positions, each as the varint of its
// distance from the one before (the first from 0); the distance of the paper's id is then
// shifted left by one, its low bit set when the pair is there once (most are): its one
// position follows; else the varint of the positions' bytes comes first, then they.
// Postings go in blocks of some kilobytes, tokens ascending: a block is the varint of its
// count of tokens, then for each the varints of its distance from the one before (the
// block's first from itself) and of its posting's length, then the postings.
namespace hanji::postings {

enum class Kind { Pairs = 0, Characters = 1 };

// A character's token (no token is 0).
inline quint64 characterToken(char32_t code) { return quint64(code) + 1; }

// A block is written once it holds this much.
inline constexpr qsizetype kBlockBytes = 16 * 1024;

// Into a std::string: QByteArray::append(char) is a call that checks its room every time
// (a sixth of a cold import's instructions, callgrind).
inline void appendVarint(std::string &out, quint64 value)
{
    while (value >= 0x80) {
        out.push_back(char(value | 0x80));
        value >>= 7;
    }
    out.push_back(char(value));
}

// Reads a varint at *at, moving past it; false at a varint cut short (damage).
inline bool readVarint(const char *&at, const char *end, quint64 &value)
{
    value = 0;
    for (int shift = 0; at < end && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(*at++);
        value |= quint64(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0)
            return true;
    }
    return false;
}

// Where each of a block's tokens has its posting.
struct BlockEntry {
    quint64 token;
    QByteArrayView posting;
};

// A block's tokens; false where the block is damaged.
inline bool readBlock(QByteArrayView block, quint64 firstToken, std::vector<BlockEntry> &entries)
{
    entries.clear();
    const char *at = block.data();
    const char *const end = at + block.size();
    quint64 count = 0;
    if (!readVarint(at, end, count) || count > quint64(block.size()))
        return false;
    entries.reserve(count);
    quint64 token = firstToken;
    std::vector<quint64> lengths;
    lengths.reserve(count);
    for (quint64 i = 0; i < count; ++i) {
        quint64 delta = 0;
        quint64 length = 0;
        if (!readVarint(at, end, delta) || !readVarint(at, end, length))
            return false;
        token += delta;
        entries.push_back({ token, {} });
        lengths.push_back(length);
    }
    for (quint64 i = 0; i < count; ++i) {
        if (lengths[i] > quint64(end - at))
            return false;
        entries[i].posting = QByteArrayView(at, qsizetype(lengths[i]));
        at += lengths[i];
    }
    return at == end;
}

// A sorted list of paper ids as varints of their distances (a segment's deleted papers).
inline std::string encodeIds(const std::vector<qint64> &ids)
{
    std::string out;
    qint64 previous = 0;
    for (const qint64 id : ids) {
        appendVarint(out, quint64(id - previous));
        previous = id;
    }
    return out;
}

inline bool decodeIds(QByteArrayView bytes, std::vector<qint64> &ids)
{
    ids.clear();
    const char *at = bytes.data();
    const char *const end = at + bytes.size();
    qint64 id = 0;
    while (at < end) {
        quint64 delta = 0;
        if (!readVarint(at, end, delta))
            return false;
        id += qint64(delta);
        ids.push_back(id);
    }
    return true;
}

// One paper of a posting: its id and, in a pair's posting, its positions (their varints).
struct PostedPaper {
    qint64 paper;
    QByteArrayView positions;
};

// Whether the bytes are a single varint.
inline bool isOneVarint(std::string_view bytes)
{
    return !bytes.empty() && (static_cast<unsigned char>(bytes.back()) & 0x80) == 0
        && std::count_if(bytes.cbegin(), bytes.cend(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; }) == 1;
}

// A paper at the end of a posting: `distance` from the paper before it, and in a pair's
// posting its positions.
inline void appendPosted(std::string &out, Kind kind, quint64 distance, std::string_view positions = {})
{
    if (kind == Kind::Characters) {
        appendVarint(out, distance);
        return;
    }
    const bool once = isOneVarint(positions);
    appendVarint(out, distance << 1 | (once ? 1 : 0));
    if (!once)
        appendVarint(out, positions.size());
    out.append(positions);
}

inline bool readPosting(QByteArrayView posting, Kind kind, std::vector<PostedPaper> &papers)
{
    papers.clear();
    papers.reserve(size_t(posting.size()) / 2); // a paper takes two bytes at least (but a character's)
    const char *at = posting.data();
    const char *const end = at + posting.size();
    qint64 paper = 0;
    while (at < end) {
        quint64 value = 0;
        if (!readVarint(at, end, value))
            return false;
        if (kind == Kind::Characters) {
            paper += qint64(value);
            papers.push_back({ paper, {} });
            continue;
        }
        paper += qint64(value >> 1);
        const char *start = at;
        if (value & 1) {
            quint64 position = 0;
            if (!readVarint(at, end, position))
                return false;
        } else {
            quint64 length = 0;
            if (!readVarint(at, end, length) || length > quint64(end - at))
                return false;
            start = at;
            at += length;
        }
        papers.push_back({ paper, QByteArrayView(start, at - start) });
    }
    return true;
}

} // namespace hanji::postings
