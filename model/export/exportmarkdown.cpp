#include "digestgrammar.h"
#include "exportfields.h"
#include "exportwriters.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace hanji::exportwriters {

namespace {

QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(u'\r', u' ').replace(u'\n', u' ');
    return line.trimmed();
}

// The parser pairs the link's closing ')' with its '(' by counting, so only balanced
// parentheses may stay literal in a URL.
QString markdownUrl(const QString &url)
{
    if (url.count(u'(') == url.count(u')'))
        return url;
    QString encoded = url;
    return encoded.replace(u'(', u"%28"_s).replace(u')', u"%29"_s);
}

QString authorsLine(const QStringList &authors)
{
    QStringList names;
    bool needsList = false;
    for (const QString &author : authors) {
        const QString name = oneLine(author);
        if (name.isEmpty())
            continue;
        // A comma inside a name would split it, a leading '[' would turn the line into a
        // list; the quoted list form keeps both.
        needsList = needsList || name.contains(u',') || name.startsWith(u'[');
        names += name;
    }
    if (names.isEmpty())
        return QString();
    if (!needsList)
        return u"Authors: "_s + names.join(u", "_s);
    QStringList quoted;
    for (QString name : std::as_const(names))
        quoted += u'\'' + name.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s) + u'\'';
    return u"Authors: ["_s + quoted.join(u", "_s) + u']';
}

// A continuation line that the parser would read as a bullet, a vote or another field gets a
// backslash, which Markdown hides; digests never hold such lines, only hand-made papers can.
bool readsAsStructure(QStringView line) { return paperLineKind(line) != PaperLineKind::Text; }

QString bullet(const SummarySection &section)
{
    const QStringList lines = section.text.split(u'\n');
    QString first = lines.constFirst().trimmed();
    QString out;
    if (section.key.isEmpty()) {
        out = first.isEmpty() ? u"-"_s : u"- "_s + first;
    } else {
        // "**" cannot close around a key that holds "**"; the parser also takes "***".
        const QString stars = section.key.contains(u"**"_s) ? u"***"_s : u"**"_s;
        out = u"- "_s + stars + oneLine(section.key) + stars + u':';
        if (!first.isEmpty())
            out += u' ' + first;
    }
    out += u'\n';
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty())
            continue; // the parser skips blank lines; a blank line in the text cannot survive
        out += (readsAsStructure(line) ? u"  \\"_s : u"  "_s) + line + u'\n';
    }
    return out;
}

QString heading(const Paper &paper)
{
    const QString title = oneLine(paper.title);
    const QString link = paperLink(paper);
    // A paper its digest listed without a link is written the same way, so it keeps its id.
    if (link.isEmpty())
        return u"### "_s + title + u'\n';
    return u"### ["_s + title + u"]("_s + markdownUrl(link) + u")\n"_s;
}

QString paperBlock(const Paper &paper, std::optional<int> votes, const ExportOptions &options)
{
    QString out = u'\n' + heading(paper);
    if (!paper.thumbnailUrl.isEmpty())
        out += u"\n![]("_s + markdownUrl(paper.thumbnailUrl) + u")\n"_s;
    if (!paper.videoUrl.isEmpty())
        out += u"\n[Watch Video]("_s + markdownUrl(paper.videoUrl) + u")\n"_s;
    if (options.votesAndDates && votes)
        out += u"\nVote: %1\n"_s.arg(*votes);
    if (const QString authors = authorsLine(paper.authors); !authors.isEmpty())
        out += u'\n' + authors + u'\n';
    // The fields other digest families give become keyed bullets, which this format reads back.
    const QList<SummarySection> sections = options.summaries ? paperFieldsAsSections(paper) + paper.sections
                                                             : QList<SummarySection>();
    if (!sections.isEmpty()) {
        out += u'\n';
        for (const SummarySection &section : sections)
            out += bullet(section);
    }
    return out;
}

// Notes go under a "## Notes" heading after the days: the parser reads papers only inside
// "## Daily Papers (date)" sections, so a note can never come back as a summary bullet.
// Quoting every line keeps a note's own "```" or "#" from acting as Markdown structure.
QString notesSection(const QList<Paper> &papers)
{
    QString out;
    for (const Paper &paper : papers) {
        if (paper.user.note.trimmed().isEmpty() && paper.user.tags.isEmpty())
            continue;
        out += u'\n' + heading(paper) + u'\n';
        for (const QString &line : paper.user.note.trimmed().split(u'\n'))
            out += (line.trimmed().isEmpty() ? u">"_s : u"> "_s + line.trimmed()) + u'\n';
        if (!paper.user.tags.isEmpty()) {
            if (!paper.user.note.trimmed().isEmpty())
                out += u">\n"_s;
            out += u"> Tags: "_s + paper.user.tags.join(u", "_s) + u'\n';
        }
    }
    return out.isEmpty() ? QString() : u"\n## Notes\n"_s + out;
}

} // namespace

QString markdown(const QList<Paper> &papers, const ExportOptions &options)
{
    // A paper goes under its latest date, with that day's votes: one paper, one entry, and the
    // date a reader last saw it. Days follow the order their first paper has in the list.
    QList<QDate> days;
    QHash<QDate, QList<qsizetype>> byDay;
    QList<qsizetype> undated;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const auto appearance = latestAppearance(papers[i].appearances);
        const QDate day = appearance ? appearance->date : QDate();
        if (!day.isValid()) {
            undated += i;
            continue;
        }
        if (!byDay.contains(day))
            days += day;
        byDay[day] += i;
    }

    QString out = u"# Daily Papers\n"_s;
    for (const QDate &day : std::as_const(days)) {
        out += u"\n## Daily Papers ("_s + day.toString(Qt::ISODate) + u")\n"_s;
        for (qsizetype i : byDay.value(day)) {
            const auto appearance = latestAppearance(papers[i].appearances);
            out += paperBlock(papers[i], appearance ? appearance->votes : std::nullopt, options);
        }
    }
    // Without a date a paper has no day to go under; it is still written, outside the days.
    if (!undated.isEmpty()) {
        out += u"\n## Undated\n"_s;
        for (qsizetype i : std::as_const(undated))
            out += paperBlock(papers[i], std::nullopt, options);
    }
    if (options.notes)
        out += notesSection(papers);
    return out;
}

} // namespace hanji::exportwriters
