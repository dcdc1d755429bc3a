#include "paperlistmodel.h"

#include "freedmemory.h"
#include "texsymbols.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <numeric>
#include <thread>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// Beyond this many remove/change signals a reset is cheaper: each signal makes the proxy and
// the view walk their mappings once.
constexpr int kMaxIncrementalSignals = 32;
constexpr int kAuthorsShown = 3;
// A few direct comparisons (a row or two placed by the proxy) cost less than waiting for the
// worker; a whole sort costs more, so past this many the model waits for the ranks.
constexpr int kMaxDirectCompares = 5000;

// What a row shows apart from the user's state, hashed (Keys::content).
std::size_t contentHash(const PaperRow &row)
{
    std::size_t seed = qHashMulti(0, row.id, row.arxivId, row.title, row.votes.value_or(-1), row.votes.has_value());
    for (const QString &author : row.authors)
        seed = qHashMulti(seed, author);
    for (const Appearance &appearance : row.appearances)
        seed = qHashMulti(seed, appearance.date.toJulianDay(), appearance.votes.value_or(-1), appearance.votes.has_value());
    return seed;
}

bool sameRow(const PaperListModel::Keys &a, const PaperListModel::Keys &b)
{
    return a.content == b.content && a.bookmarkTime == b.bookmarkTime && a.read == b.read;
}

// The number of contiguous runs in an ascending list of rows.
int countRuns(const QList<int> &rows)
{
    int runs = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i == 0 || rows[i] != rows[i - 1] + 1)
            ++runs;
    }
    return runs;
}

// The place of each row in the order of a column that sorts by keys alone.
std::vector<qint32> keyRanksOf(const std::vector<PaperRow> &rows, const std::vector<PaperListModel::Keys> &keys, int column)
{
    std::vector<qint32> order(rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qint32 a, qint32 b) {
        const auto left = std::size_t(a);
        const auto right = std::size_t(b);
        return PaperListModel::compareByKeys(column, keys[left], rows[left].id, keys[right], rows[right].id) < 0;
    });
    std::vector<qint32> ranks(rows.size());
    for (std::size_t place = 0; place < order.size(); ++place)
        ranks[std::size_t(order[place])] = qint32(place);
    return ranks;
}

QCollator makeCollator(const QLocale &locale)
{
    QCollator collator(locale);
    // "Model 2" before "Model 10", and "diffusion" beside "Diffusion".
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    return collator;
}

// A total order: what the collator calls equal (case variants) is ordered by code points.
int compareText(const QCollator &collator, const QString &left, const QString &right)
{
    const int result = collator.compare(left, right);
    return result != 0 ? result : QString::compare(left, right);
}

// The rank of each text in collation order, identical texts sharing one; empty when cancelled.
// A bottom-up merge sort rather than std::sort, so a cancelled job stops between passes.
std::vector<qint32> collationRanks(const QCollator &collator, const std::vector<QString> &texts,
                                   const std::atomic<bool> &cancelled)
{
    const qsizetype count = qsizetype(texts.size());
    const auto less = [&](qint32 a, qint32 b) {
        return compareText(collator, texts[std::size_t(a)], texts[std::size_t(b)]) < 0;
    };
    std::vector<qint32> order(static_cast<std::size_t>(count));
    for (qsizetype i = 0; i < count; ++i)
        order[std::size_t(i)] = qint32(i);
    constexpr qsizetype kRun = 32;
    for (qsizetype i = 0; i < count; i += kRun) {
        if (i % (kRun * 64) == 0 && cancelled.load(std::memory_order_relaxed))
            return {};
        std::sort(order.begin() + i, order.begin() + std::min(i + kRun, count), less);
    }
    std::vector<qint32> merged(order.size());
    for (qsizetype width = kRun; width < count; width *= 2) {
        if (cancelled.load(std::memory_order_relaxed))
            return {};
        for (qsizetype i = 0; i < count; i += 2 * width) {
            const qsizetype middle = std::min(i + width, count);
            const qsizetype end = std::min(i + 2 * width, count);
            std::merge(order.begin() + i, order.begin() + middle, order.begin() + middle, order.begin() + end,
                       merged.begin() + i, less);
        }
        order.swap(merged);
    }
    std::vector<qint32> ranks(std::size_t(count), 0);
    for (qsizetype i = 1; i < count; ++i) {
        const qint32 row = order[std::size_t(i)];
        const qint32 previous = order[std::size_t(i - 1)];
        ranks[std::size_t(row)] = texts[std::size_t(row)] == texts[std::size_t(previous)]
            ? ranks[std::size_t(previous)]
            : qint32(i);
    }
    return ranks;
}

QString joinedAuthors(const QStringList &authors)
{
    return authors.join(u", "_s);
}

} // namespace

// Ranks titles, then author lists, of a snapshot of the rows on a thread of its own. The
// snapshot shares the strings (atomic reference counts), so taking it costs the GUI thread
// little. Each result is handed over on its own, so a title sort need not wait for authors.
struct PaperListModel::CollationJob {
    std::vector<QString> titles;
    std::vector<QStringList> authorLists;
    std::promise<std::vector<qint32>> titlePromise;
    std::promise<std::vector<qint32>> authorsPromise;
    std::future<std::vector<qint32>> titleRanks = titlePromise.get_future();
    std::future<std::vector<qint32>> authorsRanks = authorsPromise.get_future();
    std::atomic<bool> cancelled{ false };
    std::thread thread;

    void run(const QLocale &locale)
    {
        const QCollator collator = makeCollator(locale);
        titlePromise.set_value(collationRanks(collator, titles, cancelled));
        std::vector<QString> authors;
        authors.reserve(authorLists.size());
        for (const QStringList &list : authorLists) {
            if (cancelled.load(std::memory_order_relaxed))
                break;
            authors.push_back(joinedAuthors(list));
        }
        authorsPromise.set_value(cancelled.load(std::memory_order_relaxed)
                                     ? std::vector<qint32>()
                                     : collationRanks(collator, authors, cancelled));
    }
};

PaperListModel::PaperListModel(QObject *parent)
    : PaperListModel(QLocale(), parent)
{
}

PaperListModel::PaperListModel(const QLocale &locale, QObject *parent)
    : QAbstractTableModel(parent)
    , m_locale(locale)
    , m_collator(makeCollator(locale))
{
}

PaperListModel::~PaperListModel()
{
    stopCollation();
}

void PaperListModel::setRows(QList<PaperRow> rows)
{
    updatePrepared(prepare(std::move(rows)));
}

void PaperListModel::updatePrepared(Prepared next)
{
    if (m_rows.empty()) {
        if (!next.rows.empty())
            setPrepared(std::move(next));
        return;
    }

    // Each table has every id once (prepare: the first wins), and its index of ids. Rows are
    // compared by their keys: field by field, 50,000 rows took the UI thread 20-60 ms.
    QList<int> removed;
    QList<int> changed;
    QStringList changedIds;
    std::vector<bool> known(next.rows.size(), false); // rows of next the list has
    // Both tables come in the index's order, bar what an import added or removed: the paper
    // after the last one found is looked at first, the index of ids asked only when it is
    // another one.
    std::size_t expected = 0;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        const QString &id = m_rows[std::size_t(row)].id;
        std::size_t at = expected;
        if (at >= next.rows.size() || next.rows[at].id != id) {
            const auto it = next.rowOfId.constFind(id);
            if (it == next.rowOfId.cend()) {
                removed.append(row);
                continue;
            }
            at = std::size_t(*it);
        }
        expected = at + 1;
        known[at] = true;
        if (!sameRow(m_keys[std::size_t(row)], next.keys[at])) {
            changed.append(row);
            changedIds.append(m_rows[std::size_t(row)].id);
        }
    }
    QList<int> added; // rows of next
    for (int i = 0; i < int(next.rows.size()); ++i) {
        if (!known[std::size_t(i)])
            added.append(i);
    }
    if (countRuns(removed) + countRuns(changed) > kMaxIncrementalSignals) {
        setPrepared(std::move(next));
        return;
    }
    bool textChanged = !removed.isEmpty() || !added.isEmpty();
    for (const int row : std::as_const(changed)) {
        const PaperRow &paper = m_rows[std::size_t(row)];
        const PaperRow &update = next.rows[std::size_t(next.rowOfId.value(paper.id))];
        textChanged = textChanged || update.title != paper.title || update.authors != paper.authors;
    }
    // Before any signal: the proxy compares rows while it follows them.
    if (textChanged)
        stopCollation();
    if (!removed.isEmpty() || !added.isEmpty() || !changed.isEmpty()) {
        m_dateRanks.clear(); // made for the rows as they were
        m_voteRanks.clear();
    }

    // Removals in runs from the end, so the rows of the runs still to go stay valid.
    for (qsizetype r = removed.size() - 1; r >= 0;) {
        const int last = removed[r];
        while (r > 0 && removed[r - 1] == removed[r] - 1)
            --r;
        const int first = removed[r];
        --r;
        beginRemoveRows({}, first, last);
        eraseRows(first, last);
        endRemoveRows();
    }

    // Changes where the rows are now, one dataChanged per run.
    QList<int> changedRows;
    changedRows.reserve(changedIds.size());
    for (const QString &id : std::as_const(changedIds))
        changedRows.append(m_rowOfId.value(id));
    std::sort(changedRows.begin(), changedRows.end());
    for (qsizetype r = 0; r < changedRows.size(); ++r) {
        const int first = changedRows[r];
        while (r + 1 < changedRows.size() && changedRows[r + 1] == changedRows[r] + 1)
            ++r;
        const int last = changedRows[r];
        for (int row = first; row <= last; ++row) {
            const std::size_t from = std::size_t(next.rowOfId.value(m_rows[std::size_t(row)].id));
            m_rows[std::size_t(row)] = std::move(next.rows[from]);
            m_keys[std::size_t(row)] = next.keys[from];
        }
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }

    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const int i : std::as_const(added)) {
            m_rowOfId.insert(next.rows[std::size_t(i)].id, int(m_rows.size()));
            m_keys.push_back(next.keys[std::size_t(i)]);
            m_rows.push_back(std::move(next.rows[std::size_t(i)]));
        }
        endInsertRows();
    }
    if (textChanged)
        startCollation();
    freeElsewhere(std::move(next)); // the rows that were as the list had them
}

PaperListModel::Prepared PaperListModel::prepare(QList<PaperRow> rows)
{
    Prepared prepared;
    prepared.rows.reserve(std::size_t(rows.size()));
    prepared.keys.reserve(std::size_t(rows.size()));
    prepared.rowOfId.reserve(rows.size());
    const auto add = [&prepared](auto &&row) {
        if (prepared.rowOfId.contains(row.id))
            return;
        prepared.rowOfId.insert(row.id, int(prepared.rows.size()));
        prepared.keys.push_back(keysOf(row));
        prepared.rows.push_back(std::forward<decltype(row)>(row));
    };
    // Moves the rows out when the caller gave its list away, copies them when it kept it:
    // a shared list would otherwise be copied whole first (detached), then moved.
    if (rows.isDetached()) {
        for (PaperRow &row : rows)
            add(std::move(row));
    } else {
        for (const PaperRow &row : std::as_const(rows))
            add(row);
    }
    prepared.dateRanks = keyRanksOf(prepared.rows, prepared.keys, DateColumn);
    prepared.voteRanks = keyRanksOf(prepared.rows, prepared.keys, VotesColumn);
    return prepared;
}

void PaperListModel::setPrepared(Prepared prepared)
{
    stopCollation();
    beginResetModel();
    std::swap(m_rows, prepared.rows);
    std::swap(m_keys, prepared.keys);
    std::swap(m_rowOfId, prepared.rowOfId);
    std::swap(m_dateRanks, prepared.dateRanks);
    std::swap(m_voteRanks, prepared.voteRanks);
    endResetModel();
    startCollation();
    freeElsewhere(std::move(prepared)); // now the table it replaced
}

void PaperListModel::eraseRows(int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_rowOfId.remove(m_rows[std::size_t(row)].id);
    m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
    m_keys.erase(m_keys.begin() + first, m_keys.begin() + last + 1);
    for (int row = first; row < int(m_rows.size()); ++row)
        m_rowOfId[m_rows[std::size_t(row)].id] = row;
}

PaperListModel::Keys PaperListModel::keysOf(const PaperRow &row)
{
    const auto day = [](QDate date) { return date.isValid() ? qint32(date.toJulianDay()) : 0; };
    Keys keys;
    keys.votes = row.votes.value_or(-1);
    if (!row.appearances.isEmpty()) {
        // Ascending by contract; min/max keeps a stray order harmless.
        const auto [first, last] = std::minmax_element(
            row.appearances.cbegin(), row.appearances.cend(),
            [](const Appearance &a, const Appearance &b) { return a.date < b.date; });
        keys.firstDay = day(first->date);
        keys.latestDay = day(last->date);
    }
    setUserKeys(keys, row);
    keys.content = contentHash(row);
    return keys;
}

void PaperListModel::setUserKeys(Keys &keys, const PaperRow &row)
{
    keys.bookmarkTime = !row.bookmarked ? -1 : row.bookmarkedAt.isValid() ? row.bookmarkedAt.toMSecsSinceEpoch() : 0;
    keys.read = row.read;
}

bool PaperListModel::setUserStateOf(int row, bool bookmarked, const QDateTime &bookmarkedAt, bool read)
{
    PaperRow &paper = m_rows[std::size_t(row)];
    if (paper.bookmarked == bookmarked && paper.bookmarkedAt == bookmarkedAt && paper.read == read)
        return false;
    paper.bookmarked = bookmarked;
    paper.bookmarkedAt = bookmarkedAt;
    paper.read = read;
    setUserKeys(m_keys[std::size_t(row)], paper); // what the row shows else is as it was
    return true;
}

bool PaperListModel::updateUserState(const QString &id, bool bookmarked, const QDateTime &bookmarkedAt, bool read)
{
    const int row = indexOfId(id);
    if (row < 0 || !setUserStateOf(row, bookmarked, bookmarkedAt, read))
        return false;
    // The whole row: unread rows are bold in every column, and the proxy re-sorts a changed row
    // only when the sort column is inside the range.
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                       { Qt::DisplayRole, Qt::ToolTipRole, BookmarkedRole, BookmarkedAtRole, ReadRole, UnreadRole,
                         SortRole });
    return true;
}

void PaperListModel::updateUserStates(const QList<UserStateChange> &changes)
{
    QList<int> rows;
    rows.reserve(changes.size());
    for (const UserStateChange &change : changes) {
        const int row = indexOfId(change.id);
        if (row >= 0 && setUserStateOf(row, change.bookmarked, change.bookmarkedAt, change.read))
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    const QList<int> roles { Qt::DisplayRole, Qt::ToolTipRole, BookmarkedRole, BookmarkedAtRole, ReadRole, UnreadRole, SortRole };
    if (countRuns(rows) > kMaxIncrementalSignals) {
        Q_EMIT dataChanged(index(rows.constFirst(), 0), index(rows.constLast(), ColumnCount - 1), roles);
        return;
    }
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const int first = rows[r];
        while (r + 1 < rows.size() && rows[r + 1] == rows[r] + 1)
            ++r;
        Q_EMIT dataChanged(index(first, 0), index(rows[r], ColumnCount - 1), roles);
    }
}

int PaperListModel::indexOfId(const QString &id) const
{
    return m_rowOfId.value(id, -1);
}

QModelIndex PaperListModel::indexForId(const QString &id, int column) const
{
    Q_ASSERT(column >= 0 && column < ColumnCount);
    const int row = indexOfId(id);
    return row < 0 ? QModelIndex() : index(row, column);
}

const PaperRow &PaperListModel::paperAt(int row) const
{
    Q_ASSERT(row >= 0 && row < int(m_rows.size()));
    return m_rows[std::size_t(row)];
}

const PaperListModel::Keys &PaperListModel::keysAt(int row) const
{
    Q_ASSERT(row >= 0 && row < int(m_keys.size()));
    return m_keys[std::size_t(row)];
}

int PaperListModel::compareByKeys(int column, const Keys &left, const QString &leftId, const Keys &right,
                                  const QString &rightId)
{
    const auto threeWay = [](qint32 a, qint32 b) { return (b < a) - (a < b); };
    int result = 0;
    if (column == DateColumn) {
        result = threeWay(left.latestDay, right.latestDay);
        if (result == 0)
            result = threeWay(left.votes, right.votes); // unknown is -1: lowest
    } else if (column == VotesColumn) {
        result = threeWay(left.votes, right.votes);
        if (result == 0)
            result = threeWay(left.latestDay, right.latestDay);
    } else {
        return 0;
    }
    return result != 0 ? result : threeWay(leftId.compare(rightId), 0);
}

const std::vector<qint32> *PaperListModel::keyRanks(int column) const
{
    const std::vector<qint32> *ranks = column == DateColumn ? &m_dateRanks
        : column == VotesColumn                             ? &m_voteRanks
                                                            : nullptr;
    return ranks && !ranks->empty() && ranks->size() == m_rows.size() ? ranks : nullptr;
}

int PaperListModel::compareTitles(int left, int right) const
{
    Q_ASSERT(left >= 0 && left < int(m_rows.size()) && right >= 0 && right < int(m_rows.size()));
    if (adoptRanks(Text::Titles, m_directCompares > kMaxDirectCompares))
        return (m_titleRanks[std::size_t(left)] > m_titleRanks[std::size_t(right)])
            - (m_titleRanks[std::size_t(left)] < m_titleRanks[std::size_t(right)]);
    ++m_directCompares;
    return compareText(m_collator, m_rows[std::size_t(left)].title, m_rows[std::size_t(right)].title);
}

int PaperListModel::compareAuthors(int left, int right) const
{
    Q_ASSERT(left >= 0 && left < int(m_rows.size()) && right >= 0 && right < int(m_rows.size()));
    if (adoptRanks(Text::Authors, m_directCompares > kMaxDirectCompares))
        return (m_authorsRanks[std::size_t(left)] > m_authorsRanks[std::size_t(right)])
            - (m_authorsRanks[std::size_t(left)] < m_authorsRanks[std::size_t(right)]);
    ++m_directCompares;
    return compareText(m_collator, joinedAuthors(m_rows[std::size_t(left)].authors),
                       joinedAuthors(m_rows[std::size_t(right)].authors));
}

bool PaperListModel::hasCollationRanks() const
{
    return adoptRanks(Text::Titles, false)
        && adoptRanks(Text::Authors, false);
}

void PaperListModel::waitForCollationRanks() const
{
    (void)adoptRanks(Text::Titles, true);
    (void)adoptRanks(Text::Authors, true);
}

void PaperListModel::startCollation()
{
    Q_ASSERT(!m_job && m_titleRanks.empty() && m_authorsRanks.empty());
    if (m_rows.empty())
        return;
    auto job = std::make_unique<CollationJob>();
    job->titles.reserve(m_rows.size());
    job->authorLists.reserve(m_rows.size());
    for (const PaperRow &paper : m_rows) {
        job->titles.push_back(paper.title);
        job->authorLists.push_back(paper.authors);
    }
    job->thread = std::thread(&CollationJob::run, job.get(), m_locale);
    m_job = std::move(job);
    m_directCompares = 0;
}

void PaperListModel::stopCollation()
{
    if (m_job) {
        m_job->cancelled.store(true, std::memory_order_relaxed);
        m_job->thread.join(); // within one merge pass
        m_job.reset();
    }
    m_titleRanks.clear();
    m_authorsRanks.clear();
}

bool PaperListModel::adoptRanks(Text text, bool wait) const
{
    std::vector<qint32> &ranks = text == Text::Titles ? m_titleRanks : m_authorsRanks;
    if (!ranks.empty())
        return true;
    if (!m_job)
        return false;
    std::future<std::vector<qint32>> &future = text == Text::Titles ? m_job->titleRanks : m_job->authorsRanks;
    if (!future.valid() || (!wait && future.wait_for(std::chrono::seconds(0)) != std::future_status::ready))
        return false;
    ranks = future.get(); // empty when the job was cancelled
    Q_ASSERT(ranks.empty() || ranks.size() == m_rows.size());
    return !ranks.empty();
}

QString PaperListModel::authorsText(const QStringList &authors) const
{
    if (authors.size() <= kAuthorsShown)
        return authors.join(u", "_s);
    const QString shown = authors.first(kAuthorsShown).join(u", "_s);
    const qsizetype rest = authors.size() - kAuthorsShown;
    //: The authors column: "A, B, C and 2 others"; %1 is the first names, %n how many more.
    return tr("%1 and %n others", nullptr, int(rest)).arg(shown);
}

QModelIndex PaperListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= int(m_rows.size()) || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int PaperListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PaperListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PaperListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!index.isValid())
        return {};
    const PaperRow &paper = m_rows[std::size_t(index.row())];
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case BookmarkColumn:
            return paper.bookmarked ? u"★"_s : u"☆"_s;
        case VotesColumn:
            return paper.votes ? QVariant(*paper.votes) : QVariant(); // unknown is not zero
        case TitleColumn:
            return texSymbols(paper.title); // as the summary pane shows it: "16×16"
        case AuthorsColumn:
            return authorsText(paper.authors); // made per visible cell: no cost for 50,000 rows
        case DateColumn:
            return paper.latestDate().toString(Qt::ISODate);
        case ArxivIdColumn:
            return paper.arxivId;
        default:
            Q_UNREACHABLE_RETURN({});
        }
    case Qt::ToolTipRole:
        // What the cell cut short.
        if (column == TitleColumn)
            return paper.title;
        if (column == AuthorsColumn && paper.authors.size() > kAuthorsShown)
            return paper.authors.join(u", "_s);
        if (column == DateColumn && paper.appearances.size() > 1) {
            QStringList dates;
            for (const Appearance &a : paper.appearances)
                dates.append(a.date.toString(Qt::ISODate));
            return dates.join(u", "_s);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == VotesColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        if (column == BookmarkColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case IdRole:
        return paper.id;
    case ArxivIdRole:
        return paper.arxivId;
    case VotesRole:
        return paper.votes.value_or(-1);
    case LatestDateRole:
        return paper.latestDate();
    case DatesRole: {
        QList<QDate> dates;
        dates.reserve(paper.appearances.size());
        for (const Appearance &a : paper.appearances)
            dates.append(a.date);
        return QVariant::fromValue(dates);
    }
    case BookmarkedRole:
        return paper.bookmarked;
    case BookmarkedAtRole:
        return paper.bookmarkedAt;
    case ReadRole:
        return paper.read;
    case UnreadRole:
        return !paper.read;
    case TitleRole:
        return paper.title;
    case AuthorsRole:
        return paper.authors;
    case SortRole:
        switch (column) {
        case BookmarkColumn:
            return paper.bookmarked ? paper.bookmarkedAt.toMSecsSinceEpoch() : qint64(-1);
        case VotesColumn:
            return paper.votes.value_or(-1);
        case TitleColumn:
            return paper.title;
        case AuthorsColumn:
            return paper.authors.join(u", "_s);
        case DateColumn:
            return paper.latestDate().toJulianDay();
        case ArxivIdColumn:
            return paper.arxivId;
        default:
            Q_UNREACHABLE_RETURN({});
        }
    default:
        return {};
    }
}

QVariant PaperListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == BookmarkColumn)
        return tr("Bookmark");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case BookmarkColumn:
        return u"★"_s;
    case VotesColumn:
        return tr("Votes");
    case TitleColumn:
        return tr("Title");
    case AuthorsColumn:
        return tr("Authors");
    case DateColumn:
        return tr("Date");
    case ArxivIdColumn:
        return u"arXiv"_s;
    default:
        return {};
    }
}

QHash<int, QByteArray> PaperListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(ArxivIdRole, "arxivId");
    names.insert(VotesRole, "votes");
    names.insert(LatestDateRole, "latestDate");
    names.insert(DatesRole, "dates");
    names.insert(BookmarkedRole, "bookmarked");
    names.insert(BookmarkedAtRole, "bookmarkedAt");
    names.insert(ReadRole, "read");
    names.insert(UnreadRole, "unread");
    names.insert(TitleRole, "title");
    names.insert(AuthorsRole, "authors");
    names.insert(SortRole, "sortValue");
    return names;
}

} // namespace hanji
