#pragma once

#include "ngramtokenizer.h"
#include "result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <map>
#include <memory>
#include <vector>

namespace hanji {

// Hanji's own full-text index (IndexLayout::Postings): which papers hold each pair of
// characters, at which positions, and each character (postingsformat.h). FTS5 did the same
// with a hash of token bytes for every token of every text, most of a cold import (issue 12);
// here a token is a number and a paper's tokens are gathered before they are written.
//
// The index is kept in segments, one for each batch of an import; a paper's text lives in
// one (papers.text_segment). A text replaced, or a paper gone, is listed among its segment's
// deleted papers, which searches skip and merges (mergePostings) leave out.
[[nodiscard]] QStringList postingsSchema();

// One batch's postings, gathered in memory by token. Papers come in ascending order of id.
// Used by one thread at a time.
class PostingsBuilder
{
public:
    PostingsBuilder();
    ~PostingsBuilder();
    PostingsBuilder(const PostingsBuilder &) = delete;
    PostingsBuilder &operator=(const PostingsBuilder &) = delete;

    // False, and nothing added, for a paper not after the last one.
    [[nodiscard]] bool add(qint64 paper, const IndexTokens &tokens);
    // Every paper added is in the postings (PostingsWriter::flush calls it).
    void finish();

private:
    friend class PostingsWriter;
    struct Tokens;
    std::unique_ptr<Tokens> m_tokens;
};

// One batch's changes to the postings, written at flush() inside the batch's transaction.
class PostingsWriter
{
public:
    explicit PostingsWriter(QSqlDatabase db);

    // The segment this batch's papers go into (for papers.text_segment), made when first asked.
    [[nodiscard]] Result<qint64> segment();
    // What goes into that segment.
    [[nodiscard]] PostingsBuilder &builder() { return *m_builder; }
    // The paper's text so far no longer counts: call before its text is replaced or its row
    // is deleted.
    [[nodiscard]] Result<> forget(qint64 paper);
    // Writes the segment and the deleted papers; the writer then starts a new segment.
    [[nodiscard]] Result<> flush();

private:
    QSqlDatabase m_db;
    qint64 m_segment = 0; // 0 until the batch's segment is asked for
    std::unique_ptr<PostingsBuilder> m_builder;
    std::map<qint64, std::vector<qint64>> m_forgotten; // segment -> papers, this batch
};

// Merges segments of about one size, four or more into one, until no size has four: a
// search reads a few segments, and an import rewrites about as much as it adds, over time.
// The largest size is left as it is, unless it is the smallest (postingswriter.cpp).
[[nodiscard]] Result<> mergePostings(const QSqlDatabase &db);

} // namespace hanji
