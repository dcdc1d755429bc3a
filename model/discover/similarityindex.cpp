#include "similarityindex.h"

#include "freedmemory.h"
#include "textterms.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

constexpr quint32 kTitleWeight = 2; // a title says more about a paper than any sentence of its summary
constexpr double kMaxDocumentShare = 0.5;
constexpr int kMinDocumentFrequency = 2;
// A paper's strongest terms say what it is about; the long tail of its summary's words adds
// noise and memory. Keeping 64 (of some 170 a paper holds) took the index at ten years from
// 99 to 41 MiB, a lookup's p95 on the corpus from 0.34 to 0.08 ms, and the share of related
// papers on the same topic (bench_discover's quality table) from 44.9% to 46.1% there.
constexpr qsizetype kMaxTermsPerPaper = 64;
constexpr quint32 kUntitledGroup = 1u << 31; // above any group of a title
constexpr quint32 kMaxCount = 255; // above, a term counts as 255: no digest's summary repeats one that often

void appendVarint(QByteArray &to, quint64 value)
{
    while (value >= 0x80) {
        to.append(char(value | 0x80));
        value >>= 7;
    }
    to.append(char(value));
}

quint64 readVarint(const char *&at)
{
    quint64 value = 0;
    for (int shift = 0;; shift += 7) {
        const auto byte = quint8(*at++);
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return value;
    }
}

// Two listings of one paper: the same title, whatever the case and punctuation.
QString titleKey(const QString &title)
{
    QString key;
    key.reserve(title.size());
    for (const QChar c : title) {
        if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

} // namespace

PaperText PaperText::of(const Paper &paper)
{
    QStringList summary;
    for (const SummarySection &section : paper.sections)
        summary += section.text;
    return { paper.id, paper.title, summary.join(u'\n') };
}

void SimilarityIndexBuilder::add(const PaperText &paper)
{
    const auto doc = quint32(m_ids.size());
    m_ids += paper.id;
    const QString key = titleKey(paper.title);
    quint32 group = kUntitledGroup | doc; // an empty title groups with nothing: untitled papers are not listings of each other
    if (!key.isEmpty()) {
        const auto found = m_groupOf.constFind(key);
        group = found != m_groupOf.cend() ? *found : m_groupOf.insert(key, quint32(m_groupOf.size())).value();
    }
    m_titleGroup.push_back(group);

    QHash<quint32, quint32> tf;
    const auto add = [&](const QString &text, quint32 weight) {
        for (const QString &term : similarityTerms(text)) {
            auto found = m_termOf.constFind(term);
            if (found == m_termOf.cend()) {
                found = m_termOf.insert(term, quint32(m_allTerms.size()));
                m_allTerms += term;
                m_documentFrequency.push_back(0);
            }
            tf[*found] += weight;
        }
    };
    add(paper.title, kTitleWeight);
    add(paper.summary, 1);
    std::vector<std::pair<quint32, quint32>> ascending; // as the counts are written
    ascending.reserve(size_t(tf.size()));
    for (auto it = tf.cbegin(); it != tf.cend(); ++it)
        ascending.emplace_back(it.key(), it.value());
    std::sort(ascending.begin(), ascending.end());
    quint32 previous = 0;
    for (const auto &[term, times] : ascending) {
        const quint32 count = std::min(times, kMaxCount);
        appendVarint(m_counts, quint64(term - previous) << 2 | std::min(count, 3u));
        if (count >= 3)
            m_counts.append(char(count));
        previous = term;
        ++m_documentFrequency[term];
    }
    m_countTotal += qsizetype(tf.size());
    m_countEnds.push_back(m_counts.size());
}

SimilarityIndex SimilarityIndex::build(const QList<PaperText> &papers, const std::atomic_bool *cancel)
{
    SimilarityIndexBuilder builder;
    for (const PaperText &paper : papers) {
        if (cancel && *cancel)
            return {};
        builder.add(paper);
    }
    return builder.finish(cancel);
}

// What a built index holds, in memory.
struct SimilarityIndex::Arrays {
    std::vector<char16_t> idText;
    std::vector<quint32> idEnds;
    std::vector<quint32> docsById;
    std::vector<quint32> titleGroup;
    std::vector<char16_t> termText;
    std::vector<quint32> termEnds;
    std::vector<quint32> vectorOffsets { 0 };
    std::vector<quint32> vectorTerms;
    std::vector<quint32> postingOffsets;
    std::vector<quint32> postingDocs;
    std::vector<quint16> postingWeights;
};

namespace {

template <typename T>
QByteArrayView bytesOf(std::span<const T> array)
{
    return { reinterpret_cast<const char *>(array.data()), qsizetype(array.size_bytes()) };
}

template <typename T>
QByteArrayView bytesOf(const std::vector<T> &array)
{
    return bytesOf(std::span<const T>(array));
}

// A view of bytes as an array of T; false when it does not hold whole, aligned Ts.
template <typename T>
bool viewAs(QByteArrayView bytes, std::span<const T> *array)
{
    if (bytes.size() % qsizetype(sizeof(T)) != 0 || reinterpret_cast<quintptr>(bytes.data()) % alignof(T) != 0)
        return false;
    *array = { reinterpret_cast<const T *>(bytes.data()), size_t(bytes.size()) / sizeof(T) };
    return true;
}

void appendText(const QString &text, std::vector<char16_t> &to, std::vector<quint32> &ends)
{
    to.insert(to.end(), text.utf16(), text.utf16() + text.size());
    ends.push_back(quint32(to.size()));
}

} // namespace

SimilarityIndex SimilarityIndexBuilder::finish(const std::atomic_bool *cancel)
{
    auto arrays = std::make_shared<SimilarityIndex::Arrays>();
    const QStringList ids = std::exchange(m_ids, {});
    const auto count = quint32(ids.size());
    arrays->titleGroup = std::exchange(m_titleGroup, {});
    const QStringList allTerms = std::exchange(m_allTerms, QStringList());
    const std::vector<quint32> documentFrequency = std::exchange(m_documentFrequency, {});
    QByteArray counts = std::exchange(m_counts, {});
    const qsizetype countTotal = std::exchange(m_countTotal, 0);
    const std::vector<qsizetype> countEnds = std::exchange(m_countEnds, {});
    m_termOf.clear();
    m_groupOf.clear();

    for (const QString &id : ids)
        appendText(id, arrays->idText, arrays->idEnds);
    // Of two papers under one id, the later is found, as it was added last.
    arrays->docsById.resize(count);
    std::iota(arrays->docsById.begin(), arrays->docsById.end(), 0u);
    std::sort(arrays->docsById.begin(), arrays->docsById.end(), [&](quint32 a, quint32 b) {
        const int order = ids.at(a).compare(ids.at(b));
        return order != 0 ? order < 0 : a > b;
    });

    // Keep the terms that can tell papers apart; number them anew.
    const double maxDocuments = count >= 10 ? kMaxDocumentShare * count : double(count);
    std::vector<qint64> kept(allTerms.size(), -1);
    std::vector<float> idf;
    QStringList keptTerms;
    for (qsizetype term = 0; term < allTerms.size(); ++term) {
        const quint32 df = documentFrequency[term];
        if (df < kMinDocumentFrequency || df > maxDocuments)
            continue;
        kept[term] = qint64(keptTerms.size());
        keptTerms += allTerms.at(term);
        appendText(allTerms.at(term), arrays->termText, arrays->termEnds);
        idf.push_back(float(std::log(double(count) / df)));
    }

    // Pass 2: each paper's counts become its kept terms' weights, its strongest kept,
    // normalised and sorted by term; the terms become the vectors' array, the weights go beside.
    struct Weighted {
        quint32 term;
        float weight;
    };
    std::vector<Weighted> paper;
    std::vector<quint16> weights; // as stored: half the memory of the floats, at the build's peak
    const qsizetype mostKept = std::min<qsizetype>(countTotal, qsizetype(count) * kMaxTermsPerPaper);
    weights.reserve(size_t(mostKept));
    std::vector<quint32> &vectorTerms = arrays->vectorTerms;
    vectorTerms.reserve(size_t(mostKept));
    std::vector<quint32> postingCount(size_t(keptTerms.size()), 0);
    qsizetype begin = 0;
    for (quint32 doc = 0; doc < count; ++doc) {
        if (cancel && *cancel)
            return {};
        paper.clear();
        double norm = 0;
        quint32 term = 0;
        for (const char *at = counts.constData() + begin, *end = counts.constData() + countEnds[doc]; at < end;) {
            const quint64 code = readVarint(at);
            term += quint32(code >> 2);
            const quint32 times = (code & 3) < 3 ? quint32(code & 3) : quint8(*at++);
            const qint64 id = kept[term];
            if (id < 0)
                continue;
            const float weight = (1.0f + std::log(float(times))) * idf[size_t(id)];
            paper.push_back({ quint32(id), weight });
            norm += double(weight) * weight;
        }
        begin = countEnds[doc];
        if (qsizetype(paper.size()) > kMaxTermsPerPaper) {
            // The strongest; of equal weights, the first in code-point order, so the cut never
            // depends on the order the terms were met in.
            std::nth_element(paper.begin(), paper.begin() + kMaxTermsPerPaper, paper.end(),
                             [&](const Weighted &a, const Weighted &b) {
                                 return a.weight != b.weight ? a.weight > b.weight
                                                             : keptTerms.at(a.term) < keptTerms.at(b.term);
                             });
            paper.resize(kMaxTermsPerPaper);
            norm = 0;
            for (const Weighted &term : paper)
                norm += double(term.weight) * term.weight;
        }
        norm = std::sqrt(norm);
        std::sort(paper.begin(), paper.end(), [](const Weighted &a, const Weighted &b) { return a.term < b.term; });
        for (const Weighted &term : paper) {
            vectorTerms.push_back(term.term);
            weights.push_back(SimilarityIndex::storedWeight(norm > 0 ? float(term.weight / norm) : 0.0f));
            ++postingCount[term.term];
        }
        arrays->vectorOffsets.push_back(quint32(vectorTerms.size()));
    }
    counts = QByteArray(); // before the postings take as much again
    releaseFreedMemory(); // the counts' pages too, else kept by the allocator beside the postings

    // The inverted index: for each term, the papers holding it (ascending) with their weights.
    std::vector<quint32> &offsets = arrays->postingOffsets;
    offsets.resize(size_t(keptTerms.size()) + 1, 0);
    for (qsizetype term = 0; term < keptTerms.size(); ++term)
        offsets[term + 1] = offsets[term] + postingCount[term];
    arrays->postingDocs.resize(vectorTerms.size());
    arrays->postingWeights.resize(vectorTerms.size());
    std::vector<quint32> fill(offsets.begin(), offsets.end() - 1);
    for (quint32 doc = 0; doc < count; ++doc) {
        for (quint32 i = arrays->vectorOffsets[doc]; i < arrays->vectorOffsets[doc + 1]; ++i) {
            const quint32 slot = fill[vectorTerms[i]]++;
            arrays->postingDocs[slot] = doc;
            arrays->postingWeights[slot] = weights[i];
        }
    }
    const SimilarityIndex::Arrays &a = *arrays;
    const QList<QByteArrayView> views {
        bytesOf(a.idText), bytesOf(a.idEnds), bytesOf(a.docsById),
        bytesOf(a.titleGroup), bytesOf(a.termText), bytesOf(a.termEnds),
        bytesOf(a.vectorOffsets), bytesOf(a.vectorTerms), bytesOf(a.postingOffsets),
        bytesOf(a.postingDocs), bytesOf(a.postingWeights),
    };
    std::optional<SimilarityIndex> index = SimilarityIndex::fromArrays(views, std::move(arrays));
    Q_ASSERT(index);
    return index ? std::move(*index) : SimilarityIndex();
}

QList<QByteArrayView> SimilarityIndex::arrays() const
{
    return { bytesOf(m_idText),        bytesOf(m_idEnds),      bytesOf(m_docsById),       bytesOf(m_titleGroup),
             bytesOf(m_termText),      bytesOf(m_termEnds),    bytesOf(m_vectorOffsets),  bytesOf(m_vectorTerms),
             bytesOf(m_postingOffsets), bytesOf(m_postingDocs), bytesOf(m_postingWeights) };
}

std::optional<SimilarityIndex> SimilarityIndex::fromArrays(const QList<QByteArrayView> &arrays, std::shared_ptr<const void> owner)
{
    SimilarityIndex index;
    if (arrays.size() != kArrayCount || !viewAs(arrays[0], &index.m_idText) || !viewAs(arrays[1], &index.m_idEnds)
        || !viewAs(arrays[2], &index.m_docsById) || !viewAs(arrays[3], &index.m_titleGroup)
        || !viewAs(arrays[4], &index.m_termText) || !viewAs(arrays[5], &index.m_termEnds)
        || !viewAs(arrays[6], &index.m_vectorOffsets) || !viewAs(arrays[7], &index.m_vectorTerms)
        || !viewAs(arrays[8], &index.m_postingOffsets) || !viewAs(arrays[9], &index.m_postingDocs)
        || !viewAs(arrays[10], &index.m_postingWeights))
        return std::nullopt;
    // The sizes must fit together; what the arrays hold, the file's checksum vouches for.
    const size_t papers = index.m_titleGroup.size();
    const size_t terms = index.m_termEnds.size();
    const auto endsAt = [](std::span<const quint32> ends, size_t size) { return ends.empty() ? size == 0 : ends.back() == size; };
    const auto spans = [](std::span<const quint32> offsets, size_t count, size_t size) {
        return offsets.size() == count + 1 && offsets.front() == 0 && offsets.back() == size;
    };
    if (index.m_idEnds.size() != papers || index.m_docsById.size() != papers || !endsAt(index.m_idEnds, index.m_idText.size())
        || !endsAt(index.m_termEnds, index.m_termText.size())
        || !spans(index.m_vectorOffsets, papers, index.m_vectorTerms.size())
        || !spans(index.m_postingOffsets, terms, index.m_postingDocs.size())
        || index.m_postingWeights.size() != index.m_postingDocs.size() || index.m_vectorTerms.size() != index.m_postingDocs.size())
        return std::nullopt;
    index.m_owner = std::move(owner);
    return index;
}

QStringView SimilarityIndex::idOf(quint32 doc) const
{
    const quint32 begin = doc == 0 ? 0 : m_idEnds[doc - 1];
    return QStringView(m_idText.data() + begin, qsizetype(m_idEnds[doc] - begin));
}

QStringView SimilarityIndex::termOf(quint32 term) const
{
    const quint32 begin = term == 0 ? 0 : m_termEnds[term - 1];
    return QStringView(m_termText.data() + begin, qsizetype(m_termEnds[term] - begin));
}

std::optional<quint32> SimilarityIndex::docOf(QStringView id) const
{
    const auto found = std::lower_bound(m_docsById.begin(), m_docsById.end(), id,
                                        [&](quint32 doc, QStringView wanted) { return idOf(doc).compare(wanted) < 0; });
    if (found == m_docsById.end() || idOf(*found) != id)
        return std::nullopt;
    return *found;
}

qint64 SimilarityIndex::memoryBytes() const
{
    qint64 bytes = 0;
    for (const QByteArrayView array : arrays())
        bytes += array.size();
    return bytes;
}

quint16 SimilarityIndex::storedWeight(float weight)
{
    // Never 0: a lookup counts a paper as met once its score is above 0.
    return quint16(std::clamp(std::lround(double(weight) * 65535.0), 1L, 65535L));
}

float SimilarityIndex::weightOf(quint32 doc, quint32 term) const
{
    const auto begin = m_postingDocs.begin() + m_postingOffsets[term];
    const auto end = m_postingDocs.begin() + m_postingOffsets[term + 1];
    const auto found = std::lower_bound(begin, end, doc);
    return found != end && *found == doc ? weightFrom(m_postingWeights[size_t(found - m_postingDocs.begin())]) : 0.0f;
}

SimilarityIndex::Vector SimilarityIndex::documentVector(quint32 doc) const
{
    Vector vector;
    vector.reserve(m_vectorOffsets[doc + 1] - m_vectorOffsets[doc]);
    for (quint32 i = m_vectorOffsets[doc]; i < m_vectorOffsets[doc + 1]; ++i)
        vector.emplace_back(m_vectorTerms[i], weightOf(doc, m_vectorTerms[i]));
    return vector;
}

QList<RelatedPaper> SimilarityIndex::nearest(const Vector &query, int limit,
                                             const std::function<bool(quint32 doc)> &accept) const
{
    if (limit <= 0 || query.empty())
        return {};
    std::vector<float> scores(m_titleGroup.size(), 0.0f);
    std::vector<quint32> touched;
    for (const auto &[term, weight] : query) {
        for (quint32 i = m_postingOffsets[term]; i < m_postingOffsets[term + 1]; ++i) {
            const quint32 doc = m_postingDocs[i];
            if (scores[doc] == 0.0f)
                touched.push_back(doc);
            scores[doc] += weight * weightFrom(m_postingWeights[i]);
        }
    }
    std::vector<quint32> candidates;
    candidates.reserve(touched.size());
    for (const quint32 doc : touched) {
        if (scores[doc] > 0.0f && accept(doc))
            candidates.push_back(doc);
    }
    // Best first; equal scores in id order, so the answer never depends on chance.
    const auto better = [&](quint32 a, quint32 b) {
        return scores[a] != scores[b] ? scores[a] > scores[b] : idOf(a) < idOf(b);
    };
    const auto end = candidates.begin() + std::min<qsizetype>(limit, qsizetype(candidates.size()));
    std::partial_sort(candidates.begin(), end, candidates.end(), better);
    QList<RelatedPaper> result;
    for (auto it = candidates.begin(); it != end; ++it)
        result.append({ idOf(*it).toString(), std::min(1.0, double(scores[*it])) });
    return result;
}

QList<RelatedPaper> SimilarityIndex::related(const QString &id, int limit) const
{
    const std::optional<quint32> found = docOf(id);
    if (!found)
        return {};
    const quint32 self = *found;
    const quint32 group = m_titleGroup[self];
    return nearest(documentVector(self), limit, [&](quint32 doc) { return doc != self && m_titleGroup[doc] != group; });
}

QList<RelatedPaper> SimilarityIndex::likeMean(const QStringList &seeds, int limit,
                                              const std::function<bool(const QString &)> &accept) const
{
    QHash<quint32, double> sum;
    QSet<quint32> seedGroups;
    int known = 0;
    for (const QString &id : seeds) {
        const std::optional<quint32> found = docOf(id);
        if (!found)
            continue;
        ++known;
        seedGroups.insert(m_titleGroup[*found]);
        for (const auto &[term, weight] : documentVector(*found))
            sum[term] += weight;
    }
    if (known == 0)
        return {};
    double norm = 0;
    for (const double weight : std::as_const(sum))
        norm += weight * weight;
    norm = std::sqrt(norm);
    Vector mean;
    mean.reserve(sum.size());
    for (auto it = sum.cbegin(); it != sum.cend(); ++it)
        mean.emplace_back(it.key(), float(it.value() / norm));
    return nearest(mean, limit, [&](quint32 doc) {
        if (seedGroups.contains(m_titleGroup[doc]))
            return false;
        if (!accept)
            return true;
        const QStringView id = idOf(doc);
        return accept(QString::fromRawData(id.data(), id.size())); // only for the call: no copy
    });
}

QHash<QString, double> SimilarityIndex::vectorOf(const QString &id) const
{
    QHash<QString, double> vector;
    const std::optional<quint32> found = docOf(id);
    if (!found)
        return vector;
    for (const auto &[term, weight] : documentVector(*found))
        vector.insert(termOf(term).toString(), weight);
    return vector;
}

} // namespace hanji
