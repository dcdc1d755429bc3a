#include "datetreemodel.h"

#include "freedmemory.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hanji {

DateTreeModel::DateTreeModel(QObject *parent)
    : DateTreeModel(QLocale(), parent)
{
}

DateTreeModel::DateTreeModel(const QLocale &locale, QObject *parent)
    : QAbstractItemModel(parent)
    , m_locale(locale)
    , m_root(std::make_unique<Node>())
{
    // Both fixed nodes exist from the start, so a first import is an insertion like any other.
    auto all = std::make_unique<Node>();
    all->parent = m_root.get();
    all->scope = DateScope::all();
    m_all = all.get();
    auto bookmarks = std::make_unique<Node>();
    bookmarks->parent = m_root.get();
    bookmarks->scope = DateScope::bookmarks();
    m_bookmarks = bookmarks.get();
    m_root->children.push_back(std::move(all));
    m_root->children.push_back(std::move(bookmarks));
}

DateTreeModel::~DateTreeModel() = default;

void DateTreeModel::Tally::add(const PaperState &state)
{
    const int unread = state.read ? 0 : 1;
    ++all.papers;
    all.unread += unread;
    if (state.bookmarked) {
        ++bookmarks.papers;
        bookmarks.unread += unread;
    }
    // Days ascend, so a paper's days in one month (or year) are adjacent: count each once.
    int lastMonth = -1;
    int lastYear = -1;
    for (const QDate &date : std::as_const(state.days)) {
        Counts &day = days[date.toJulianDay()];
        ++day.papers;
        day.unread += unread;
        int year = 0;
        int month = 0;
        date.getDate(&year, &month, nullptr);
        if (year * 100 + month != lastMonth) {
            Counts &counts = months[year * 100 + month];
            ++counts.papers;
            counts.unread += unread;
            lastMonth = year * 100 + month;
        }
        if (year != lastYear) {
            Counts &counts = years[year];
            ++counts.papers;
            counts.unread += unread;
            lastYear = year;
        }
    }
}

std::vector<DateTreeModel::Shape> DateTreeModel::Tally::shapes() const
{
    QList<qint64> julians = days.keys();
    std::sort(julians.begin(), julians.end(), std::greater<>());
    std::vector<Shape> shaped;
    for (const qint64 julian : std::as_const(julians)) {
        const QDate date = QDate::fromJulianDay(julian);
        if (shaped.empty() || shaped.back().scope.year != date.year())
            shaped.push_back({ DateScope::ofYear(date.year()), years.value(date.year()), {} });
        std::vector<Shape> &monthShapes = shaped.back().children;
        if (monthShapes.empty() || monthShapes.back().scope.month != date.month()) {
            monthShapes.push_back({ DateScope::ofMonth(date.year(), date.month()),
                                    months.value(date.year() * 100 + date.month()),
                                    {} });
        }
        monthShapes.back().children.push_back({ DateScope::ofDay(date), days.value(julian), {} });
    }
    return shaped;
}

void DateTreeModel::setRows(const QList<PaperRow> &rows)
{
    // The papers are updated in place: after an import nearly all of them are as they were,
    // and rebuilding 50,000 entries costs more than the counting.
    ++m_generation;
    Tally tally;
    tally.days.reserve(m_days.size() + 64);
    for (const PaperRow &row : rows) {
        PaperState &state = m_papers[row.id];
        if (state.generation == m_generation)
            continue; // the library never repeats an id; if it did, the first one wins
        state.generation = m_generation;
        state.bookmarked = row.bookmarked;
        state.read = row.read;
        updateDays(state.days, row.appearances);
        tally.add(state);
    }
    // Papers gone since the last import.
    m_papers.removeIf([this](const auto &it) { return it.value().generation != m_generation; });
    applyTally(tally);
}

DateTreeModel::Census DateTreeModel::census(const QList<PaperRow> &rows)
{
    Census census;
    census.papers.reserve(rows.size());
    for (const PaperRow &row : rows) {
        if (census.papers.contains(row.id))
            continue; // as setRows: the first one wins
        PaperState &state = census.papers[row.id];
        state.bookmarked = row.bookmarked;
        state.read = row.read;
        updateDays(state.days, row.appearances);
        census.tally.add(state);
    }
    return census;
}

void DateTreeModel::setCensus(Census census)
{
    // The census knows every paper: it replaces what the model knew, all of one generation.
    m_generation = 0;
    freeElsewhere(std::exchange(m_papers, std::move(census.papers)));
    applyTally(census.tally);
}

void DateTreeModel::applyTally(const Tally &tally)
{
    std::vector<Shape> years = tally.shapes();
    setCounts(m_all, tally.all);
    setCounts(m_bookmarks, tally.bookmarks);
    mergeChildren(m_all, years);
    countIdSets();
}

DateTreeModel::Node *DateTreeModel::insertRootNode(int row, const DateScope &scope)
{
    auto node = std::make_unique<Node>();
    node->parent = m_root.get();
    node->scope = scope;
    Node *raw = node.get();
    beginInsertRows({}, row, row);
    m_root->children.insert(m_root->children.begin() + row, std::move(node));
    endInsertRows();
    return raw;
}

void DateTreeModel::countIds(Node *node)
{
    Counts counts;
    for (const QString &id : std::as_const(node->ids)) {
        const auto state = m_papers.constFind(id);
        if (state == m_papers.cend())
            continue; // not in the list (any more)
        ++counts.papers;
        counts.unread += state->read ? 0 : 1;
    }
    setCounts(node, counts);
}

void DateTreeModel::countIdSets()
{
    if (m_new)
        countIds(m_new);
    if (m_savedSearches) {
        for (const auto &child : m_savedSearches->children)
            countIds(child.get());
    }
}

void DateTreeModel::setNewIds(const QSet<QString> &ids)
{
    if (!m_new)
        m_new = insertRootNode(1, DateScope::newPapers()); // under All papers, above Bookmarks
    m_new->ids = ids;
    countIds(m_new);
}

void DateTreeModel::setSavedSearches(const QList<std::pair<QString, QSet<QString>>> &searches)
{
    if (searches.isEmpty()) {
        if (!m_savedSearches)
            return;
        const int row = indexOf(m_savedSearches).row();
        beginRemoveRows({}, row, row);
        m_root->children.erase(m_root->children.begin() + row);
        m_savedSearches = nullptr;
        endRemoveRows();
        return;
    }
    if (!m_savedSearches)
        m_savedSearches = insertRootNode(int(m_root->children.size()), DateScope::savedSearches());
    // The same names in the same order: counts change in place; otherwise the children are
    // replaced (a rename, an addition: rare, and the selection falls back by scope).
    auto &children = m_savedSearches->children;
    bool sameNames = children.size() == std::size_t(searches.size());
    for (std::size_t i = 0; sameNames && i < children.size(); ++i)
        sameNames = children[i]->scope.name == searches[qsizetype(i)].first;
    const QModelIndex parent = indexOf(m_savedSearches);
    if (!sameNames) {
        if (!children.empty()) {
            beginRemoveRows(parent, 0, int(children.size()) - 1);
            children.clear();
            endRemoveRows();
        }
        beginInsertRows(parent, 0, int(searches.size()) - 1);
        for (const auto &[name, ids] : searches) {
            auto node = std::make_unique<Node>();
            node->parent = m_savedSearches;
            node->scope = DateScope::ofSavedSearch(name);
            children.push_back(std::move(node));
        }
        endInsertRows();
    }
    for (std::size_t i = 0; i < children.size(); ++i) {
        children[i]->ids = searches[qsizetype(i)].second;
        countIds(children[i].get());
    }
}

std::optional<QSet<QString>> DateTreeModel::idsOf(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!index.isValid() || (node->scope.kind != DateScope::New && node->scope.kind != DateScope::Saved))
        return std::nullopt;
    return node->ids;
}

QModelIndex DateTreeModel::newIndex() const { return indexOf(m_new); }

QModelIndex DateTreeModel::savedSearchesIndex() const { return indexOf(m_savedSearches); }

void DateTreeModel::updateDays(QList<QDate> &days, const QList<Appearance> &appearances)
{
    // Unchanged (the common case): no allocation.
    const auto same = [&] {
        if (days.size() != appearances.size())
            return false;
        for (qsizetype i = 0; i < days.size(); ++i) {
            if (days[i] != appearances[i].date)
                return false;
        }
        return true;
    };
    if (same())
        return;
    days.clear();
    days.reserve(appearances.size());
    for (const Appearance &a : appearances) {
        if (a.date.isValid())
            days.append(a.date);
    }
    // Ascending by contract; sorting keeps a stray order from counting a month twice.
    if (!std::is_sorted(days.cbegin(), days.cend()))
        std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
}

void DateTreeModel::mergeChildren(Node *node, std::vector<Shape> &wanted)
{
    auto &children = node->children;
    const QModelIndex parent = indexOf(node);
    const auto isWanted = [&wanted](const DateScope &scope) {
        return std::any_of(wanted.cbegin(), wanted.cend(), [&](const Shape &s) { return s.scope == scope; });
    };

    // Removals first, in runs from the end: what stays is then a subsequence of wanted, as both
    // are ordered newest first.
    for (int last = int(children.size()) - 1; last >= 0;) {
        if (isWanted(children[last]->scope)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !isWanted(children[first - 1]->scope))
            --first;
        beginRemoveRows(parent, first, last);
        for (int i = first; i <= last; ++i)
            forgetDays(children[i].get());
        children.erase(children.begin() + first, children.begin() + last + 1);
        endRemoveRows();
        last = first - 1;
    }

    // Then one walk: a kept node is updated in place, a run of new ones is inserted at once.
    std::size_t i = 0;
    while (i < wanted.size()) {
        if (i < children.size() && children[i]->scope == wanted[i].scope) {
            setCounts(children[i].get(), wanted[i].counts);
            mergeChildren(children[i].get(), wanted[i].children);
            ++i;
            continue;
        }
        const DateScope *next = i < children.size() ? &children[i]->scope : nullptr;
        std::size_t end = i + 1;
        while (end < wanted.size() && !(next && wanted[end].scope == *next))
            ++end;
        std::vector<std::unique_ptr<Node>> fresh;
        fresh.reserve(end - i);
        beginInsertRows(parent, int(i), int(end) - 1);
        for (std::size_t k = i; k < end; ++k)
            fresh.push_back(makeNode(node, wanted[k]));
        children.insert(children.begin() + qsizetype(i), std::make_move_iterator(fresh.begin()),
                        std::make_move_iterator(fresh.end()));
        endInsertRows();
        i = end;
    }
    Q_ASSERT(children.size() == wanted.size());
}

std::unique_ptr<DateTreeModel::Node> DateTreeModel::makeNode(Node *parent, Shape &shape)
{
    auto node = std::make_unique<Node>();
    node->parent = parent;
    node->scope = shape.scope;
    node->counts = shape.counts;
    if (shape.scope.kind == DateScope::Day)
        m_days.insert(shape.scope.firstDay().toJulianDay(), node.get());
    node->children.reserve(shape.children.size());
    for (Shape &child : shape.children)
        node->children.push_back(makeNode(node.get(), child));
    return node;
}

void DateTreeModel::forgetDays(const Node *node)
{
    if (node->scope.kind == DateScope::Day)
        m_days.remove(node->scope.firstDay().toJulianDay());
    for (const auto &child : node->children)
        forgetDays(child.get());
}

void DateTreeModel::setCounts(Node *node, Counts counts)
{
    if (node->counts == counts)
        return;
    node->counts = counts;
    emitNodeChanged(node);
}

void DateTreeModel::emitNodeChanged(Node *node)
{
    Q_EMIT dataChanged(indexOf(node, NameColumn), indexOf(node, ColumnCount - 1),
                       { Qt::DisplayRole, Qt::ToolTipRole, PapersRole, UnreadRole });
}

bool DateTreeModel::updateUserState(const QString &id, bool bookmarked, bool read)
{
    std::vector<Node *> touched;
    if (!changeUserState(id, bookmarked, read, touched))
        return false;
    for (Node *node : touched)
        emitNodeChanged(node);
    return true;
}

void DateTreeModel::updateUserStates(const QList<UserStateChange> &changes)
{
    std::vector<Node *> touched;
    for (const UserStateChange &change : changes)
        (void)changeUserState(change.id, change.bookmarked, change.read, touched);
    // Once per node, however many of its papers changed.
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (Node *node : touched)
        emitNodeChanged(node);
}

bool DateTreeModel::changeUserState(const QString &id, bool bookmarked, bool read, std::vector<Node *> &touched)
{
    const auto it = m_papers.find(id);
    if (it == m_papers.end())
        return false;
    PaperState &state = it.value();
    if (state.bookmarked == bookmarked && state.read == read)
        return false;

    const int unreadBefore = state.read ? 0 : 1;
    const int unreadAfter = read ? 0 : 1;
    const int unreadDelta = unreadAfter - unreadBefore;
    const bool wasBookmarked = state.bookmarked;
    state.bookmarked = bookmarked;
    state.read = read;

    if (wasBookmarked != bookmarked || (bookmarked && unreadDelta != 0)) {
        m_bookmarks->counts.papers += (bookmarked ? 1 : 0) - (wasBookmarked ? 1 : 0);
        m_bookmarks->counts.unread += (bookmarked ? unreadAfter : 0) - (wasBookmarked ? unreadBefore : 0);
        touched.push_back(m_bookmarks);
    }
    if (unreadDelta == 0)
        return true;

    // Every node above the paper's days, each once: a day's month and year repeat for
    // neighbouring days.
    std::vector<Node *> above { m_all };
    for (const QDate &date : std::as_const(state.days)) {
        Node *node = m_days.value(date.toJulianDay());
        Q_ASSERT(node);
        for (; node && node != m_all; node = node->parent) {
            if (std::find(above.cbegin(), above.cend(), node) == above.cend())
                above.push_back(node);
        }
    }
    if (m_new && m_new->ids.contains(id))
        above.push_back(m_new);
    if (m_savedSearches) {
        for (const auto &child : m_savedSearches->children) {
            if (child->ids.contains(id))
                above.push_back(child.get());
        }
    }
    for (Node *node : above) {
        node->counts.unread += unreadDelta;
        touched.push_back(node);
    }
    return true;
}

QModelIndex DateTreeModel::allIndex() const
{
    return indexOf(m_all);
}

QModelIndex DateTreeModel::bookmarksIndex() const
{
    return indexOf(m_bookmarks);
}

QModelIndex DateTreeModel::indexForScope(const DateScope &scope) const
{
    if (scope.kind == DateScope::All)
        return allIndex();
    if (scope.kind == DateScope::Bookmarks)
        return bookmarksIndex();
    if (scope.kind == DateScope::New)
        return m_new ? newIndex() : allIndex();
    if (scope.kind == DateScope::SavedSearches || scope.kind == DateScope::Saved) {
        if (!m_savedSearches)
            return allIndex();
        for (const auto &child : m_savedSearches->children) {
            if (child->scope == scope)
                return indexOf(child.get());
        }
        return savedSearchesIndex();
    }
    // Walk down year, month, day while the path exists: a vanished node falls back to the
    // deepest one found.
    const DateScope path[] = { DateScope::ofYear(scope.year), DateScope::ofMonth(scope.year, scope.month),
                               { DateScope::Day, scope.year, scope.month, scope.day } };
    const int depth = scope.kind == DateScope::Year ? 1 : scope.kind == DateScope::Month ? 2 : 3;
    const Node *node = m_all;
    for (int level = 0; level < depth; ++level) {
        const auto it = std::find_if(node->children.cbegin(), node->children.cend(),
                                     [&](const auto &child) { return child->scope == path[level]; });
        if (it == node->children.cend())
            break;
        node = it->get();
    }
    return indexOf(node);
}

DateScope DateTreeModel::scopeOf(const QModelIndex &index) const
{
    Q_ASSERT(checkIndex(index));
    return index.isValid() ? nodeOf(index)->scope : DateScope::all();
}

QModelIndex DateTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeOf(parent)->children[std::size_t(row)].get());
}

QModelIndex DateTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Q_ASSERT(checkIndex(child, CheckIndexOption::DoNotUseParent));
    return indexOf(nodeOf(child)->parent);
}

int DateTreeModel::rowCount(const QModelIndex &parent) const
{
    // Only the first column has children, as in Qt's simpletreemodel.
    if (parent.column() > 0)
        return 0;
    Q_ASSERT(checkIndex(parent));
    return int(nodeOf(parent)->children.size());
}

int DateTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant DateTreeModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return label(node->scope);
        case PapersColumn:
            if (node == m_savedSearches)
                return {}; // a heading: its searches overlap, a sum would mean nothing
            return node->counts.papers;
        case UnreadColumn:
            // Blank rather than 0, as mail readers do: the eye finds the nodes with news.
            return node->counts.unread > 0 ? QVariant(node->counts.unread) : QVariant();
        default:
            Q_UNREACHABLE_RETURN({});
        }
    case Qt::ToolTipRole:
        if (node == m_savedSearches)
            return {};
        return tr("%Ln papers, %L1 unread", nullptr, node->counts.papers).arg(node->counts.unread);
    case Qt::TextAlignmentRole:
        if (index.column() == NameColumn)
            return {};
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case ScopeRole:
        return QVariant::fromValue(node->scope);
    case PapersRole:
        return node->counts.papers;
    case UnreadRole:
        return node->counts.unread;
    default:
        return {};
    }
}

QVariant DateTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Date");
    case PapersColumn:
        return tr("Papers");
    case UnreadColumn:
        return tr("Unread");
    default:
        return {};
    }
}

QHash<int, QByteArray> DateTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(ScopeRole, "scope");
    names.insert(PapersRole, "papers");
    names.insert(UnreadRole, "unread");
    return names;
}

QModelIndex DateTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    const auto &siblings = node->parent->children;
    // At most 31 siblings: a search is cheaper than keeping row numbers up to date.
    const auto it = std::find_if(siblings.cbegin(), siblings.cend(),
                                 [node](const auto &sibling) { return sibling.get() == node; });
    Q_ASSERT(it != siblings.cend());
    return createIndex(int(it - siblings.cbegin()), column, node);
}

DateTreeModel::Node *DateTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QString DateTreeModel::label(const DateScope &scope) const
{
    switch (scope.kind) {
    case DateScope::All:
        return tr("All papers");
    case DateScope::Bookmarks:
        return tr("Bookmarks");
    case DateScope::New:
        //: The date tree's node of the papers that arrived since the last session.
        return tr("New");
    case DateScope::SavedSearches:
        return tr("Saved searches");
    case DateScope::Saved:
        return scope.name;
    case DateScope::Year:
        //: A year in the date tree, "2024"; Korean writes "2024년".
        return tr("%1", "year").arg(scope.year);
    case DateScope::Month:
        // The locale's own name: "June", in Korean "6월".
        return m_locale.standaloneMonthName(scope.month);
    case DateScope::Day: {
        // The full date, so the label also reads well alone (a breadcrumb, a window title).
        const QDate date = scope.firstDay();
        return u"%1 (%2)"_s.arg(date.toString(Qt::ISODate),
                                m_locale.dayName(date.dayOfWeek(), QLocale::ShortFormat));
    }
    }
    return {};
}

} // namespace hanji
