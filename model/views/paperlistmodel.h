#pragma once

#include "paper.h"

#include <QAbstractTableModel>
#include <QCollator>
#include <QHash>
#include <QLocale>

#include <memory>
#include <vector>

namespace hanji {

// The paper table of the reader window, one row per paper. Read-only: the window turns a click
// on the star into a library write, and the library's answer comes back through
// updateUserState(), so the model never shows a state the library has not stored.
//
// Row order is the order papers arrived in and means nothing to the reader: PaperFilterProxy
// sorts. That freedom lets setRows() keep every surviving row where it is, so views keep
// their selection across an import.
class PaperListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { BookmarkColumn, VotesColumn, TitleColumn, AuthorsColumn, DateColumn, ArxivIdColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1, // QString
        ArxivIdRole, // QString, empty when not on arXiv
        VotesRole, // int, -1 when unknown
        LatestDateRole, // QDate, the most recent appearance
        DatesRole, // QList<QDate>, every appearance, ascending
        BookmarkedRole, // bool
        BookmarkedAtRole, // QDateTime, UTC
        ReadRole, // bool
        UnreadRole, // bool: the view makes these rows bold
        TitleRole, // QString
        AuthorsRole, // QStringList, all of them
        SortRole, // per column: a value that orders like the column (votes, Julian day, text)
    };
    Q_ENUM(Role)

    // The words (column labels, "A, B, C and N others") come from the installed translation;
    // the locale, QLocale() by default (the interface's, see Translations), chooses the
    // collation of titles and authors.
    explicit PaperListModel(QObject *parent = nullptr);
    explicit PaperListModel(const QLocale &locale, QObject *parent = nullptr);
    ~PaperListModel() override;

    // What the proxy sorts and filters by, kept apart from the rows in one compact array:
    // sorting 50,000 rows then reads about a megabyte instead of chasing pointers through them.
    struct Keys {
        qint32 votes = -1; // -1 when unknown
        qint32 firstDay = 0; // Julian days of the earliest and the latest appearance; 0 for none
        qint32 latestDay = 0;
        qint64 bookmarkTime = -1; // ms since the epoch, 0 when bookmarked at an unknown time; -1: not
        bool read = false;
        // What the row shows but the user's state, hashed: how an import tells a changed row.
        std::size_t content = 0;
    };

    // The rows made ready for the model on any thread: the table, its sort keys and the index
    // of ids, which take a UI thread 50 ms at ten years. setPrepared() then only swaps them in.
    class Prepared
    {
    private:
        friend class PaperListModel;
        std::vector<PaperRow> rows;
        std::vector<Keys> keys;
        QHash<QString, int> rowOfId;
        std::vector<qint32> dateRanks;
        std::vector<qint32> voteRanks;
    };
    [[nodiscard]] static Prepared prepare(QList<PaperRow> rows);

    // Replaces the papers after an import: rows of vanished papers are removed, changed ones
    // announced with dataChanged, new ones appended. When that would take too many signals
    // (a rebuilt library) it resets instead; the window then reselects through indexOfId().
    // updatePrepared() is the same with rows prepared already (the window's imports, on their
    // worker).
    void setRows(QList<PaperRow> rows);
    void updatePrepared(Prepared next);
    // Replaces the papers with prepared ones: a reset (the window's start-up).
    void setPrepared(Prepared prepared);
    // One paper's bookmark or read state changed: dataChanged for its row only.
    // Returns false for an unknown id or when nothing changed.
    bool updateUserState(const QString &id, bool bookmarked, const QDateTime &bookmarkedAt, bool read);
    struct UserStateChange {
        QString id;
        bool bookmarked = false;
        QDateTime bookmarkedAt;
        bool read = false;
    };
    // Many at once (a sync): one dataChanged per run of rows, or one for all when the runs
    // are many, so the proxy re-sorts once instead of once per row.
    void updateUserStates(const QList<UserStateChange> &changes);

    // The row of a paper, or -1; constant time.
    [[nodiscard]] int indexOfId(const QString &id) const;
    [[nodiscard]] QModelIndex indexForId(const QString &id, int column = TitleColumn) const;
    [[nodiscard]] const PaperRow &paperAt(int row) const;

    [[nodiscard]] const Keys &keysAt(int row) const;
    // The order of the columns that sort by keys alone, the date and the votes (ties by the
    // other, then by id), -1, 0 or 1; 0 for other columns.
    [[nodiscard]] static int compareByKeys(int column, const Keys &left, const QString &leftId, const Keys &right,
                                           const QString &rightId);
    // The place of each row in that order, made with the rows (on the worker that prepares
    // them): a sort of 50,000 rows by it then compares two numbers, in half the time of
    // comparing their keys or less (by date 17 → 9–13 ms, by votes 27 → 11–14). nullptr for
    // other columns, and once rows came, went or changed after a reset.
    [[nodiscard]] const std::vector<qint32> *keyRanks(int column) const;
    // Collation order of two rows' titles or author lists (numeric, case-insensitive; text the
    // collator calls equal falls back to code points, so only identical text compares equal).
    // After each change a worker thread ranks all rows by collation. Until it is done the
    // comparison asks QCollator directly, with the same answers: placing a few new rows never
    // waits for the worker, while a whole sort (thousands of comparisons) waits for its ranks,
    // which is sooner than comparing 50,000 titles on the GUI thread.
    [[nodiscard]] int compareTitles(int left, int right) const;
    [[nodiscard]] int compareAuthors(int left, int right) const;
    // For tests and benchmarks: whether the ranks are in, and waiting for them.
    [[nodiscard]] bool hasCollationRanks() const;
    void waitForCollationRanks() const;
    // "A, B, C and 2 others" (in Korean "A, B, C 외 2명").
    [[nodiscard]] QString authorsText(const QStringList &authors) const;
    [[nodiscard]] QLocale locale() const { return m_locale; }

    // Without QAbstractTableModel's check, which asks rowCount() and columnCount() through two
    // virtual calls for each index: a proxy's sort of 50,000 rows makes 1.6 million indexes,
    // and those calls were 40% of its time.
    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    struct CollationJob;

    [[nodiscard]] static Keys keysOf(const PaperRow &row);
    static void setUserKeys(Keys &keys, const PaperRow &row); // the bookmark and read keys
    // One row's user state and its keys; false when it had that state already.
    bool setUserStateOf(int row, bool bookmarked, const QDateTime &bookmarkedAt, bool read);
    void eraseRows(int first, int last);
    // Ranks are per row: any change of rows or their text drops them and starts a new job.
    void stopCollation();
    void startCollation();
    enum class Text { Titles, Authors };
    // Takes the job's ranks once they are in (with wait: when they are); false while there are none.
    [[nodiscard]] bool adoptRanks(Text text, bool wait) const;

    QLocale m_locale;
    QCollator m_collator;
    // One entry per row in each; the rank arrays are empty until a job delivers them.
    std::vector<PaperRow> m_rows;
    std::vector<Keys> m_keys;
    mutable std::vector<qint32> m_titleRanks;
    mutable std::vector<qint32> m_authorsRanks;
    std::vector<qint32> m_dateRanks; // empty but right after a reset
    std::vector<qint32> m_voteRanks;
    mutable std::unique_ptr<CollationJob> m_job;
    mutable int m_directCompares = 0; // since the job started
    QHash<QString, int> m_rowOfId;
};

} // namespace hanji
