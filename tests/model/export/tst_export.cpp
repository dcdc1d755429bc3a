#include "digestparser.h"
#include "digestscan.h"
#include "exporter.h"
#include "exportfields.h"
#include "exportwriters.h"
#include "testpaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace hanji;

Q_DECLARE_METATYPE(hanji::Paper)
Q_DECLARE_METATYPE(hanji::ExportOptions)
Q_DECLARE_METATYPE(hanji::ExportOrder)

namespace {

// ------------------------------------------------------------------ fixtures

Paper arxivPaper()
{
    Paper p;
    p.id = p.arxivId = u"2403.01234"_s;
    p.title = u"LLaVA-Mini: 작은 모델로 50% & $O(n)$ #1 {braces} under_score ~tilde ^caret back\\slash"_s;
    p.url = u"https://arxiv.org/abs/2403.01234"_s;
    p.thumbnailUrl = u"https://cdn.example.org/thumbs/2403.01234.png"_s;
    p.videoUrl = u"https://cdn.example.org/video/2403.01234.mp4"_s;
    p.authors = { u"Jürgen Müller"_s, u"Brendan O'Donoghue"_s, u"Kim, Minji"_s, u"Research and Development Team"_s,
                  u"Aidan N. Gomez"_s };
    p.sections = { { u"What's New"_s, u"새로운 방법을 제안한다. 50% 더 빠르다."_s },
                   { u"Technical Details"_s, u"첫 줄\n1) 둘째 줄\n#### 소제목"_s },
                   { QString(), u"일반 글머리표 & 기호 $x_1$."_s } };
    p.appearances = { { QDate(2024, 3, 5), 12 }, { QDate(2024, 3, 7), 40 } };
    p.user.bookmarked = true;
    p.user.bookmarkedAt = QDateTime(QDate(2024, 3, 8), QTime(10, 0), QTimeZone::UTC);
    p.user.note = u"다시 읽기: section 3\n```\n# not a heading\n- not a bullet"_s;
    p.user.tags = { u"vision"_s, u"to-read"_s };
    return p;
}

// Known only by a web link, never given votes.
Paper webPaper()
{
    Paper p;
    p.id = p.url = u"https://example.org/papers/world-model.html"_s;
    p.title = u"World Models (Revisited)"_s;
    p.authors = { u"Ann Lee"_s };
    p.sections = { { QString(), u"웹에만 있는 논문."_s } };
    p.appearances = { { QDate(2024, 2, 10), std::nullopt } };
    p.user.bookmarkedAt = QDateTime(QDate(2024, 2, 11), QTime(9, 0), QTimeZone::UTC);
    return p;
}

// Its digest gave no link: the parser names it "title:…".
Paper titleOnlyPaper()
{
    Paper p;
    p.title = u"A Paper Without a Link"_s;
    p.id = p.url = u"title:"_s + p.title;
    p.sections = { { QString(), u"링크가 없는 논문."_s } };
    p.appearances = { { QDate(2024, 3, 5), 3 } };
    return p;
}

Paper oldStylePaper()
{
    Paper p;
    p.id = p.arxivId = u"hep-th/9711200"_s;
    p.title = u"The Large N Limit of Superconformal Field Theories and Supergravity"_s;
    p.url = u"https://arxiv.org/abs/hep-th/9711200"_s;
    p.authors = { u"Juan Maldacena"_s };
    p.sections = { { u"What's New"_s, u"AdS/CFT 대응."_s } };
    p.appearances = { { QDate(2024, 3, 7), 7 } };
    return p;
}

// Never listed on a day: nothing to date it but its id. Clashes with webPaper()'s key.
Paper undatedPaper()
{
    Paper p;
    p.id = p.arxivId = u"2401.00002"_s;
    p.title = u"World Scaling Laws"_s;
    p.url = u"https://arxiv.org/abs/2401.00002"_s;
    p.authors = { u"Ann Lee"_s, u"Bo Chen"_s };
    return p;
}

QList<Paper> fixturePapers()
{
    return { arxivPaper(), webPaper(), titleOnlyPaper(), oldStylePaper(), undatedPaper() };
}

ExportOptions allOptions()
{
    return { .summaries = true, .notes = true, .votesAndDates = true, .csvBom = false };
}

// ------------------------------------------------------------------ helpers

// Citation formats have one-line fields with no control characters.
QString oneLine(QString text)
{
    text.removeIf([](QChar c) { return c.category() == QChar::Other_Control && !c.isSpace(); });
    return text.simplified();
}

// What a paper's summary reads as in the citation and table formats, computed here, not by the exporter.
QString expectedSummary(const Paper &paper, const QString &separator)
{
    QStringList lines;
    for (const SummarySection &s : paper.sections)
        lines += oneLine(s.key.isEmpty() ? s.text : s.key + u": "_s + s.text);
    return lines.join(separator);
}

std::optional<Appearance> latestOf(const Paper &paper)
{
    if (paper.appearances.isEmpty())
        return std::nullopt;
    return paper.appearances.constLast();
}

struct ToolResult {
    bool ran = false;
    QByteArray out;
    QByteArray err;
    int exitCode = -1;
};

ToolResult runTool(const QString &program, const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(300000);
    return { true, process.readAllStandardOutput(), process.readAllStandardError(), process.exitCode() };
}

bool pybtexAvailable()
{
    const ToolResult r = runTool(u"python3"_s, { u"-c"_s, u"import pybtex"_s }, {});
    return r.ran && r.exitCode == 0;
}

bool ris2xmlAvailable()
{
    return !QStandardPaths::findExecutable(u"ris2xml"_s).isEmpty();
}

// pybtex reads the file; LaTeX is undone by a decoder that knows only what BibTeX itself
// means (escaped specials, grouping braces), not how the exporter wrote it.
const char *const kPybtexScript = R"PY(
import sys, json, re
from pybtex.database import parse_string
TOKEN = re.compile(r'\\textbackslash\{\}|\\textasciicircum\{\}|\\textasciitilde\{\}|\\[{}$&%#_]|[{}]|\\|[^\\{}]+')
def decode(s):
    out = []
    for t in TOKEN.findall(s):
        if t == r'\textbackslash{}': out.append('\\')
        elif t == r'\textasciicircum{}': out.append('^')
        elif t == r'\textasciitilde{}': out.append('~')
        elif len(t) == 2 and t[0] == '\\': out.append(t[1])
        elif t == '{' or t == '}': pass
        elif t == '\\': raise ValueError('stray backslash: ' + s)
        else: out.append(t)
    return ' '.join(''.join(out).split())
data = parse_string(sys.stdin.buffer.read().decode('utf-8'), 'bibtex')
entries = []
for key, e in data.entries.items():
    authors = [decode(' '.join(p.first_names + p.middle_names + p.prelast_names + p.last_names + p.lineage_names))
               for p in e.persons.get('author', [])]
    entries.append({'key': key, 'type': e.type, 'authors': authors,
                    'fields': {k.lower(): decode(v) for k, v in e.fields.items()}})
print(json.dumps(entries, ensure_ascii=False))
)PY";

const char *const kCsvScript = R"PY(
import sys, csv, io, json
raw = sys.stdin.buffer.read()
rows = list(csv.reader(io.StringIO(raw.decode('utf-8-sig'), newline=''), strict=True))
print(json.dumps({'bom': raw.startswith(b'\xef\xbb\xbf'), 'rows': rows}, ensure_ascii=False))
)PY";

struct ParsedBib {
    QString error;
    QJsonArray entries;
};

ParsedBib parseWithPybtex(const QByteArray &bib)
{
    const ToolResult r = runTool(u"python3"_s, { u"-c"_s, QString::fromLatin1(kPybtexScript) }, bib);
    if (!r.ran || r.exitCode != 0)
        return { QString::fromUtf8(r.err), {} };
    return { QString(), QJsonDocument::fromJson(r.out).array() };
}

// One record as bibutils' ris2xml reads it (MODS XML).
struct ModsRecord {
    QString title;
    QStringList names; // "given given family", or the single part of a non-personal name
    QString dateIssued;
    QString abstract;
    QString note;
    QStringList topics;
    QString url;
};

QList<ModsRecord> parseWithRis2xml(const QByteArray &ris, QString *error)
{
    const ToolResult r = runTool(u"ris2xml"_s, { u"-i"_s, u"utf8"_s }, ris);
    if (!r.ran || r.exitCode != 0) {
        *error = u"ris2xml failed (exit %1): %2"_s.arg(r.exitCode).arg(QString::fromUtf8(r.err.right(2000)));
        return {};
    }
    QList<ModsRecord> records;
    QXmlStreamReader xml(r.out);
    QString subTitle;
    QStringList given;
    QString family;
    QString plain;
    while (!xml.atEnd()) {
        xml.readNext();
        const auto name = xml.name();
        if (xml.isStartElement()) {
            if (name == u"mods"_s) {
                records.emplaceBack();
                subTitle.clear();
            } else if (records.isEmpty()) {
                continue;
            } else if (name == u"title"_s) {
                records.last().title = xml.readElementText();
            } else if (name == u"subTitle"_s) {
                // bibutils cuts a title at its first ": " or "? " into title and subtitle.
                QString &title = records.last().title;
                title += (title.endsWith(u'?') ? u" "_s : u": "_s) + xml.readElementText();
            } else if (name == u"name"_s) {
                given.clear();
                family.clear();
                plain.clear();
            } else if (name == u"namePart"_s) {
                const QString type = xml.attributes().value(u"type"_s).toString();
                const QString text = xml.readElementText();
                if (type == u"given"_s)
                    given += text;
                else if (type == u"family"_s)
                    family = text;
                else
                    plain = text;
            } else if (name == u"dateIssued"_s) {
                records.last().dateIssued = xml.readElementText();
            } else if (name == u"abstract"_s) {
                records.last().abstract = xml.readElementText();
            } else if (name == u"note"_s) {
                records.last().note = xml.readElementText();
            } else if (name == u"topic"_s) {
                records.last().topics += xml.readElementText();
            } else if (name == u"url"_s) {
                records.last().url = xml.readElementText();
            }
        } else if (xml.isEndElement() && name == u"name"_s && !records.isEmpty()) {
            records.last().names += plain.isEmpty() ? (given + QStringList { family }).join(u' ') : plain;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return records;
}

// Digest entries as the library makes papers of them: one paper an identity, its appearances
// by date, its text from the latest appearance.
QList<Paper> papersFromEntries(QList<DigestEntry> entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const DigestEntry &a, const DigestEntry &b) { return a.date < b.date; });
    QList<Paper> papers;
    QHash<QString, qsizetype> index;
    for (const DigestEntry &e : std::as_const(entries)) {
        auto it = index.constFind(e.identity());
        if (it == index.cend()) {
            it = index.insert(e.identity(), papers.size());
            papers.emplaceBack();
        }
        Paper &p = papers[*it];
        p.id = e.identity();
        p.arxivId = e.arxivId;
        p.title = e.title;
        p.url = e.url;
        p.thumbnailUrl = e.thumbnailUrl;
        p.videoUrl = e.videoUrl;
        p.authors = e.authors;
        p.sections = e.sections;
        if (!p.appearances.isEmpty() && p.appearances.constLast().date == e.date)
            p.appearances.last().votes = e.votes; // the same day in two files: the later file wins
        else
            p.appearances.append({ e.date, e.votes });
    }
    return papers;
}

QList<Paper> corpusPapers()
{
    QList<DigestEntry> entries;
    for (const QString &path : collectDigestFiles({ QStringLiteral(HANJI_CORPUS_DIR) }).files)
        entries += readDigestFile(path).value().entries;
    return papersFromEntries(entries);
}

// Holds a re-imported Markdown export against the papers that went in. Returns the first difference.
QString compareMarkdownRoundTrip(const QList<Paper> &papers, const ExportOptions &options, const ParsedDigest &parsed)
{
    QHash<QString, DigestEntry> byId;
    for (const DigestEntry &e : parsed.entries) {
        if (byId.contains(e.identity()))
            return u"%1 comes back twice"_s.arg(e.identity());
        byId.insert(e.identity(), e);
    }
    qsizetype expectedCount = 0;
    for (const Paper &p : papers) {
        const auto latest = latestOf(p);
        if (!latest) {
            if (byId.contains(p.id))
                return u"undated %1 came back under a day"_s.arg(p.id);
            continue;
        }
        ++expectedCount;
        if (!byId.contains(p.id))
            return u"%1 is missing"_s.arg(p.id);
        const DigestEntry e = byId.value(p.id);
        const auto differs = [&](const char *what, const auto &got, const auto &want) {
            return got == want ? QString() : u"%1: %2 differs"_s.arg(p.id, QLatin1StringView(what));
        };
        std::optional<int> votes;
        if (options.votesAndDates)
            votes = latest->votes;
        const QList<SummarySection> sections = options.summaries ? p.sections : QList<SummarySection>();
        for (const QString &d : { differs("title", e.title, p.title), differs("url", e.url, p.url),
                                  differs("arxiv id", e.arxivId, p.arxivId), differs("thumbnail", e.thumbnailUrl, p.thumbnailUrl),
                                  differs("video", e.videoUrl, p.videoUrl), differs("authors", e.authors, p.authors),
                                  differs("date", e.date, latest->date), differs("votes", e.votes, votes),
                                  differs("sections", e.sections, sections) }) {
            if (!d.isEmpty())
                return d;
        }
    }
    if (parsed.entries.size() != expectedCount)
        return u"%1 entries came back, %2 expected"_s.arg(parsed.entries.size()).arg(expectedCount);
    return QString();
}

// RIS structure read line by line: CRLF everywhere, "XX  - value" tags, TY first, ER last.
struct RisLines {
    QString error;
    QList<QList<std::pair<QString, QString>>> records;
};

RisLines readRisLines(const QByteArray &bytes)
{
    RisLines result;
    if (bytes.count('\n') != bytes.count("\r\n") || bytes.count('\r') != bytes.count("\r\n"))
        return { u"a line does not end in CRLF"_s, {} };
    static const QRegularExpression tagLine(u"^([A-Z][A-Z0-9])  - (.*)$"_s);
    bool open = false;
    for (const QString &line : QString::fromUtf8(bytes).split(u"\r\n"_s)) {
        if (line.isEmpty() && !open)
            continue;
        const auto m = tagLine.match(line);
        if (!m.hasMatch())
            return { u"not a tag line: \"%1\""_s.arg(line), {} };
        const QString tag = m.captured(1);
        if (!open) {
            if (tag != u"TY"_s)
                return { u"a record starts with %1"_s.arg(tag), {} };
            result.records.emplaceBack();
            open = true;
        }
        if (tag == u"ER"_s)
            open = false;
        else
            result.records.last().append({ tag, m.captured(2) });
    }
    if (open)
        result.error = u"the last record has no ER"_s;
    return result;
}

QStringList risValues(const QList<std::pair<QString, QString>> &record, const QString &tag)
{
    QStringList values;
    for (const auto &[t, v] : record) {
        if (t == tag)
            values += v;
    }
    return values;
}

const QStringList kMonthNames { u"January"_s, u"February"_s, u"March"_s, u"April"_s, u"May"_s, u"June"_s,
                                u"July"_s, u"August"_s, u"September"_s, u"October"_s, u"November"_s, u"December"_s };

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatNames_data();
    void formatNames();
    void publicationDates_data();
    void publicationDates();
    void citationKeys_data();
    void citationKeys();
    void citationKeysIgnoreListOrder();
    void latexEscaping_data();
    void latexEscaping();

    void markdownRoundTrip_data();
    void markdownRoundTrip();
    void markdownUsesLatestDay();
    void markdownNotesStayOutOfSummaries();
    void markdownHandMadeTextCannotForgeStructure();

    void bibtexParsesInPybtex_data();
    void bibtexParsesInPybtex();
    void risReadsInBibutils_data();
    void risReadsInBibutils();
    void csvReadsInPythonCsv_data();
    void csvReadsInPythonCsv();
    void jsonFields();
    void cslJsonFields();
    void cslJsonRendersInPandoc();
    void otherArchivesFieldsAreExported();
    void previewIsTheStartOfTheExport_data();
    void previewIsTheStartOfTheExport();

    void sortForExport_data();
    void sortForExport();

    void writeReplacesWhole();
    void writeFailureLeavesNothing_data();
    void writeFailureLeavesNothing();

    void corpusMarkdownRoundTrips();
    void corpusBibTeXParses();
    void corpusRisCsvJsonRead();
};

// ------------------------------------------------------------------ CSL-JSON

// Every paper's bibliography entry as pandoc's citeproc renders it (plain text, one paragraph
// an entry), or the error.
std::pair<QStringList, QString> renderWithPandoc(const QByteArray &csl, const QString &directory)
{
    QFile bibliography(directory + u"/papers.json"_s);
    if (!bibliography.open(QIODevice::WriteOnly) || bibliography.write(csl) != csl.size())
        return { {}, u"cannot write the bibliography"_s };
    bibliography.close();
    const ToolResult r = runTool(u"pandoc"_s, { u"--citeproc"_s, u"--bibliography"_s, bibliography.fileName(), u"--wrap=none"_s,
                                                u"-f"_s, u"markdown"_s, u"-t"_s, u"plain"_s },
                                 "---\nnocite: '@*'\n---\n");
    if (!r.ran || r.exitCode != 0)
        return { {}, u"pandoc failed (exit %1): %2"_s.arg(r.exitCode).arg(QString::fromUtf8(r.err.right(2000))) };
    QStringList entries = QString::fromUtf8(r.out).split(u"\n\n"_s, Qt::SkipEmptyParts);
    for (QString &entry : entries)
        entry = entry.simplified();
    entries.removeAll(QString());
    return { entries, QString::fromUtf8(r.err) };
}

// How a title reads once a CSL style has had its way with it: case and quotes aside.
QString comparable(QString text)
{
    text = oneLine(text).toLower();
    for (const QChar quote : { QChar(0x2018), QChar(0x2019), QChar(0x201C), QChar(0x201D), QChar(u'"'), QChar(u'\'') })
        text.remove(quote);
    return text;
}

// ------------------------------------------------------------------ names and fields

void TestExport::formatNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("format"); // -1: not a format

    QTest::addRow("markdown by name") << u"markdown"_s << int(ExportFormat::Markdown);
    QTest::addRow("markdown by extension") << u"md"_s << int(ExportFormat::Markdown);
    QTest::addRow("bibtex, any case") << u"BibTeX"_s << int(ExportFormat::BibTeX);
    QTest::addRow("bib extension") << u"bib"_s << int(ExportFormat::BibTeX);
    QTest::addRow("ris") << u"RIS"_s << int(ExportFormat::Ris);
    QTest::addRow("csv") << u"csv"_s << int(ExportFormat::Csv);
    QTest::addRow("json") << u"json"_s << int(ExportFormat::Json);
    QTest::addRow("unknown") << u"pdf"_s << -1;
    QTest::addRow("empty") << QString() << -1;
}

void TestExport::formatNames()
{
    QFETCH(QString, name);
    QFETCH(int, format);
    const auto found = formatFromName(name);
    QCOMPARE(found ? int(*found) : -1, format);
    if (found) {
        QCOMPARE(formatFromName(formatName(*found)), found);
        QCOMPARE(formatFromName(fileExtension(*found)), found);
    }
}

void TestExport::publicationDates_data()
{
    QTest::addColumn<Paper>("paper");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");

    QTest::addRow("new-style id") << arxivPaper() << 2024 << 3;
    QTest::addRow("old-style id from the 1990s") << oldStylePaper() << 1997 << 11;
    QTest::addRow("no arXiv id: the latest listing") << webPaper() << 2024 << 2;
    Paper web = webPaper();
    web.appearances = { { QDate(2023, 12, 30), 1 }, { QDate(2024, 1, 2), 4 } };
    QTest::addRow("no arXiv id, several listings") << web << 2024 << 1;
    web.appearances.clear();
    QTest::addRow("no arXiv id, no listing") << web << 0 << 0;
    Paper five = arxivPaper();
    five.id = five.arxivId = u"0704.0001"_s;
    QTest::addRow("the first new-style id") << five << 2007 << 4;
}

void TestExport::publicationDates()
{
    QFETCH(Paper, paper);
    QFETCH(int, year);
    QFETCH(int, month);
    const PublicationDate date = publicationDate(paper);
    QCOMPARE(date.year, year);
    QCOMPARE(date.month, month);
}

void TestExport::citationKeys_data()
{
    QTest::addColumn<QList<Paper>>("papers");
    QTest::addColumn<QStringList>("keys");

    QTest::addRow("the fixtures: accents, stop words, old ids, no authors, a clash")
        << fixturePapers()
        << QStringList { u"muller2024llava"_s, u"lee2024worldb"_s, u"anon2024paper"_s, u"maldacena1997large"_s,
                         u"lee2024world"_s };

    Paper a = arxivPaper();
    a.authors = { u"Ashish Vaswani"_s };
    a.title = u"Attention Is All You Need"_s;
    a.id = a.arxivId = u"1706.03762"_s;
    Paper b = a;
    b.id = b.arxivId = u"1706.03761"_s;
    Paper c = a;
    c.id = c.arxivId = u"1706.03763"_s;
    QTest::addRow("three clashes: suffixes follow the ids") << QList<Paper> { a, b, c }
                                                            << QStringList { u"vaswani2017attentionb"_s, u"vaswani2017attention"_s,
                                                                             u"vaswani2017attentionc"_s };

    Paper hangul = arxivPaper();
    hangul.authors = { u"김민지"_s, u"John Smith"_s };
    hangul.title = u"한국어 제목 only"_s;
    QTest::addRow("a name and words with no ASCII spelling") << QList<Paper> { hangul } << QStringList { u"anon2024only"_s };

    Paper suffixed = arxivPaper();
    suffixed.authors = { u"Martin Luther King Jr."_s };
    suffixed.title = u"Straße zum Ziel"_s;
    QTest::addRow("a generational suffix and a sharp s") << QList<Paper> { suffixed } << QStringList { u"king2024strasse"_s };

    Paper undated = webPaper();
    undated.appearances.clear();
    undated.title = u"On the Art"_s;
    QTest::addRow("no year at all") << QList<Paper> { undated } << QStringList { u"lee"_s + u"art"_s };

    // "lee2024worldb" is also the bare key of a paper whose first word is "worldb".
    Paper other = webPaper();
    other.id = other.url = u"https://example.org/other"_s;
    other.title = u"Worldb"_s;
    QTest::addRow("a suffixed key never takes another's bare key")
        << QList<Paper> { webPaper(), undatedPaper(), other }
        << QStringList { u"lee2024worldc"_s, u"lee2024world"_s, u"lee2024worldb"_s };
}

void TestExport::citationKeys()
{
    QFETCH(QList<Paper>, papers);
    QFETCH(QStringList, keys);
    const QStringList got = hanji::citationKeys(papers);
    QCOMPARE(got, keys);
    QCOMPARE(QSet<QString>(got.cbegin(), got.cend()).size(), got.size());
    static const QRegularExpression ascii(u"^[a-z0-9]+$"_s);
    for (const QString &key : got)
        QVERIFY2(ascii.match(key).hasMatch(), qPrintable(key));
}

void TestExport::citationKeysIgnoreListOrder()
{
    QList<Paper> papers = fixturePapers();
    QHash<QString, QString> before;
    const QStringList keys = hanji::citationKeys(papers);
    for (qsizetype i = 0; i < papers.size(); ++i)
        before.insert(papers[i].id, keys[i]);
    std::reverse(papers.begin(), papers.end());
    const QStringList reversed = hanji::citationKeys(papers);
    for (qsizetype i = 0; i < papers.size(); ++i)
        QCOMPARE(reversed[i], before.value(papers[i].id));
}

void TestExport::latexEscaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");

    QTest::addRow("plain and Korean text stay") << u"Plain 한국어 text"_s << u"Plain 한국어 text"_s;
    QTest::addRow("specials get a backslash") << u"50% & $5 #1 a_b {x}"_s << u"50\\% \\& \\$5 \\#1 a\\_b \\{x\\}"_s;
    QTest::addRow("backslash, caret, tilde become commands")
        << u"a\\b ^ ~"_s << u"a\\textbackslash{}b \\textasciicircum{} \\textasciitilde{}"_s;
}

void TestExport::latexEscaping()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(exportwriters::latexEscaped(text), escaped);
}

// ------------------------------------------------------------------ Markdown

void TestExport::markdownRoundTrip_data()
{
    QTest::addColumn<QList<Paper>>("papers");
    QTest::addColumn<ExportOptions>("options");

    QTest::addRow("fixtures, everything included") << fixturePapers() << allOptions();
    QTest::addRow("fixtures, no summaries") << fixturePapers() << ExportOptions { .summaries = false };
    QTest::addRow("fixtures, no votes") << fixturePapers() << ExportOptions { .votesAndDates = false };

    Paper odd = arxivPaper();
    // (A name that starts with "and " cannot survive: the parser drops that word as a list's conjunction.)
    odd.authors = { u"[Bracket] Person"_s, u"Smith, Jr."_s, u"O'Neil \\ Back"_s };
    odd.url = u"https://example.org/a_(b).pdf"_s;
    odd.id = odd.url;
    odd.arxivId.clear();
    odd.thumbnailUrl = u"https://example.org/thumb(1).png"_s;
    odd.sections = { { u"Limits**Notes"_s, u"별표가 든 키."_s }, { QString(), QString() }, { u"Empty"_s, QString() },
                     { u"Continued"_s, u"\n뒤에 이어지는 줄."_s } };
    QTest::addRow("names that need the list form, parentheses in URLs, odd bullets")
        << QList<Paper> { odd } << allOptions();

    QTest::addRow("nothing to export") << QList<Paper>() << allOptions();
}

void TestExport::markdownRoundTrip()
{
    QFETCH(QList<Paper>, papers);
    QFETCH(ExportOptions, options);
    const QByteArray bytes = exportPapers(papers, ExportFormat::Markdown, options);
    const ParsedDigest parsed = DigestParser::parse(bytes, u"export.md"_s);

    const QString difference = compareMarkdownRoundTrip(papers, options, parsed);
    QVERIFY2(difference.isEmpty(), qPrintable(difference + u"\n"_s + QString::fromUtf8(bytes)));
    // The one warning allowed is the one the original digest had: a heading without a link.
    for (const ParseWarning &w : parsed.warnings)
        QVERIFY2(w.message.contains(u"has no link"_s), qPrintable(w.message));
    const auto unlinked = std::count_if(papers.cbegin(), papers.cend(),
                                        [](const Paper &p) { return p.url.startsWith(u"title:"_s) && latestOf(p); });
    QCOMPARE(parsed.warnings.size(), unlinked);
}

void TestExport::markdownUsesLatestDay()
{
    // Listed on 03-05 with 12 votes and on 03-07 with 40: one entry, under 03-07, with 40.
    const QString text = QString::fromUtf8(exportPapers({ arxivPaper() }, ExportFormat::Markdown, allOptions()));
    QVERIFY(text.contains(u"## Daily Papers (2024-03-07)"_s));
    QVERIFY(!text.contains(u"2024-03-05"_s));
    QVERIFY(text.contains(u"\nVote: 40\n"_s));
    QCOMPARE(text.count(u"### [LLaVA-Mini"_s), 2); // the day, and the notes section
}

void TestExport::markdownNotesStayOutOfSummaries()
{
    const Paper paper = arxivPaper();
    const QByteArray with = exportPapers({ paper }, ExportFormat::Markdown, allOptions());
    ExportOptions noNotes = allOptions();
    noNotes.notes = false;
    const QByteArray without = exportPapers({ paper }, ExportFormat::Markdown, noNotes);

    QVERIFY(with.contains("## Notes"));
    QVERIFY(with.contains("> 다시 읽기: section 3"));
    QVERIFY(with.contains("> Tags: vision, to-read"));
    QVERIFY(!without.contains("다시 읽기"));
    // The same entry either way: the note is neither a section nor a paper.
    const ParsedDigest a = DigestParser::parse(with, u"with.md"_s);
    const ParsedDigest b = DigestParser::parse(without, u"without.md"_s);
    QCOMPARE(a.entries.size(), 1);
    QCOMPARE(a.entries.constFirst().sections, b.entries.constFirst().sections);
    QCOMPARE(a.entries.constFirst().sections, paper.sections);
    QVERIFY(a.warnings.isEmpty());
}

void TestExport::markdownHandMadeTextCannotForgeStructure()
{
    // Text typed by hand, not parsed from a digest, with lines that look like fields.
    Paper paper = webPaper();
    paper.sections = { { u"Key"_s, u"첫 줄\n- looks like a bullet\nVote: 999\nAuthors: Mallory\n![](x.png)"_s } };
    const ParsedDigest parsed = DigestParser::parse(exportPapers({ paper }, ExportFormat::Markdown, allOptions()), u"x.md"_s);
    QCOMPARE(parsed.entries.size(), 1);
    const DigestEntry &e = parsed.entries.constFirst();
    QCOMPARE(e.sections.size(), 1);
    QCOMPARE(e.votes, std::nullopt);
    QCOMPARE(e.authors, paper.authors);
    QVERIFY(e.thumbnailUrl.isEmpty());
    QVERIFY(e.sections.constFirst().text.contains(u"Vote: 999"_s));

    // An unbalanced parenthesis cannot stay literal in a link: it is percent-encoded.
    paper.thumbnailUrl = u"https://example.org/thumb(1.png"_s;
    const ParsedDigest encoded = DigestParser::parse(exportPapers({ paper }, ExportFormat::Markdown, allOptions()), u"y.md"_s);
    QVERIFY(encoded.warnings.isEmpty());
    QCOMPARE(encoded.entries.constFirst().thumbnailUrl, u"https://example.org/thumb%281.png"_s);
}

// ------------------------------------------------------------------ citation formats

void TestExport::bibtexParsesInPybtex_data()
{
    QTest::addColumn<ExportOptions>("options");
    QTest::addRow("summaries, notes and tags") << allOptions();
    QTest::addRow("citation fields only") << ExportOptions { .summaries = false, .notes = false };
}

void TestExport::bibtexParsesInPybtex()
{
    if (!pybtexAvailable())
        QSKIP("python3 with pybtex is not installed (packaging/dev installs python3-pybtex)");
    QFETCH(ExportOptions, options);
    const QList<Paper> papers = fixturePapers();
    const QByteArray bib = exportPapers(papers, ExportFormat::BibTeX, options);
    const ParsedBib parsed = parseWithPybtex(bib);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error + QString::fromUtf8(bib)));
    QCOMPARE(parsed.entries.size(), papers.size());

    const QStringList keys = hanji::citationKeys(papers);
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers[i];
        const QJsonObject entry = parsed.entries[i].toObject();
        const QJsonObject fields = entry.value(u"fields"_s).toObject();
        QCOMPARE(entry.value(u"key"_s).toString(), keys[i]);
        QCOMPARE(entry.value(u"type"_s).toString(), u"misc"_s);
        QCOMPARE(fields.value(u"title"_s).toString(), oneLine(p.title));
        QStringList authors;
        for (const QJsonValue &a : entry.value(u"authors"_s).toArray())
            authors += a.toString();
        QCOMPARE(authors, p.authors);
        const PublicationDate date = publicationDate(p);
        QCOMPARE(fields.value(u"year"_s).toString(), date.isValid() ? QString::number(date.year) : QString());
        QCOMPARE(fields.value(u"month"_s).toString(), date.month > 0 ? kMonthNames[date.month - 1] : QString());
        QCOMPARE(fields.value(u"eprint"_s).toString(), p.arxivId);
        QCOMPARE(fields.value(u"archiveprefix"_s).toString(), p.arxivId.isEmpty() ? QString() : u"arXiv"_s);
        QCOMPARE(fields.value(u"url"_s).toString(), p.url.startsWith(u"title:"_s) ? QString() : p.url);
        QCOMPARE(fields.value(u"abstract"_s).toString(), options.summaries ? expectedSummary(p, u" "_s) : QString());
        QCOMPARE(fields.value(u"annote"_s).toString(), options.notes ? oneLine(p.user.note) : QString());
        QCOMPARE(fields.value(u"keywords"_s).toString(), options.notes ? p.user.tags.join(u", "_s) : QString());
    }
}

void TestExport::risReadsInBibutils_data()
{
    QTest::addColumn<ExportOptions>("options");
    QTest::addRow("summaries, notes and tags") << allOptions();
    QTest::addRow("citation fields only") << ExportOptions { .summaries = false, .notes = false };
}

void TestExport::risReadsInBibutils()
{
    QFETCH(ExportOptions, options);
    const QList<Paper> papers = fixturePapers();
    const QByteArray ris = exportPapers(papers, ExportFormat::Ris, options);

    // The structure, line by line.
    const RisLines lines = readRisLines(ris);
    QVERIFY2(lines.error.isEmpty(), qPrintable(lines.error));
    QCOMPARE(lines.records.size(), papers.size());
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers[i];
        const auto &record = lines.records[i];
        QCOMPARE(risValues(record, u"TY"_s), QStringList { p.arxivId.isEmpty() ? u"ELEC"_s : u"GEN"_s });
        QCOMPARE(risValues(record, u"AN"_s), p.arxivId.isEmpty() ? QStringList() : QStringList { u"arXiv:"_s + p.arxivId });
        QCOMPARE(risValues(record, u"AU"_s).size(), p.authors.size());
    }

    if (!ris2xmlAvailable())
        QSKIP("bibutils' ris2xml is not installed (packaging/dev installs bibutils)");
    QString error;
    const QList<ModsRecord> records = parseWithRis2xml(ris, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), papers.size());
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers[i];
        const ModsRecord &r = records[i];
        QCOMPARE(r.title, oneLine(p.title));
        QStringList names;
        for (const QString &author : p.authors) {
            // bibutils splits an AU line at " and " (its BibTeX heritage): such names come back in parts.
            if (author.contains(u" and "_s))
                names += author.split(u" and "_s);
            else
                names += author.contains(u',') ? author.section(u',', 1).trimmed() + u' ' + author.section(u',', 0, 0) : author;
        }
        // bibutils writes an initial without its period.
        QCOMPARE(r.names.join(u'|').remove(u'.'), names.join(u'|').remove(u'.'));
        const PublicationDate date = publicationDate(p);
        QCOMPARE(r.dateIssued, !date.isValid() ? QString()
                                               : u"%1-%2"_s.arg(date.year).arg(date.month, 2, 10, QChar(u'0')));
        QCOMPARE(r.url, p.url.startsWith(u"title:"_s) ? QString() : p.url);
        QCOMPARE(r.abstract, options.summaries ? expectedSummary(p, u" "_s) : QString());
        QCOMPARE(r.note, options.notes ? oneLine(p.user.note) : QString());
        QCOMPARE(r.topics, options.notes ? p.user.tags : QStringList());
    }
}

// ------------------------------------------------------------------ data formats

void TestExport::csvReadsInPythonCsv_data()
{
    QTest::addColumn<ExportOptions>("options");
    QTest::addRow("everything, with a BOM") << ExportOptions { .summaries = true, .notes = true, .votesAndDates = true, .csvBom = true };
    QTest::addRow("the defaults, no BOM") << ExportOptions {};
    QTest::addRow("ids, titles, authors and links only") << ExportOptions { .summaries = false, .votesAndDates = false };
}

void TestExport::csvReadsInPythonCsv()
{
    QFETCH(ExportOptions, options);
    const QList<Paper> papers = fixturePapers();
    const QByteArray csv = exportPapers(papers, ExportFormat::Csv, options);
    QCOMPARE(csv.startsWith("\xEF\xBB\xBF"), options.csvBom);

    const ToolResult r = runTool(u"python3"_s, { u"-c"_s, QString::fromLatin1(kCsvScript) }, csv);
    if (!r.ran)
        QSKIP("python3 is not installed");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject parsed = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(parsed.value(u"bom"_s).toBool(), options.csvBom);
    const QJsonArray rows = parsed.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), papers.size() + 1);

    QStringList header;
    for (const QJsonValue &v : rows.first().toArray())
        header += v.toString();
    QStringList expectedHeader { u"id"_s, u"arxiv_id"_s, u"title"_s, u"authors"_s, u"url"_s };
    if (options.votesAndDates)
        expectedHeader += { u"latest_date"_s, u"votes"_s };
    if (options.summaries)
        expectedHeader += u"summary"_s;
    if (options.notes)
        expectedHeader += { u"note"_s, u"tags"_s };
    QCOMPARE(header, expectedHeader);

    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers[i];
        const QJsonArray row = rows[i + 1].toArray();
        QCOMPARE(row.size(), header.size());
        const auto cell = [&](const QString &column) { return row[header.indexOf(column)].toString(); };
        QCOMPARE(cell(u"id"_s), p.id);
        QCOMPARE(cell(u"arxiv_id"_s), p.arxivId);
        QCOMPARE(cell(u"title"_s), p.title);
        QCOMPARE(cell(u"authors"_s), p.authors.join(u"; "_s));
        QCOMPARE(cell(u"url"_s), p.url.startsWith(u"title:"_s) ? QString() : p.url);
        if (options.votesAndDates) {
            const auto latest = latestOf(p);
            QCOMPARE(cell(u"latest_date"_s), latest ? latest->date.toString(Qt::ISODate) : QString());
            QCOMPARE(cell(u"votes"_s), p.votes() ? QString::number(*p.votes()) : QString());
        }
        if (options.summaries)
            QCOMPARE(cell(u"summary"_s), expectedSummary(p, u"\n"_s));
        if (options.notes) {
            QCOMPARE(cell(u"note"_s), p.user.note);
            QCOMPARE(cell(u"tags"_s), p.user.tags.join(u"; "_s));
        }
    }
    // Records end in CRLF; line breaks inside a quoted summary or note are the text's own.
    QVERIFY(csv.endsWith("\r\n"));
}

void TestExport::cslJsonFields()
{
    const QList<Paper> papers = fixturePapers();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(exportPapers(papers, ExportFormat::CslJson, allOptions()), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonArray items = doc.array();
    QCOMPARE(items.size(), papers.size());
    const QStringList keys = hanji::citationKeys(papers);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        QCOMPARE(item[u"id"_s].toString(), keys[i]); // the BibTeX key
        QVERIFY(item[u"title"_s].isString());
        QVERIFY(QStringList({ u"article"_s, u"webpage"_s }).contains(item[u"type"_s].toString()));
        for (const QJsonValue &author : item[u"author"_s].toArray()) {
            const QJsonObject name = author.toObject();
            QVERIFY2(name.contains(u"literal"_s) != (name.contains(u"family"_s) && name.contains(u"given"_s)), qPrintable(QJsonDocument(name).toJson()));
        }
    }
    const QJsonObject arxiv = items[0].toObject();
    QCOMPARE(arxiv[u"type"_s].toString(), u"article"_s);
    QCOMPARE(arxiv[u"DOI"_s].toString(), u"10.48550/arXiv.2403.01234"_s);
    QCOMPARE(arxiv[u"number"_s].toString(), u"arXiv:2403.01234"_s);
    QCOMPARE(arxiv[u"publisher"_s].toString(), u"arXiv"_s);
    QCOMPARE(arxiv[u"URL"_s].toString(), u"https://arxiv.org/abs/2403.01234"_s);
    QCOMPARE(arxiv[u"issued"_s].toObject()[u"date-parts"_s].toArray()[0].toArray(), (QJsonArray { 2024, 3 }));
    const QJsonArray authors = arxiv[u"author"_s].toArray();
    QCOMPARE(authors[0].toObject(), (QJsonObject { { u"family"_s, u"Müller"_s }, { u"given"_s, u"Jürgen"_s } }));
    QCOMPARE(authors[2].toObject(), (QJsonObject { { u"literal"_s, u"Kim, Minji"_s } })); // a comma: not split by guess
    QCOMPARE(authors[4].toObject(), (QJsonObject { { u"family"_s, u"Gomez"_s }, { u"given"_s, u"Aidan N."_s } }));
    QVERIFY(arxiv[u"annote"_s].toString().startsWith(u"다시 읽기"_s));
    const QJsonObject web = items[1].toObject();
    QCOMPARE(web[u"type"_s].toString(), u"webpage"_s);
    QVERIFY(!web.contains(u"DOI"_s));
    QVERIFY(!items[2].toObject().contains(u"URL"_s)); // a title-only paper has no link to give
    QCOMPARE(items[3].toObject()[u"DOI"_s].toString(), u"10.48550/arXiv.hep-th/9711200"_s);
    QCOMPARE(items[3].toObject()[u"issued"_s].toObject()[u"date-parts"_s].toArray()[0].toArray(), (QJsonArray { 1997, 11 }));
    // Without notes, no note; a Korean name stays whole.
    Paper korean = arxivPaper();
    korean.authors = { u"김민지"_s, u"Plato"_s };
    const QJsonObject bare = QJsonDocument::fromJson(exportPapers({ korean }, ExportFormat::CslJson, ExportOptions {})).array()[0].toObject();
    QVERIFY(!bare.contains(u"annote"_s));
    QCOMPARE(bare[u"author"_s].toArray()[0].toObject(), (QJsonObject { { u"literal"_s, u"김민지"_s } }));
    QCOMPARE(bare[u"author"_s].toArray()[1].toObject(), (QJsonObject { { u"literal"_s, u"Plato"_s } }));
}

void TestExport::cslJsonRendersInPandoc()
{
    if (QStandardPaths::findExecutable(u"pandoc"_s).isEmpty())
        QSKIP("pandoc is not installed (packaging/dev installs it)");
    QTemporaryDir dir;
    QList<Paper> papers = fixturePapers();
    const bool corpus = QFileInfo::exists(QStringLiteral(HANJI_CORPUS_DIR));
    if (corpus)
        papers += corpusPapers().mid(0, 300); // real titles and names, a few hundred of them
    const auto [entries, error] = renderWithPandoc(exportPapers(papers, ExportFormat::CslJson, allOptions()), dir.path());
    QVERIFY2(!entries.isEmpty(), qPrintable(error));
    QVERIFY2(!error.contains(u"not found"_s), qPrintable(error)); // pandoc warns of citations it cannot resolve
    QCOMPARE(entries.size(), papers.size());
    const QString all = comparable(entries.join(u'\n'));
    for (const Paper &paper : std::as_const(papers)) {
        // The title up to its first special character: CSL styles leave words alone but not markup.
        const QString title = comparable(paper.title).section(u'$', 0, 0).trimmed();
        QVERIFY2(all.contains(title), qPrintable(u"no \"%1\" in pandoc's bibliography"_s.arg(title)));
    }
    QVERIFY2(all.contains(u"10.48550/arxiv.2403.01234"_s), qPrintable(entries.first()));
}

void TestExport::otherArchivesFieldsAreExported()
{
    Paper paper;
    paper.id = paper.arxivId = u"2503.04102"_s;
    paper.title = u"闲聊智能体"_s;
    paper.originalTitle = u"Small Talk Agents"_s;
    paper.url = u"https://arxiv.org/abs/2503.04102"_s;
    paper.authors = { u"Dara Okafor"_s };
    paper.categories = { u"cs.HC"_s, u"cs.CL"_s };
    paper.fields = { { u"Keywords"_s, u"trust, dialogue"_s }, { u"Relevance Score"_s, u"8"_s } };
    paper.sections = { { u"TL;DR"_s, u"Small talk helps, at first."_s } };
    paper.appearances = { { QDate(2025, 3, 10), std::nullopt } };

    const QJsonObject o = QJsonDocument::fromJson(exportPapers({ paper }, ExportFormat::Json, allOptions())).array()[0].toObject();
    QCOMPARE(o.value(u"originalTitle"_s).toString(), paper.originalTitle);
    QCOMPARE(o.value(u"categories"_s).toVariant().toStringList(), paper.categories);
    const QJsonArray fields = o.value(u"fields"_s).toArray();
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields[0].toObject().value(u"key"_s).toString(), u"Keywords"_s);
    QCOMPARE(fields[1].toObject().value(u"text"_s).toString(), u"8"_s);

    // Markdown is the Daily Papers format: the fields come back as keyed bullets before the summary.
    const ParsedDigest parsed = DigestParser::parse(exportPapers({ paper }, ExportFormat::Markdown, allOptions()), u"x.md"_s);
    QCOMPARE(parsed.format, u"daily-papers"_s);
    QCOMPARE(parsed.entries.size(), 1);
    QCOMPARE(parsed.entries[0].sections,
             (QList<SummarySection> { { u"Original title"_s, u"Small Talk Agents"_s }, { u"Categories"_s, u"cs.HC, cs.CL"_s },
                                      { u"Keywords"_s, u"trust, dialogue"_s }, { u"Relevance Score"_s, u"8"_s },
                                      { u"TL;DR"_s, u"Small talk helps, at first."_s } }));

    const QString csv = QString::fromUtf8(exportPapers({ paper }, ExportFormat::Csv, allOptions()));
    QVERIFY(csv.contains(u"Keywords: trust, dialogue\nRelevance Score: 8\nTL;DR: Small talk helps, at first."_s));
}

void TestExport::jsonFields()
{
    const QList<Paper> papers = fixturePapers();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(exportPapers(papers, ExportFormat::Json, allOptions()), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), papers.size());
    const QStringList keys = hanji::citationKeys(papers);
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers[i];
        const QJsonObject o = array[i].toObject();
        const auto stringOrNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
        QCOMPARE(o.value(u"id"_s), QJsonValue(p.id));
        QCOMPARE(o.value(u"arxivId"_s), stringOrNull(p.arxivId));
        QCOMPARE(o.value(u"citationKey"_s), QJsonValue(keys[i]));
        QCOMPARE(o.value(u"title"_s), QJsonValue(p.title));
        QCOMPARE(o.value(u"url"_s), stringOrNull(p.url.startsWith(u"title:"_s) ? QString() : p.url));
        QCOMPARE(o.value(u"thumbnailUrl"_s), stringOrNull(p.thumbnailUrl));
        QCOMPARE(o.value(u"videoUrl"_s), stringOrNull(p.videoUrl));
        QCOMPARE(o.value(u"authors"_s).toVariant().toStringList(), p.authors);
        const QJsonArray summary = o.value(u"summary"_s).toArray();
        QCOMPARE(summary.size(), p.sections.size());
        for (qsizetype s = 0; s < summary.size(); ++s) {
            QCOMPARE(summary[s].toObject().value(u"key"_s).toString(), p.sections[s].key);
            QCOMPARE(summary[s].toObject().value(u"text"_s).toString(), p.sections[s].text);
        }
        const QJsonArray appearances = o.value(u"appearances"_s).toArray();
        QCOMPARE(appearances.size(), p.appearances.size());
        for (qsizetype a = 0; a < appearances.size(); ++a) {
            const QJsonObject day = appearances[a].toObject();
            QCOMPARE(QDate::fromString(day.value(u"date"_s).toString(), Qt::ISODate), p.appearances[a].date);
            QCOMPARE(day.value(u"votes"_s).isNull() ? std::nullopt : std::optional<int>(day.value(u"votes"_s).toInt()),
                     p.appearances[a].votes);
        }
        QCOMPARE(o.value(u"votes"_s).isNull() ? std::nullopt : std::optional<int>(o.value(u"votes"_s).toInt()), p.votes());
        QCOMPARE(o.value(u"note"_s).toString(), p.user.note);
        QCOMPARE(o.value(u"tags"_s).toVariant().toStringList(), p.user.tags);
    }

    // Fields of options left off are absent, not empty.
    const QJsonObject bare = QJsonDocument::fromJson(exportPapers(papers, ExportFormat::Json, ExportOptions { .summaries = false,
                                                                                                             .votesAndDates = false }))
                                 .array()
                                 .first()
                                 .toObject();
    for (const QString &absent : { u"summary"_s, u"appearances"_s, u"votes"_s, u"note"_s, u"tags"_s })
        QVERIFY2(!bare.contains(absent), qPrintable(absent));
}

void TestExport::previewIsTheStartOfTheExport_data()
{
    QTest::addColumn<int>("format");
    QTest::addRow("bibtex") << int(ExportFormat::BibTeX);
    QTest::addRow("ris") << int(ExportFormat::Ris);
    QTest::addRow("csv") << int(ExportFormat::Csv);
}

void TestExport::previewIsTheStartOfTheExport()
{
    QFETCH(int, format);
    const QList<Paper> papers = fixturePapers();
    const QByteArray whole = exportPapers(papers, ExportFormat(format), allOptions());
    const QByteArray firstTwo = exportPapers(papers, ExportFormat(format), allOptions(), 2);
    QVERIFY(firstTwo.size() < whole.size());
    QVERIFY(whole.startsWith(firstTwo));
    // The second paper's key is "lee2024worldb" only because of the fifth paper.
    if (ExportFormat(format) == ExportFormat::BibTeX)
        QVERIFY(firstTwo.contains("@misc{lee2024worldb,"));
}

// ------------------------------------------------------------------ order

void TestExport::sortForExport_data()
{
    QTest::addColumn<ExportOrder>("order");
    QTest::addColumn<QStringList>("ids");

    const QStringList listed { u"2403.01234"_s, u"https://example.org/papers/world-model.html"_s,
                               u"title:A Paper Without a Link"_s, u"hep-th/9711200"_s, u"2401.00002"_s };
    QTest::addRow("as listed") << ExportOrder::AsListed << listed;
    QTest::addRow("order bookmarked, unbookmarked last in list order")
        << ExportOrder::Bookmarked << QStringList { listed[1], listed[0], listed[2], listed[3], listed[4] };
    QTest::addRow("newest first, ties in list order, undated last")
        << ExportOrder::Newest << QStringList { listed[0], listed[3], listed[2], listed[1], listed[4] };
    QTest::addRow("most votes first, unknown last")
        << ExportOrder::MostVotes << QStringList { listed[0], listed[3], listed[2], listed[1], listed[4] };
    QTest::addRow("by title") << ExportOrder::Title << QStringList { listed[2], listed[0], listed[3], listed[1], listed[4] };
}

void TestExport::sortForExport()
{
    QFETCH(ExportOrder, order);
    QFETCH(QStringList, ids);
    QList<Paper> papers = fixturePapers();
    hanji::sortForExport(papers, order);
    QStringList got;
    for (const Paper &p : std::as_const(papers))
        got += p.id;
    QCOMPARE(got, ids);
}

// ------------------------------------------------------------------ writing

void TestExport::writeReplacesWhole()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"list.bib"_s);
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write(QByteArray(10000, 'x')); // longer than the export: nothing of it may remain
    old.close();

    const QByteArray bytes = exportPapers(fixturePapers(), ExportFormat::BibTeX, allOptions());
    const Result<> result = writeExport(path, bytes);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), bytes);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { u"list.bib"_s });
}

void TestExport::writeFailureLeavesNothing_data()
{
    QTest::addColumn<QString>("target"); // relative to a fresh temporary folder
    QTest::addRow("the folder does not exist") << u"missing/list.bib"_s;
    QTest::addRow("the target is a folder") << u"folder"_s;
    QTest::addRow("a file stands where a folder should") << u"file.txt/list.bib"_s;
}

void TestExport::writeFailureLeavesNothing()
{
    QFETCH(QString, target);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
    QVERIFY(QFile::copy(QStringLiteral(HANJI_SAMPLES_DIR "/2023/12/28.md"), dir.filePath(u"file.txt"_s)));
    const auto listing = [&] {
        QStringList all;
        QDirIterator it(dir.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext())
            all += it.next();
        all.sort();
        return all;
    };
    const QStringList before = listing();

    const Result<> result = writeExport(dir.filePath(target), "@misc{x,\n}\n");
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(dir.filePath(target)), qPrintable(result.error().message));
    QCOMPARE(listing(), before);
    QCOMPARE(QFileInfo(dir.filePath(u"file.txt"_s)).size(), QFileInfo(QStringLiteral(HANJI_SAMPLES_DIR "/2023/12/28.md")).size());
}

// ------------------------------------------------------------------ the real archive

void TestExport::corpusMarkdownRoundTrips()
{
    if (!QFileInfo::exists(QStringLiteral(HANJI_CORPUS_DIR)))
        QSKIP("no ../shared/corpus beside the checkout: real-archive export tests skipped");
    const QList<Paper> papers = corpusPapers();
    QVERIFY(papers.size() > 1000);
    const QByteArray bytes = exportPapers(papers, ExportFormat::Markdown, allOptions());
    const ParsedDigest parsed = DigestParser::parse(bytes, u"corpus-export.md"_s);
    QVERIFY2(parsed.warnings.isEmpty(), qPrintable(parsed.warnings.isEmpty() ? QString() : parsed.warnings.constFirst().message));
    const QString difference = compareMarkdownRoundTrip(papers, allOptions(), parsed);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestExport::corpusBibTeXParses()
{
    if (!QFileInfo::exists(QStringLiteral(HANJI_CORPUS_DIR)))
        QSKIP("no ../shared/corpus beside the checkout: real-archive export tests skipped");
    if (!pybtexAvailable())
        QSKIP("python3 with pybtex is not installed (packaging/dev installs python3-pybtex)");
    const QList<Paper> papers = corpusPapers();
    const ParsedBib parsed = parseWithPybtex(exportPapers(papers, ExportFormat::BibTeX, allOptions()));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error.right(2000)));
    QCOMPARE(parsed.entries.size(), papers.size());
    QSet<QString> keys;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers[i];
        const QJsonObject entry = parsed.entries[i].toObject();
        const QJsonObject fields = entry.value(u"fields"_s).toObject();
        keys.insert(entry.value(u"key"_s).toString());
        QCOMPARE(fields.value(u"title"_s).toString(), oneLine(p.title));
        QCOMPARE(fields.value(u"eprint"_s).toString(), p.arxivId);
        QCOMPARE(fields.value(u"abstract"_s).toString(), expectedSummary(p, u" "_s));
        QStringList authors;
        for (const QJsonValue &a : entry.value(u"authors"_s).toArray())
            authors += a.toString();
        QStringList expectedAuthors;
        for (const QString &a : p.authors)
            expectedAuthors += oneLine(a);
        QCOMPARE(authors, expectedAuthors);
    }
    QCOMPARE(keys.size(), papers.size());
}

void TestExport::corpusRisCsvJsonRead()
{
    if (!QFileInfo::exists(QStringLiteral(HANJI_CORPUS_DIR)))
        QSKIP("no ../shared/corpus beside the checkout: real-archive export tests skipped");
    const QList<Paper> papers = corpusPapers();

    const QByteArray ris = exportPapers(papers, ExportFormat::Ris, allOptions());
    const RisLines lines = readRisLines(ris);
    QVERIFY2(lines.error.isEmpty(), qPrintable(lines.error));
    QCOMPARE(lines.records.size(), papers.size());
    if (ris2xmlAvailable()) {
        QString error;
        const QList<ModsRecord> records = parseWithRis2xml(ris, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), papers.size());
        for (qsizetype i = 0; i < papers.size(); ++i) {
            QCOMPARE(records[i].title, oneLine(papers[i].title));
            QCOMPARE(records[i].url, papers[i].url);
            QCOMPARE(records[i].abstract, expectedSummary(papers[i], u" "_s));
        }
    }

    const ToolResult csv = runTool(u"python3"_s, { u"-c"_s, QString::fromLatin1(kCsvScript) },
                                   exportPapers(papers, ExportFormat::Csv, ExportOptions { .csvBom = true }));
    if (csv.ran) {
        QVERIFY2(csv.exitCode == 0, csv.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(csv.out).object().value(u"rows"_s).toArray();
        QCOMPARE(rows.size(), papers.size() + 1);
        for (qsizetype i = 0; i < papers.size(); ++i) {
            const QJsonArray row = rows[i + 1].toArray();
            QCOMPARE(row[0].toString(), papers[i].id);
            QCOMPARE(row[2].toString(), papers[i].title);
            QCOMPARE(row[7].toString(), expectedSummary(papers[i], u"\n"_s));
        }
    }

    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(exportPapers(papers, ExportFormat::Json, allOptions()), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.array().size(), papers.size());
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const QJsonObject o = json.array()[i].toObject();
        QCOMPARE(o.value(u"id"_s).toString(), papers[i].id);
        QCOMPARE(o.value(u"authors"_s).toVariant().toStringList(), papers[i].authors);
        QCOMPARE(o.value(u"summary"_s).toArray().size(), papers[i].sections.size());
    }
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
