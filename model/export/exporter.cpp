#include "exporter.h"

#include "exportfields.h"
#include "exportwriters.h"
#include "logging.h"

#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hanji {

QByteArray exportPapers(const QList<Paper> &papers, ExportFormat format, const ExportOptions &options,
                        qsizetype maxPapers)
{
    // Keys come from the whole list: a clash with a paper past the preview still counts.
    const bool citations = format == ExportFormat::BibTeX || format == ExportFormat::Json || format == ExportFormat::CslJson;
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
    case ExportFormat::CslJson:
        return exportwriters::cslJson(written, keys, options);
    }
    Q_UNREACHABLE_RETURN(QByteArray());
}

namespace {

// Writes all of bytes; false with the device's error set when it could not. A short write is
// retried for the rest: only the second attempt says why (ENOSPC), the first gives a count.
bool writeAll(QFileDevice &file, const QByteArray &bytes)
{
    qsizetype written = 0;
    while (written < bytes.size()) {
        const qint64 count = file.write(bytes.constData() + written, bytes.size() - written);
        if (count <= 0)
            return false;
        written += count;
    }
    return true;
}

} // namespace

Result<> writeExport(const QString &path, const QByteArray &bytes)
{
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it is: there is no
    // file to replace whole, and renaming a temporary file over it would replace the device.
    if (const QFileInfo target(path); target.exists() && !target.isFile() && !target.isDir()) {
        QFile device(path);
        if (!device.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || !writeAll(device, bytes)) {
            qCWarning(lcLibrary) << "writing export failed" << path << device.errorString();
            return failure(u"Writing %1 failed: %2"_s.arg(path, device.errorString()));
        }
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        qCWarning(lcLibrary) << "cannot write export" << path << file.errorString();
        return failure(u"Cannot write %1: %2"_s.arg(path, file.errorString()));
    }
    if (!writeAll(file, bytes)) {
        const QString error = file.errorString();
        file.cancelWriting();
        qCWarning(lcLibrary) << "writing export failed" << path << error;
        return failure(u"Writing %1 failed: %2"_s.arg(path, error));
    }
    if (!file.commit()) {
        qCWarning(lcLibrary) << "cannot save export" << path << file.errorString();
        return failure(u"Cannot save %1: %2"_s.arg(path, file.errorString()));
    }
    return {};
}

namespace {

struct FormatNames {
    ExportFormat format;
    QStringView name; // what the command line takes
    QStringView title; // what people read
    QStringView extension;
};

constexpr FormatNames kFormats[] = {
    { ExportFormat::Markdown, u"markdown", u"Markdown", u"md" },
    { ExportFormat::BibTeX, u"bibtex", u"BibTeX", u"bib" },
    { ExportFormat::Ris, u"ris", u"RIS", u"ris" },
    { ExportFormat::Csv, u"csv", u"CSV", u"csv" },
    { ExportFormat::Json, u"json", u"JSON", u"json" },
    { ExportFormat::CslJson, u"csljson", u"CSL-JSON", u"json" },
};

const FormatNames &namesOf(ExportFormat format)
{
    for (const FormatNames &names : kFormats) {
        if (names.format == format)
            return names;
    }
    Q_UNREACHABLE_RETURN(kFormats[0]);
}

} // namespace

QList<ExportFormat> exportFormats()
{
    QList<ExportFormat> formats;
    for (const FormatNames &names : kFormats)
        formats.append(names.format);
    return formats;
}

QString formatName(ExportFormat format) { return namesOf(format).name.toString(); }

QString formatTitle(ExportFormat format) { return namesOf(format).title.toString(); }

QString fileExtension(ExportFormat format) { return namesOf(format).extension.toString(); }

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
            const auto aDate = latestAppearance(a.appearances);
            const auto bDate = latestAppearance(b.appearances);
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
