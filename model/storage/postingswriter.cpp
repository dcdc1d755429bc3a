#include "postingswriter.h"

#include "postingsformat.h"
#include "postingssegments.h"
#include "sqlitefile.h"
#include "sqlitestatement.h"
#include "sqlutil.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

using namespace Qt::StringLiterals;

namespace hanji {

using namespace postings;

QStringList postingsSchema()
{
    return {
        // bytes: of its postings, by which merges choose segments of about one size.
        u"CREATE TABLE text_segments(id INTEGER PRIMARY KEY, bytes INTEGER NOT NULL DEFAULT 0, deleted BLOB NOT NULL DEFAULT x'')"_s,
        u"CREATE TABLE text_blocks(kind INTEGER NOT NULL, segment INTEGER NOT NULL REFERENCES text_segments(id),"
        " first_token INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY(kind, segment, first_token)) WITHOUT ROWID"_s,
    };
}

namespace {

const QString kCannotWrite = u"the index could not be written"_s;

// Postings into blocks (postingsformat.h), each a row of text_blocks once it is large enough.
class BlockWriter
{
public:
    BlockWriter(const QSqlDatabase &db, Kind kind, qint64 segment)
        : m_insert(db, "INSERT INTO text_blocks(kind, segment, first_token, data) VALUES (?, ?, ?, ?)")
        , m_kind(kind)
        , m_segment(segment)
    {
    }

    // Tokens come in ascending order.
    [[nodiscard]] Result<> add(quint64 token, QByteArrayView posting)
    {
        if (m_tokens.empty())
            m_first = token;
        m_tokens.push_back({ token, posting.size() });
        m_postings.append(posting.data(), size_t(posting.size()));
        m_bytes += posting.size();
        if (qsizetype(m_postings.size()) >= kBlockBytes)
            return finish();
        return {};
    }

    // Writes what is left.
    [[nodiscard]] Result<> finish()
    {
        if (m_tokens.empty())
            return {};
        std::string block;
        block.reserve(m_postings.size() + m_tokens.size() * 4 + 8);
        appendVarint(block, m_tokens.size());
        quint64 previous = m_first;
        for (const auto &[token, length] : m_tokens) {
            appendVarint(block, token - previous);
            appendVarint(block, quint64(length));
            previous = token;
        }
        block.append(m_postings);
        m_tokens.clear();
        m_postings.clear();
        return m_insert.run(kCannotWrite, int(m_kind), m_segment, qint64(m_first),
                            QByteArray::fromRawData(block.data(), qsizetype(block.size())));
    }

    [[nodiscard]] qint64 bytes() const { return m_bytes; }

private:
    SqliteStatement m_insert;
    Kind m_kind;
    qint64 m_segment;
    quint64 m_first = 0;
    std::vector<std::pair<quint64, qsizetype>> m_tokens;
    std::string m_postings;
    qint64 m_bytes = 0;
};

// Tokens to their slot, open addressing on the token (never 0).
class TokenTable
{
public:
    TokenTable() { m_cells.resize(1 << 12); }

    // The slot of token, made (as `count`, the next free one) when it is new; *made says which.
    quint32 slot(quint64 token, quint32 count, bool *made)
    {
        if ((count + 1) * 2 > m_cells.size())
            grow();
        const size_t mask = m_cells.size() - 1;
        for (size_t i = hash(token) & mask;; i = (i + 1) & mask) {
            Cell &cell = m_cells[i];
            if (cell.token == token) {
                *made = false;
                return cell.slot;
            }
            if (cell.token == 0) {
                cell = { token, count };
                *made = true;
                return count;
            }
        }
    }

private:
    struct Cell {
        quint64 token = 0;
        quint32 slot = 0;
    };

    static size_t hash(quint64 token)
    {
        token *= 0x9E3779B97F4A7C15ull;
        return size_t(token ^ (token >> 29));
    }

    void grow()
    {
        std::vector<Cell> old(m_cells.size() * 2);
        old.swap(m_cells);
        const size_t mask = m_cells.size() - 1;
        for (const Cell &cell : old) {
            if (cell.token == 0)
                continue;
            size_t i = hash(cell.token) & mask;
            while (m_cells[i].token != 0)
                i = (i + 1) & mask;
            m_cells[i] = cell;
        }
    }

    std::vector<Cell> m_cells;
};

// Each token's posting of one kind, as papers are added.
class PostingsOfKind
{
public:
    struct Slot {
        quint64 token;
        qint64 lastPaper;
        std::string posting;
    };

    // The token's slot, made when it is new.
    Slot &slotOf(quint64 token)
    {
        bool made = false;
        const quint32 slot = m_table.slot(token, quint32(m_slots.size()), &made);
        if (made)
            m_slots.push_back({ token, 0, {} });
        return m_slots[slot];
    }

    // Puts the paper at the end of the slot's posting of characters.
    static void append(Slot &slot, qint64 paper)
    {
        appendPosted(slot.posting, Kind::Characters, quint64(paper - slot.lastPaper));
        slot.lastPaper = paper;
    }

    // Every token's posting, tokens ascending.
    [[nodiscard]] Result<> write(BlockWriter &blocks)
    {
        std::vector<quint32> order(m_slots.size());
        for (quint32 i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](quint32 a, quint32 b) { return m_slots[a].token < m_slots[b].token; });
        for (const quint32 i : order) {
            const std::string &posting = m_slots[i].posting;
            if (Result<> added = blocks.add(m_slots[i].token, QByteArrayView(posting.data(), qsizetype(posting.size()))); !added)
                return added;
        }
        return blocks.finish();
    }

private:
    TokenTable m_table;
    std::vector<Slot> m_slots;
};

} // namespace

// A batch's tokens gathered by token.
struct PostingsBuilder::Tokens {
    PostingsOfKind pairs;
    PostingsOfKind characters;
    qint64 lastPaper = 0;

    // The pairs of the last papers at their positions, gathered by token (sorted) before they
    // go to the postings, so that each token's posting is looked up once for all of them and
    // each paper's positions of it stand together. Looked up at every pair, the postings of a
    // batch (tens of megabytes) had the writer wait for memory each time (issue 12).
    struct Pair {
        quint64 token;
        quint32 paper; // in papers
        quint32 position;
    };
    static constexpr size_t kPapersGathered = 1024;
    std::vector<Pair> gathered;
    std::vector<Pair> sorted;
    std::vector<qint64> papers;
    std::string deltas;

    void add(qint64 paper, const IndexTokens &tokens)
    {
        const auto index = quint32(papers.size());
        for (quint32 position = 0; position < tokens.pairs.size(); ++position) {
            if (tokens.pairs[position] != IndexTokens::kNoPair)
                gathered.push_back({ tokens.pairs[position], index, position });
        }
        papers.push_back(paper);
        for (const char32_t code : tokens.characters) // a few thousand: their table stays in the cache
            PostingsOfKind::append(characters.slotOf(characterToken(code)), paper);
        lastPaper = paper;
        if (papers.size() == kPapersGathered)
            drain();
    }

    // The gathered pairs into their postings: for each paper, its positions (postingsformat.h).
    void drain()
    {
        sortByToken();
        for (size_t i = 0; i < sorted.size();) {
            PostingsOfKind::Slot &slot = pairs.slotOf(sorted[i].token);
            const quint64 token = sorted[i].token;
            while (i < sorted.size() && sorted[i].token == token) {
                const quint32 paper = sorted[i].paper;
                deltas.clear();
                quint32 previous = 0;
                for (; i < sorted.size() && sorted[i].token == token && sorted[i].paper == paper; ++i) {
                    appendVarint(deltas, sorted[i].position - previous);
                    previous = sorted[i].position;
                }
                appendPosted(slot.posting, Kind::Pairs, quint64(papers[paper] - slot.lastPaper), deltas);
                slot.lastPaper = papers[paper];
            }
        }
        gathered.clear();
        sorted.clear();
        papers.clear();
    }

    // Stable (each token's papers and positions stay in their order), by 15 bits at a time of
    // the 45 a pair's token has (pairIds).
    void sortByToken()
    {
        constexpr int kBits = 15;
        constexpr size_t kBuckets = size_t(1) << kBits;
        std::vector<quint32> counts(kBuckets);
        sorted.resize(gathered.size());
        for (int shift = 0; shift < 3 * kBits; shift += kBits) {
            std::fill(counts.begin(), counts.end(), 0);
            for (const Pair &pair : gathered)
                ++counts[(pair.token >> shift) & (kBuckets - 1)];
            quint32 total = 0;
            for (quint32 &count : counts)
                total += std::exchange(count, total);
            for (const Pair &pair : gathered)
                sorted[counts[(pair.token >> shift) & (kBuckets - 1)]++] = pair;
            gathered.swap(sorted);
        }
        gathered.swap(sorted); // the result is in sorted
    }
};

PostingsBuilder::PostingsBuilder()
    : m_tokens(std::make_unique<Tokens>())
{
}

PostingsBuilder::~PostingsBuilder() = default;

bool PostingsBuilder::add(qint64 paper, const IndexTokens &tokens)
{
    if (paper <= m_tokens->lastPaper)
        return false;
    m_tokens->add(paper, tokens);
    return true;
}

void PostingsBuilder::finish() { m_tokens->drain(); }

PostingsWriter::PostingsWriter(QSqlDatabase db)
    : m_db(std::move(db))
    , m_builder(std::make_unique<PostingsBuilder>())
{
}

Result<qint64> PostingsWriter::segment()
{
    if (m_segment != 0)
        return m_segment;
    const Result<qint64> made = newSegment(m_db);
    if (made)
        m_segment = *made;
    return made;
}

Result<> PostingsWriter::forget(qint64 paper)
{
    SqliteQuery query(sqliteHandle(m_db), "SELECT text_segment FROM papers WHERE id = ?");
    query.bind(1, paper);
    const int rc = query.step();
    if (rc == SQLITE_ROW) {
        if (const qint64 segment = query.integer(0); segment != 0) // NULL: not in the index
            m_forgotten[segment].push_back(paper);
        return {};
    }
    return rc == SQLITE_DONE ? Result<>() : failure(query.error(kCannotWrite));
}

Result<> PostingsWriter::flush()
{
    const bool added = m_builder->m_tokens->lastPaper != 0;
    if (added && m_segment == 0) {
        if (const Result<qint64> made = segment(); !made)
            return failure(made.error());
    }
    if (m_segment != 0) {
        m_builder->finish();
        BlockWriter pairBlocks(m_db, Kind::Pairs, m_segment);
        BlockWriter characterBlocks(m_db, Kind::Characters, m_segment);
        if (Result<> done = m_builder->m_tokens->pairs.write(pairBlocks); !done)
            return done;
        if (Result<> done = m_builder->m_tokens->characters.write(characterBlocks); !done)
            return done;
        // A segment asked for but given no paper goes again (it has no blocks).
        const Result<> done = added ? setSegmentBytes(m_db, m_segment, pairBlocks.bytes() + characterBlocks.bytes())
                                    : SqliteStatement(m_db, "DELETE FROM text_segments WHERE id = ?").run(kCannotWrite, m_segment);
        if (!done)
            return done;
        m_segment = 0;
        m_builder = std::make_unique<PostingsBuilder>();
    }
    if (m_forgotten.empty())
        return {};
    Result<std::vector<PostingsSegment>> segments = readSegments(sqliteHandle(m_db), kCannotWrite);
    if (!segments)
        return failure(segments.error());
    SqliteStatement write(m_db, "UPDATE text_segments SET deleted = ? WHERE id = ?");
    for (PostingsSegment &segment : *segments) {
        const auto forgotten = m_forgotten.find(segment.id);
        if (forgotten == m_forgotten.end())
            continue;
        std::vector<qint64> &deleted = segment.deleted;
        deleted.insert(deleted.end(), forgotten->second.cbegin(), forgotten->second.cend());
        std::sort(deleted.begin(), deleted.end());
        deleted.erase(std::unique(deleted.begin(), deleted.end()), deleted.end());
        const std::string ids = encodeIds(deleted);
        if (Result<> done = write.run(kCannotWrite, QByteArray::fromRawData(ids.data(), qsizetype(ids.size())), segment.id); !done)
            return done;
    }
    m_forgotten.clear();
    return {};
}

namespace {

// One segment's blocks of one kind, token by token, in order.
class SegmentCursor
{
public:
    SegmentCursor(sqlite3 *db, Kind kind, const PostingsSegment &segment)
        : m_query(db, "SELECT first_token, data FROM text_blocks WHERE kind = ? AND segment = ? ORDER BY first_token")
        , m_segment(segment)
    {
        m_query.bind(1, qint64(kind));
        m_query.bind(2, segment.id);
    }

    // Moves to the next token; false at the end or on an error (error() says).
    bool next()
    {
        if (++m_at < m_entries.size())
            return true;
        const int rc = m_query.step();
        if (rc != SQLITE_ROW) {
            if (rc != SQLITE_DONE)
                m_error = m_query.error(kCannotWrite);
            return false;
        }
        // The postings of the last token read stay valid: its caller merges them after this.
        m_previousBlock = std::exchange(m_block, m_query.blob(1).toByteArray());
        if (!readBlock(m_block, quint64(m_query.integer(0)), m_entries) || m_entries.empty()) {
            m_error = damagedPostings();
            return false;
        }
        m_at = 0;
        return true;
    }

    // Valid until the second next() after it.
    [[nodiscard]] const BlockEntry &current() const { return m_entries[m_at]; }
    [[nodiscard]] bool isDeleted(qint64 paper) const { return m_segment.isDeleted(paper); }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

private:
    SqliteQuery m_query;
    const PostingsSegment &m_segment;
    QByteArray m_block;
    QByteArray m_previousBlock;
    std::vector<BlockEntry> m_entries;
    size_t m_at = 0;
    std::optional<Error> m_error;
};

// The segments' postings of one kind into one, leaving out their deleted papers.
Result<qint64> mergeKind(const QSqlDatabase &db, Kind kind, const std::vector<PostingsSegment> &inputs, qint64 into)
{
    sqlite3 *handle = sqliteHandle(db);
    std::vector<std::unique_ptr<SegmentCursor>> cursors;
    std::vector<SegmentCursor *> live;
    for (const PostingsSegment &segment : inputs) {
        cursors.push_back(std::make_unique<SegmentCursor>(handle, kind, segment));
        if (cursors.back()->next())
            live.push_back(cursors.back().get());
        else if (cursors.back()->error())
            return failure(*cursors.back()->error());
    }
    BlockWriter blocks(db, kind, into);
    std::vector<PostedPaper> all;
    std::vector<PostedPaper> one;
    std::string merged;
    while (!live.empty()) {
        quint64 token = live.front()->current().token;
        for (const SegmentCursor *cursor : live)
            token = std::min(token, cursor->current().token);
        all.clear();
        for (auto it = live.begin(); it != live.end();) {
            SegmentCursor *cursor = *it;
            if (cursor->current().token != token) {
                ++it;
                continue;
            }
            if (!readPosting(cursor->current().posting, kind, one))
                return failure(damagedPostings());
            for (const PostedPaper &posted : one) {
                if (!cursor->isDeleted(posted.paper))
                    all.push_back(posted);
            }
            if (cursor->next()) {
                ++it;
            } else {
                if (cursor->error())
                    return failure(*cursor->error());
                it = live.erase(it);
            }
        }
        if (all.empty())
            continue;
        // The segments' papers are disjoint (a paper's text is live in one), each ascending.
        std::stable_sort(all.begin(), all.end(), [](const PostedPaper &a, const PostedPaper &b) { return a.paper < b.paper; });
        merged.clear();
        qint64 previous = 0;
        for (const PostedPaper &posted : all) {
            appendPosted(merged, kind, quint64(posted.paper - previous), std::string_view(posted.positions.data(), size_t(posted.positions.size())));
            previous = posted.paper;
        }
        if (Result<> added = blocks.add(token, QByteArrayView(merged.data(), qsizetype(merged.size()))); !added)
            return failure(added.error());
    }
    if (Result<> done = blocks.finish(); !done)
        return failure(done.error());
    return blocks.bytes();
}

Result<> mergeSegments(const QSqlDatabase &db, const std::vector<PostingsSegment> &inputs)
{
    const Result<qint64> made = newSegment(db);
    if (!made)
        return failure(made.error());
    const qint64 into = *made;
    qint64 bytes = 0;
    for (const Kind kind : { Kind::Pairs, Kind::Characters }) {
        const Result<qint64> written = mergeKind(db, kind, inputs, into);
        if (!written)
            return failure(written.error());
        bytes += *written;
    }
    SqliteStatement moved(db, "UPDATE papers SET text_segment = ? WHERE text_segment = ?");
    SqliteStatement dropBlocks(db, "DELETE FROM text_blocks WHERE kind = ? AND segment = ?");
    SqliteStatement dropSegment(db, "DELETE FROM text_segments WHERE id = ?");
    Result<> done = setSegmentBytes(db, into, bytes);
    for (const PostingsSegment &segment : inputs) {
        for (const Kind kind : { Kind::Pairs, Kind::Characters })
            done = done ? dropBlocks.run(kCannotWrite, int(kind), segment.id) : done;
        done = done ? moved.run(kCannotWrite, into, segment.id) : done;
        done = done ? dropSegment.run(kCannotWrite, segment.id) : done;
    }
    return done;
}

// Segments of about one size share a tier: each tier four times the one below. A tier of
// this many is merged into one.
constexpr size_t kSegmentsPerTier = 4;

int tierOf(const PostingsSegment &segment)
{
    constexpr double kSmallest = 64 * 1024;
    return segment.bytes <= kSmallest ? 0 : 1 + int(std::log(double(segment.bytes) / kSmallest) / std::log(4.0));
}

} // namespace

Result<> mergePostings(const QSqlDatabase &db)
{
    for (;;) {
        Result<std::vector<PostingsSegment>> segments = readSegments(sqliteHandle(db), kCannotWrite);
        if (!segments)
            return failure(segments.error());
        std::map<int, std::vector<PostingsSegment>> tiers;
        for (PostingsSegment &segment : *segments)
            tiers[tierOf(segment)].push_back(std::move(segment));
        // The largest segments are not merged with one another (but the smallest, of a small
        // library): a cold build's batches, tens of megabytes each at ten years, would be
        // written again at once and leave the file half empty.
        if (tiers.size() > 0 && tiers.crbegin()->first > 0)
            tiers.erase(std::prev(tiers.end()));
        const auto full = std::find_if(tiers.cbegin(), tiers.cend(), [](const auto &tier) { return tier.second.size() >= kSegmentsPerTier; });
        if (full == tiers.cend())
            return {};
        if (Result<> merged = mergeSegments(db, full->second); !merged)
            return merged;
    }
}

} // namespace hanji
