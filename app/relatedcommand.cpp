#include "librarycommand.h"
#include "scoredoutput.h"

#include "similaritysource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hanji::cli {

namespace {
constexpr int kDefaultLimit = 10;
} // namespace

Result<> printScored(const Library &library, Io io, const QList<RelatedPaper> &scored, bool json)
{
    QStringList ids;
    for (const RelatedPaper &paper : scored)
        ids += paper.id;
    QHash<QString, QString> titles;
    const Result<QList<Paper>> papers = library.papers(ids);
    if (!papers)
        return failure(papers.error());
    for (const Paper &paper : *papers)
        titles.insert(paper.id, paper.title);
    if (json) {
        QJsonArray array;
        for (const RelatedPaper &paper : scored)
            array.append(QJsonObject { { u"id"_s, paper.id },
                                       { u"title"_s, titles.value(paper.id) },
                                       { u"score"_s, std::round(paper.score * 10000) / 10000 } });
        io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return {};
    }
    for (const RelatedPaper &paper : scored)
        io.out << QString::number(paper.score, 'f', 3) << "  " << paper.id.leftJustified(12) << "  "
                       << titles.value(paper.id) << "\n";
    return {};
}

int relatedCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"related"_s,
                           u"Lists the papers most like one paper: tf-idf over titles and summaries (words, and "
                           "Korean or CJK text as pairs of characters), by cosine similarity, best first. The paper "
                           "itself and other listings of it are left out."_s,
                           io);
    QCommandLineParser &parser = command.parser();
    parser.addPositionalArgument(u"ID"_s, u"The paper (arXiv id or link)."_s);
    const QCommandLineOption limit(u"limit"_s, u"At most N papers (default %1)."_s.arg(kDefaultLimit), u"N"_s);
    const QCommandLineOption json(u"json"_s, u"Print a JSON array of {id, title, score}."_s);
    parser.addOptions({ limit, json });
    if (const auto exit = command.parse(arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        io.err << "hanji related: name one paper id\n";
        return BadUsage;
    }
    int count = kDefaultLimit;
    if (parser.isSet(limit)) {
        bool ok = false;
        count = parser.value(limit).toInt(&ok);
        if (!ok || count < 0) {
            io.err << "hanji related: --limit takes a whole number\n";
            return BadUsage;
        }
    }
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    const auto ids = command.resolveIds(*library, parser.positionalArguments());
    if (!ids)
        return Failed;
    const Result<SimilarityIndex> index = similarityIndexOf(library->indexPath());
    if (!index)
        return command.fail(index.error().message);
    if (!index->contains(ids->constFirst()))
        return command.fail(u"%1 is bookmarked, but no digest in the library lists it now"_s.arg(ids->constFirst()));
    return command.exitWith(printScored(*library, io, index->related(ids->constFirst(), count), parser.isSet(json)));
}

} // namespace hanji::cli
