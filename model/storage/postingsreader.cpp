#include "postingsreader.h"

#include "ngramtokenizer.h"
#include "postingsformat.h"
#include "postingssegments.h"
#include "sqlitefile.h"
#include "sqlitestatement.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace hanji {

using namespace postings;

namespace {

const QString kCannotSearch = u"search failed"_s;

// A token's posting in a segment: the block that would hold it, then the token in the block.
class PostingLookup
{
public:
    explicit PostingLookup(sqlite3 *db)
        : m_block(db, "SELECT first_token, data FROM text_blocks WHERE kind = ? AND segment = ? AND first_token <= ?"
                      " ORDER BY first_token DESC LIMIT 1")
    {
    }

    // The posting, a null array when the segment has no such token.
    [[nodiscard]] Result<QByteArray> posting(Kind kind, qint64 segment, quint64 token)
    {
        m_block.reset();
        m_block.bind(1, qint64(kind));
        m_block.bind(2, segment);
        m_block.bind(3, qint64(token));
        const int rc = m_block.step();
        if (rc == SQLITE_DONE)
            return QByteArray();
        if (rc != SQLITE_ROW)
            return failure(m_block.error(kCannotSearch));
        if (!readBlock(m_block.blob(1), quint64(m_block.integer(0)), m_entries))
            return failure(damagedPostings());
        const auto found = std::lower_bound(m_entries.cbegin(), m_entries.cend(), token,
                                            [](const BlockEntry &entry, quint64 t) { return entry.token < t; });
        if (found == m_entries.cend() || found->token != token)
            return QByteArray();
        return found->posting.toByteArray();
    }

private:
    SqliteQuery m_block;
    std::vector<BlockEntry> m_entries;
};

// A paper's positions of one pair, decoded one by one (readPosting checked their length).
class Positions
{
public:
    explicit Positions(const PostedPaper &posted)
        : m_at(posted.positions.data())
        , m_end(posted.positions.data() + posted.positions.size())
    {
    }

    // The next position, or false at the end.
    bool next(quint32 &position)
    {
        quint64 delta = 0;
        if (m_at >= m_end || !readVarint(m_at, m_end, delta))
            return false;
        m_position += quint32(delta);
        position = m_position;
        return true;
    }

private:
    const char *m_at;
    const char *m_end;
    quint32 m_position = 0;
};

// Whether the pairs stand one after another in the paper: the i-th at a position i past the first's.
bool holdsPhrase(const std::vector<const PostedPaper *> &atPaper)
{
    thread_local std::vector<quint32> starts;
    starts.clear();
    Positions first(*atPaper[0]);
    for (quint32 position = 0; first.next(position);)
        starts.push_back(position);
    for (size_t i = 1; i < atPaper.size() && !starts.empty(); ++i) {
        // Both ascending: keep the starts whose i-th pair is there, in one walk of each.
        Positions positions(*atPaper[i]);
        quint32 position = 0;
        bool more = positions.next(position);
        size_t kept = 0;
        for (const quint32 start : starts) {
            const quint32 wanted = start + quint32(i);
            while (more && position < wanted)
                more = positions.next(position);
            if (!more)
                break;
            if (position == wanted)
                starts[kept++] = start;
        }
        starts.resize(kept);
    }
    return !starts.empty();
}

// The first of the list's papers from `from` on that is not before `paper`: the candidates
// come in order, so the steps double from where the last one was found, then halve.
std::vector<PostedPaper>::const_iterator gallop(const std::vector<PostedPaper> &list, size_t from, qint64 paper)
{
    size_t step = 1;
    size_t end = from;
    while (end < list.size() && list[end].paper < paper) {
        from = end + 1;
        end += step;
        step *= 2;
    }
    return std::lower_bound(list.cbegin() + qsizetype(from), list.cbegin() + qsizetype(std::min(end, list.size())), paper,
                            [](const PostedPaper &p, qint64 wanted) { return p.paper < wanted; });
}

// The papers of one segment that hold one term.
Result<std::vector<qint64>> matchesIn(PostingLookup &lookup, const PostingsSegment &segment, const TermTokens &term)
{
    std::vector<qint64> papers;
    const Kind kind = term.character ? Kind::Characters : Kind::Pairs;
    std::vector<quint64> tokens = term.character ? std::vector<quint64> { characterToken(*term.character) } : term.pairs;
    // Each distinct token's posting, read once.
    std::map<quint64, std::vector<PostedPaper>> posted;
    std::map<quint64, QByteArray> bytes;
    for (const quint64 token : tokens) {
        if (posted.contains(token))
            continue;
        Result<QByteArray> posting = lookup.posting(kind, segment.id, token);
        if (!posting)
            return failure(posting.error());
        if (posting->isNull())
            return papers; // a pair no paper of this segment holds
        QByteArray &kept = bytes[token] = std::move(*posting);
        if (!readPosting(kept, kind, posted[token]))
            return failure(damagedPostings());
    }
    std::vector<const std::vector<PostedPaper> *> lists;
    for (const quint64 token : tokens)
        lists.push_back(&posted[token]);
    // Walk the shortest posting; look each of its papers up in the others, which only move on.
    const auto shortest = std::min_element(lists.cbegin(), lists.cend(), [](const auto *a, const auto *b) { return a->size() < b->size(); });
    std::vector<size_t> at(lists.size(), 0);
    std::vector<const PostedPaper *> atPaper(lists.size());
    for (const PostedPaper &candidate : **shortest) {
        if (segment.isDeleted(candidate.paper))
            continue;
        bool inAll = true;
        for (size_t i = 0; i < lists.size() && inAll; ++i) {
            const std::vector<PostedPaper> &list = *lists[i];
            const auto found = gallop(list, at[i], candidate.paper);
            at[i] = size_t(found - list.cbegin());
            inAll = found != list.cend() && found->paper == candidate.paper;
            if (inAll)
                atPaper[i] = &*found;
        }
        if (!inAll)
            continue;
        if (kind == Kind::Pairs && tokens.size() > 1 && !holdsPhrase(atPaper))
            continue;
        papers.push_back(candidate.paper);
    }
    return papers;
}

// Reads with no transaction of the caller's in one of its own.
class ReadTransaction
{
public:
    explicit ReadTransaction(sqlite3 *db)
        : m_db(db)
        , m_own(sqlite3_get_autocommit(db) != 0)
    {
        if (m_own)
            m_own = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~ReadTransaction()
    {
        // Never left open: the connection would read this snapshot from then on.
        if (m_own && sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

private:
    sqlite3 *m_db;
    bool m_own;
};

} // namespace

PostingsReader::PostingsReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::vector<qint64>> PostingsReader::papersWithAll(const QStringList &terms) const
{
    sqlite3 *db = sqliteHandle(m_db);
    if (!db)
        return failure(u"search failed: not an SQLite connection"_s);
    const ReadTransaction transaction(db);
    const Result<std::vector<PostingsSegment>> segments = readSegments(db, kCannotSearch);
    if (!segments)
        return failure(segments.error());
    PostingLookup lookup(db);
    std::optional<std::vector<qint64>> all;
    for (const QString &text : terms) {
        const TermTokens term = termTokens(text);
        if (!term.character && term.pairs.empty())
            continue; // white space alone: every text holds it
        std::vector<qint64> papers;
        for (const PostingsSegment &segment : *segments) {
            Result<std::vector<qint64>> found = matchesIn(lookup, segment, term);
            if (!found)
                return failure(found.error());
            papers.insert(papers.end(), found->cbegin(), found->cend());
        }
        std::sort(papers.begin(), papers.end());
        papers.erase(std::unique(papers.begin(), papers.end()), papers.end());
        if (all) {
            std::vector<qint64> both;
            std::set_intersection(all->cbegin(), all->cend(), papers.cbegin(), papers.cend(), std::back_inserter(both));
            all = std::move(both);
        } else {
            all = std::move(papers);
        }
        if (all->empty())
            break;
    }
    return all.value_or(std::vector<qint64>());
}

} // namespace hanji
