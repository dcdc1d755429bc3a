#include "librarycommand.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

using namespace Qt::StringLiterals;

namespace hanji::cli {

LibraryCommand::LibraryCommand(const QString &name, const QString &description, Io io)
    : io(io)
    , m_name(name)
    , m_library(u"library"_s, u"The library folder (default: %1)."_s.arg(Library::defaultDirectory()), u"DIR"_s)
    , m_help({ u"h"_s, u"help"_s }, u"Show this help."_s)
{
    m_parser.setApplicationDescription(description);
    m_parser.addOption(m_library);
    m_parser.addOption(m_help);
}

std::optional<int> LibraryCommand::parse(const QStringList &arguments)
{
    if (!m_parser.parse(QStringList { u"hanji "_s + m_name } + arguments)) {
        io.err << "hanji " << m_name << ": " << m_parser.errorText() << "\n";
        return BadUsage;
    }
    if (m_parser.isSet(m_help)) {
        io.out << m_parser.helpText();
        return Ok;
    }
    return std::nullopt;
}

int LibraryCommand::fail(const QString &message)
{
    io.err << "hanji " << m_name << ": " << message << "\n";
    return Failed;
}

std::unique_ptr<Library> LibraryCommand::openLibrary()
{
    Result<Library::Opened> opened = Library::open(m_parser.value(m_library));
    if (!opened) {
        fail(opened.error().message);
        return nullptr;
    }
    for (const QString &notice : opened->notices)
        io.err << "hanji: " << notice << "\n";
    const Result<QStringList> folders = opened->library->folders();
    if (!folders) {
        fail(folders.error().message);
        return nullptr;
    }
    if (opened->library->indexIsNew() && !folders->isEmpty()) {
        io.err << "hanji: building the index from " << folders->join(u", "_s) << "\n";
        io.err.flush();
        ImportReport report = opened->library->import(*folders);
        // Another command building the same new index: wait for it rather than fail.
        QElapsedTimer waited;
        waited.start();
        while (!report.ok() && report.error->kind == Error::Kind::Busy && waited.elapsed() < 120'000) {
            QThread::msleep(100);
            report = opened->library->import(*folders);
        }
        if (!report.ok()) {
            fail(report.error->message);
            return nullptr;
        }
    }
    return std::move(opened->library);
}

std::optional<QStringList> LibraryCommand::resolveIds(const Library &library, const QStringList &typed)
{
    QStringList ids;
    QStringList unknown;
    for (const QString &text : typed) {
        const Result<std::optional<QString>> id = library.resolveId(text);
        if (!id) {
            fail(id.error().message);
            return std::nullopt;
        }
        if (!*id)
            unknown += text;
        else if (!ids.contains(**id))
            ids += **id;
    }
    if (!unknown.isEmpty()) {
        fail(u"no paper with id %1 in the library (nothing was changed)"_s.arg(unknown.join(u", "_s)));
        return std::nullopt;
    }
    return ids;
}

SearchOptions::SearchOptions(QCommandLineParser &parser)
    : m_parser(parser)
{
    parser.addOptions({ m_minVotes, m_maxVotes, m_from, m_to, m_bookmarked, m_unread, m_sort, m_limit });
}

std::optional<SearchQuery> SearchOptions::query(const QString &command, QTextStream &err) const
{
    SearchQuery query;
    query.text = m_parser.positionalArguments().join(u' ');
    if (const auto terms = parseBoundedSearchText(query.text); !terms) {
        err << "hanji " << command << ": " << terms.error().message << "\n";
        return std::nullopt;
    }
    for (const auto &[option, target] : { std::pair(&m_minVotes, &query.minVotes), std::pair(&m_maxVotes, &query.maxVotes),
                                          std::pair(&m_limit, static_cast<std::optional<int> *>(nullptr)) }) {
        if (!m_parser.isSet(*option))
            continue;
        bool ok = false;
        const int value = m_parser.value(*option).toInt(&ok);
        if (!ok || value < 0) {
            err << "hanji " << command << ": --" << option->names().constFirst() << " takes a whole number\n";
            return std::nullopt;
        }
        if (target)
            *target = value;
        else
            query.limit = value;
    }
    for (const auto &[option, target] : { std::pair(&m_from, &query.from), std::pair(&m_to, &query.to) }) {
        if (!m_parser.isSet(*option))
            continue;
        *target = QDate::fromString(m_parser.value(*option), Qt::ISODate);
        if (!target->isValid()) {
            err << "hanji " << command << ": --" << option->names().constFirst() << " takes a date as YYYY-MM-DD\n";
            return std::nullopt;
        }
    }
    query.bookmarkedOnly = m_parser.isSet(m_bookmarked);
    query.unreadOnly = m_parser.isSet(m_unread);
    const QString order = m_parser.value(m_sort);
    if (order == u"date"_s) {
        query.order = SearchQuery::Order::Newest;
    } else if (order == u"votes"_s) {
        query.order = SearchQuery::Order::MostVotes;
    } else if (!order.isEmpty() && order != u"relevance"_s) {
        err << "hanji " << command << ": --sort takes relevance, date or votes\n";
        return std::nullopt;
    }
    return query;
}

QJsonObject paperJson(const Paper &paper)
{
    QJsonArray dates;
    for (const Appearance &appearance : paper.appearances)
        dates.append(appearance.date.toString(Qt::ISODate));
    const auto votes = paper.votes();
    QJsonObject object {
        { u"id"_s, paper.id },
        { u"title"_s, paper.title },
        { u"url"_s, paper.url },
        { u"authors"_s, QJsonArray::fromStringList(paper.authors) },
        { u"dates"_s, dates },
        { u"votes"_s, votes ? QJsonValue(*votes) : QJsonValue() },
        { u"bookmarked"_s, paper.user.bookmarked },
        { u"read"_s, paper.user.read },
    };
    if (paper.user.bookmarked) {
        object.insert(u"note"_s, paper.user.note);
        object.insert(u"tags"_s, QJsonArray::fromStringList(paper.user.tags));
        object.insert(u"bookmarked_at"_s, paper.user.bookmarkedAt.toString(Qt::ISODate));
    }
    return object;
}

void LibraryCommand::printPapers(const QList<Paper> &papers, bool json)
{
    if (json) {
        QJsonArray array;
        for (const Paper &paper : papers)
            array.append(paperJson(paper));
        io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return;
    }
    for (const Paper &paper : papers) {
        const auto votes = paper.votes();
        QStringList authors = paper.authors.mid(0, 3);
        if (paper.authors.size() > 3)
            authors += u"+%1"_s.arg(paper.authors.size() - 3);
        io.out << (paper.user.bookmarked ? "★ " : "  ") << (paper.user.read ? "  " : "● ")
               << paper.latestDate().toString(Qt::ISODate) << "  "
               << (votes ? QString::number(*votes) : u"-"_s).rightJustified(4) << "  " << paper.id.leftJustified(12)
               << "  " << paper.title << "\n"
               << QString(38, u' ') << authors.join(u", "_s) << "\n";
        if (!paper.user.note.isEmpty())
            io.out << QString(38, u' ') << "note: " << paper.user.note << "\n";
    }
}

} // namespace hanji::cli
