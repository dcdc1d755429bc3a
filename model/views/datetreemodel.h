#pragma once

#include "datescope.h"
#include "paper.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <optional>

#include <memory>
#include <vector>

namespace hanji {

// The navigation tree of the reader window:
//   All papers → years → months → days, newest first
//   New, the papers that arrived lately (once the window hands them over)
//   Bookmarks, the reading list
//   Saved searches → one node per saved search (when there are any)
// Each node counts its distinct papers and the unread ones among them. Updates never reset
// the model once it holds data, so views keep their expansion and selection.
class DateTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, PapersColumn, UnreadColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        ScopeRole = Qt::UserRole + 1, // DateScope
        PapersRole, // int, on every column: a delegate can paint badges in the name column
        UnreadRole, // int
    };
    Q_ENUM(Role)

    // Labels come from the installed translation; the locale, QLocale() by default (the
    // interface's), names the months and weekdays.
    explicit DateTreeModel(QObject *parent = nullptr);
    explicit DateTreeModel(const QLocale &locale, QObject *parent = nullptr);
    ~DateTreeModel() override;

    class Census;
    // The counts of every node for these rows, made on any thread (at ten years they take a
    // UI thread 30 to 60 ms); setCensus() then only merges the nodes.
    [[nodiscard]] static Census census(const QList<PaperRow> &rows);

    // Replaces the papers after an import. Nodes that stay keep their indexes: only vanished
    // nodes are removed, new ones inserted and changed counts announced with dataChanged.
    void setRows(const QList<PaperRow> &rows);
    // The same with the counting done already (the window's start-up).
    void setCensus(Census census);
    // One paper's bookmark or read state changed: dataChanged on the affected nodes only.
    // Returns false for an unknown id or when nothing changed.
    bool updateUserState(const QString &id, bool bookmarked, bool read);
    struct UserStateChange {
        QString id;
        bool bookmarked = false;
        bool read = false;
    };
    // Many at once (a sync): each affected node announced once.
    void updateUserStates(const QList<UserStateChange> &changes);

    // The papers that are new: the New node shows them (and appears on the first call).
    void setNewIds(const QSet<QString> &ids);
    // The saved searches by name with the ids each finds, in the order to show them; none
    // removes the Saved searches node. Nodes of names that stay keep their indexes.
    void setSavedSearches(const QList<std::pair<QString, QSet<QString>>> &searches);
    // The ids of a New or saved search node; nullopt for the others.
    [[nodiscard]] std::optional<QSet<QString>> idsOf(const QModelIndex &index) const;

    [[nodiscard]] QModelIndex allIndex() const;
    [[nodiscard]] QModelIndex bookmarksIndex() const;
    [[nodiscard]] QModelIndex newIndex() const; // invalid before setNewIds()
    [[nodiscard]] QModelIndex savedSearchesIndex() const; // invalid without saved searches
    // The node of scope, or its nearest existing ancestor (a vanished day falls back to its
    // month, year, then All papers): what to select again after a rebuild or at startup.
    [[nodiscard]] QModelIndex indexForScope(const DateScope &scope) const;
    [[nodiscard]] DateScope scopeOf(const QModelIndex &index) const;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    struct Counts {
        int papers = 0;
        int unread = 0;
        bool operator==(const Counts &) const = default;
    };
    struct Node {
        Node *parent = nullptr;
        DateScope scope;
        Counts counts;
        std::vector<std::unique_ptr<Node>> children; // newest first
        QSet<QString> ids; // New and Saved: the papers in it, counted from m_papers
    };
    // The wanted shape of a subtree, built from the rows, merged into the live tree.
    struct Shape {
        DateScope scope;
        Counts counts;
        std::vector<Shape> children;
    };
    // What updateUserState needs to know about a paper without the whole row.
    struct PaperState {
        QList<QDate> days; // distinct, ascending
        bool bookmarked = false;
        bool read = false;
        quint32 generation = 0; // the setRows() that last saw it
    };

    // The counts while the rows are walked, then the nodes they make.
    struct Tally {
        QHash<qint64, Counts> days; // Julian day
        QHash<int, Counts> months; // year * 100 + month
        QHash<int, Counts> years;
        Counts all;
        Counts bookmarks;
        void add(const PaperState &state);
        [[nodiscard]] std::vector<Shape> shapes() const;
    };

    static void updateDays(QList<QDate> &days, const QList<Appearance> &appearances);
    void applyTally(const Tally &tally);
    // Updates the paper and the counts, collecting the nodes to announce.
    bool changeUserState(const QString &id, bool bookmarked, bool read, std::vector<Node *> &touched);
    void mergeChildren(Node *node, std::vector<Shape> &wanted);
    std::unique_ptr<Node> makeNode(Node *parent, Shape &shape);
    void forgetDays(const Node *node);
    void setCounts(Node *node, Counts counts);
    void countIds(Node *node);
    void countIdSets();
    Node *insertRootNode(int row, const DateScope &scope);
    void emitNodeChanged(Node *node);
    [[nodiscard]] QModelIndex indexOf(const Node *node, int column = NameColumn) const;
    [[nodiscard]] Node *nodeOf(const QModelIndex &index) const;
    [[nodiscard]] QString label(const DateScope &scope) const;

    QLocale m_locale;
    std::unique_ptr<Node> m_root; // invisible; its children are All papers and Bookmarks
    Node *m_all = nullptr;
    Node *m_bookmarks = nullptr;
    Node *m_new = nullptr;
    Node *m_savedSearches = nullptr;
    QHash<qint64, Node *> m_days; // Julian day → day node
    QHash<QString, PaperState> m_papers;
    quint32 m_generation = 0;

public:
    class Census
    {
    private:
        friend class DateTreeModel;
        QHash<QString, PaperState> papers;
        Tally tally;
    };
};

} // namespace hanji

