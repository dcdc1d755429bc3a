#include "exporter.h"

#include "exportfields.h"
#include "exportwriters.h"
#include "logging.h"

#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hanji {

QByteArray exportPapers(const QList<Paper> &papers, ExportFormat format, const ExportOptions &options,
                        qsizetype maxPapers)
{
    // Keys come from the whole list: a clash with a paper past the preview still counts.
    const bool citations = format == ExportFormat::BibTeX || format == ExportFormat::Json;
    QStringList keys = citations ? citationKeys(papers) : QStringList();
    QList<Paper> written = papers;
    if (maxPapers >= 0 && maxPapers < papers.size()) {
        written = papers.first(maxPapers);
        if (citations)
            keys = keys.first(maxPapers);
    }

    switch (format) {
    case ExportFormat::Markdown:
        return exportwriters::markdown(written, options).toUtf8();
    case ExportFormat::BibTeX:
        return exportwriters::bibtex(written, keys, options).toUtf8();
    case ExportFormat::Ris:
        return exportwriters::ris(written, options).toUtf8();
    case ExportFormat::Csv:
        return (options.csvBom ? QByteArray("\xEF\xBB\xBF") : QByteArray()) + exportwriters::csv(written, options).toUtf8();
    case ExportFormat::Json:
        return exportwriters::json(written, keys, options);
    }
    Q_UNREACHABLE_RETURN(QByteArray());
}

ExportWriteResult writeExport(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcLibrary) << "cannot write export" << path << file.errorString();
        return { u"Cannot write %1: %2"_s.arg(path, file.errorString()) };
    }
    if (file.write(bytes) != bytes.size()) {
        const QString error = file.errorString();
        file.cancelWriting();
        qCWarning(lcLibrary) << "writing export failed" << path << error;
        return { u"Writing %1 failed: %2"_s.arg(path, error) };
    }
    if (!file.commit()) {
        qCWarning(lcLibrary) << "cannot save export" << path << file.errorString();
        return { u"Cannot save %1: %2"_s.arg(path, file.errorString()) };
    }
    return {};
}

QList<ExportFormat> exportFormats()
{
    return { ExportFormat::Markdown, ExportFormat::BibTeX, ExportFormat::Ris, ExportFormat::Csv, ExportFormat::Json };
}

QString formatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return u"markdown"_s;
    case ExportFormat::BibTeX:
        return u"bibtex"_s;
    case ExportFormat::Ris:
        return u"ris"_s;
    case ExportFormat::Csv:
        return u"csv"_s;
    case ExportFormat::Json:
        return u"json"_s;
    }
    Q_UNREACHABLE_RETURN(QString());
}

QString formatTitle(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return u"Markdown"_s;
    case ExportFormat::BibTeX:
        return u"BibTeX"_s;
    case ExportFormat::Ris:
        return u"RIS"_s;
    case ExportFormat::Csv:
        return u"CSV"_s;
    case ExportFormat::Json:
        return u"JSON"_s;
    }
    Q_UNREACHABLE_RETURN(QString());
}

QString fileExtension(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return u"md"_s;
    case ExportFormat::BibTeX:
        return u"bib"_s;
    case ExportFormat::Ris:
        return u"ris"_s;
    case ExportFormat::Csv:
        return u"csv"_s;
    case ExportFormat::Json:
        return u"json"_s;
    }
    Q_UNREACHABLE_RETURN(QString());
}

std::optional<ExportFormat> formatFromName(QStringView name)
{
    for (ExportFormat format : exportFormats()) {
        if (name.compare(formatName(format), Qt::CaseInsensitive) == 0
            || name.compare(fileExtension(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

void sortForExport(QList<Paper> &papers, ExportOrder order)
{
    switch (order) {
    case ExportOrder::AsListed:
        return;
    case ExportOrder::Bookmarked:
        // Papers with no bookmark time (not bookmarked) after those with one.
        std::stable_sort(papers.begin(), papers.end(), [](const Paper &a, const Paper &b) {
            const bool aKnown = a.user.bookmarkedAt.isValid();
            const bool bKnown = b.user.bookmarkedAt.isValid();
            if (aKnown != bKnown)
                return aKnown;
            return aKnown && a.user.bookmarkedAt < b.user.bookmarkedAt;
        });
        return;
    case ExportOrder::Newest:
        std::stable_sort(papers.begin(), papers.end(), [](const Paper &a, const Paper &b) {
            const auto aDate = latestAppearance(a);
            const auto bDate = latestAppearance(b);
            return (aDate ? aDate->date : QDate()) > (bDate ? bDate->date : QDate());
        });
        return;
    case ExportOrder::MostVotes:
        std::stable_sort(papers.begin(), papers.end(), [](const Paper &a, const Paper &b) {
            return a.votes().value_or(-1) > b.votes().value_or(-1);
        });
        return;
    case ExportOrder::Title:
        std::stable_sort(papers.begin(), papers.end(),
                         [](const Paper &a, const Paper &b) { return a.title.localeAwareCompare(b.title) < 0; });
        return;
    }
}

} // namespace hanji
