#include "exportfields.h"
#include "exportwriters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace hanji::exportwriters {

namespace {

QJsonValue stringOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue votesOrNull(std::optional<int> votes)
{
    return votes ? QJsonValue(*votes) : QJsonValue(QJsonValue::Null);
}

QJsonObject paperObject(const Paper &paper, const QString &key, const ExportOptions &options)
{
    QJsonObject object {
        { u"id"_s, paper.id },
        { u"arxivId"_s, stringOrNull(paper.arxivId) },
        { u"citationKey"_s, key },
        { u"title"_s, paper.title },
        { u"url"_s, stringOrNull(paperLink(paper)) },
        { u"thumbnailUrl"_s, stringOrNull(paper.thumbnailUrl) },
        { u"videoUrl"_s, stringOrNull(paper.videoUrl) },
        { u"authors"_s, QJsonArray::fromStringList(paper.authors) },
        { u"originalTitle"_s, stringOrNull(paper.originalTitle) },
        { u"categories"_s, QJsonArray::fromStringList(paper.categories) },
    };
    if (options.summaries) {
        QJsonArray fields;
        for (const SummarySection &field : paper.fields)
            fields.append(QJsonObject { { u"key"_s, field.key }, { u"text"_s, field.text } });
        object.insert(u"fields"_s, fields);
        QJsonArray sections;
        for (const SummarySection &section : paper.sections)
            sections.append(QJsonObject { { u"key"_s, section.key }, { u"text"_s, section.text } });
        object.insert(u"summary"_s, sections);
    }
    if (options.votesAndDates) {
        QJsonArray appearances;
        for (const Appearance &appearance : paper.appearances) {
            appearances.append(QJsonObject { { u"date"_s, appearance.date.toString(Qt::ISODate) },
                                             { u"votes"_s, votesOrNull(appearance.votes) } });
        }
        object.insert(u"appearances"_s, appearances);
        object.insert(u"votes"_s, votesOrNull(paper.votes()));
    }
    if (options.notes) {
        object.insert(u"note"_s, paper.user.note);
        object.insert(u"tags"_s, QJsonArray::fromStringList(paper.user.tags));
    }
    return object;
}

} // namespace

QByteArray json(const QList<Paper> &papers, const QStringList &keys, const ExportOptions &options)
{
    Q_ASSERT(keys.size() == papers.size());
    QJsonArray array;
    for (qsizetype i = 0; i < papers.size(); ++i)
        array.append(paperObject(papers[i], keys[i], options));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace hanji::exportwriters
