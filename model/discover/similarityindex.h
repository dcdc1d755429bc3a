#pragma once

#include "paper.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace hanji {

// What similarity reads of a paper: its title and its summary (section texts).
struct PaperText {
    QString id;
    QString title;
    QString summary;

    [[nodiscard]] static PaperText of(const Paper &paper);
};

struct RelatedPaper {
    QString id;
    double score = 0; // cosine similarity, 0..1
};

// Content similarity of every paper of a library to every other: tf-idf over title and
// summary (similarityTerms: words, and CJK character pairs), title terms counted twice,
// weights (1 + ln tf) · ln(N / df), vectors L2-normalised, cosine through an inverted index,
// so a lookup touches only the papers that share a term. Terms in one paper only or in more
// than half of them tell nothing about likeness and are left out, and of a paper's terms only
// its 64 strongest are kept (of equal weights, the first in code-point order), then normalised.
// Immutable once built: safe to read from any number of threads.
class SimilarityIndex
{
public:
    SimilarityIndex() = default;

    // Empty when cancelled.
    [[nodiscard]] static SimilarityIndex build(const QList<PaperText> &papers, const std::atomic_bool *cancel = nullptr);

    // The index as a file (similaritycache.h): every array as it is in memory, so that a
    // saved index is read by mapping the file, its pages loaded as lookups touch them.
    [[nodiscard]] QList<QByteArrayView> arrays() const;
    static constexpr int kArrayCount = 11; // how many arrays() gives
    // An index over arrays as arrays() gave them, which owner keeps alive (a mapped file);
    // nullopt when their sizes do not fit together.
    [[nodiscard]] static std::optional<SimilarityIndex> fromArrays(const QList<QByteArrayView> &arrays,
                                                                   std::shared_ptr<const void> owner);

    [[nodiscard]] int size() const { return int(m_titleGroup.size()); }
    [[nodiscard]] bool contains(const QString &id) const { return docOf(id).has_value(); }
    [[nodiscard]] int termCount() const { return m_postingOffsets.empty() ? 0 : int(m_postingOffsets.size()) - 1; }
    // Roughly what the index holds in memory (or maps), in bytes.
    [[nodiscard]] qint64 memoryBytes() const;

    // The papers most like this one, best first, at most limit; never the paper itself nor
    // another listing of it (a paper of the same title under another id).
    [[nodiscard]] QList<RelatedPaper> related(const QString &id, int limit) const;

    // The papers most like the mean of these papers' vectors, among those accept lets through
    // (all when empty), the seeds themselves left out. Empty when no seed is known.
    [[nodiscard]] QList<RelatedPaper> likeMean(const QStringList &seeds, int limit,
                                              const std::function<bool(const QString &)> &accept = {}) const;

    // A paper's vector as (term, weight), for tests and explanations.
    [[nodiscard]] QHash<QString, double> vectorOf(const QString &id) const;

private:
    friend class SimilarityIndexBuilder;
    struct Arrays;
    using Vector = std::vector<std::pair<quint32, float>>;
    [[nodiscard]] QList<RelatedPaper> nearest(const Vector &query, int limit,
                                              const std::function<bool(quint32 doc)> &accept) const;
    [[nodiscard]] Vector documentVector(quint32 doc) const;
    [[nodiscard]] float weightOf(quint32 doc, quint32 term) const;
    [[nodiscard]] std::optional<quint32> docOf(QStringView id) const;
    [[nodiscard]] QStringView idOf(quint32 doc) const;
    [[nodiscard]] QStringView termOf(quint32 term) const;

    // Every part is a flat array, held by m_owner (the arrays built, or a file mapped). Ids
    // and terms are UTF-16 one after another, each ending at its offset; documents' terms and
    // terms' postings are offsets into flat arrays. A weight is held once, in the postings
    // (sorted by document), and a vector's weights looked up there: ten years of papers hold
    // some three million (paper, term) pairs.
    std::shared_ptr<const void> m_owner;
    std::span<const char16_t> m_idText;
    std::span<const quint32> m_idEnds;
    std::span<const quint32> m_docsById; // the documents in the order of their ids, to find one
    std::span<const quint32> m_titleGroup; // papers of one title share a group
    std::span<const char16_t> m_termText;
    std::span<const quint32> m_termEnds;
    std::span<const quint32> m_vectorOffsets; // one more than documents, from 0
    std::span<const quint32> m_vectorTerms;
    std::span<const quint32> m_postingOffsets; // one more than terms, from 0
    std::span<const quint32> m_postingDocs;
    // A weight (0..1] in 16 bits, in steps of 1/65535, never 0: within 8·10⁻⁶ of the float
    // it was, and half its memory (3.4 million of them at ten years).
    std::span<const quint16> m_postingWeights;
    [[nodiscard]] static quint16 storedWeight(float weight);
    [[nodiscard]] static float weightFrom(quint16 stored) { return float(stored) * (1.0f / 65535.0f); }
};

// Builds a SimilarityIndex one paper at a time: only each paper's term counts stay, not its
// text (ten years of summaries are a hundred megabytes of strings).
class SimilarityIndexBuilder
{
public:
    void add(const PaperText &paper);
    // The index of every paper added; empty when cancelled. The builder starts over.
    [[nodiscard]] SimilarityIndex finish(const std::atomic_bool *cancel = nullptr);

private:
    QStringList m_ids;
    std::vector<quint32> m_titleGroup;
    QHash<QString, quint32> m_termOf;
    QStringList m_allTerms;
    std::vector<quint32> m_documentFrequency;
    // Every paper's (term, count), one paper after another, its terms ascending, each as a
    // varint of the gap from the term before with the count in its two low bits (1 to 3; 3
    // means a byte follows with the count, at most 255): some nine million at ten years in
    // about 2 bytes each, where 4 bytes had been the window's peak. A QByteArray grows by
    // realloc, which moves no pages.
    QByteArray m_counts;
    qsizetype m_countTotal = 0;
    std::vector<qsizetype> m_countEnds; // where each paper's counts end, in bytes
    QHash<QString, quint32> m_groupOf;
};

} // namespace hanji
