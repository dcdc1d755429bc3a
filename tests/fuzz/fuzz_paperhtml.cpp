// The pane's HTML writers on any text: inline Markdown, a whole paper page built from the
// input, and the TeX symbol replacement. The output never holds a script, an event handler,
// a link that is not http(s) or an image from anywhere but the pane's own scheme; the inline
// writer emits only its own few tags.

#include "fuzzcheck.h"
#include "paperhtml.h"
#include "texsymbols.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using hanji::fuzz::check;
using hanji::fuzz::htmlProblem;

namespace {

// A paper whose every text field comes from the input: fields split at NUL bytes.
hanji::Paper paperFrom(const QString &text)
{
    const QStringList fields = text.split(QChar(0));
    const auto field = [&](int i) { return fields.value(i); };
    hanji::Paper paper;
    paper.title = field(0);
    paper.url = field(1);
    paper.arxivId = field(2);
    paper.id = paper.arxivId.isEmpty() ? paper.url : paper.arxivId;
    paper.thumbnailUrl = field(3);
    paper.videoUrl = field(4);
    paper.authors = field(5).split(u',', Qt::SkipEmptyParts);
    paper.user.note = field(6);
    paper.user.tags = field(7).split(u',', Qt::SkipEmptyParts);
    for (int i = 8; i + 1 < fields.size(); i += 2)
        paper.sections.append({ fields.at(i), fields.at(i + 1) });
    paper.appearances.append({ QDate(2024, 6, 3), std::optional<int>(int(text.size() % 300)) });
    return paper;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const QString inlineHtml = hanji::inlineMarkdownToHtml(text);
    check(htmlProblem(inlineHtml).isEmpty(), "inline HTML is safe", htmlProblem(inlineHtml) + u"\n"_s + text);
    static const QRegularExpression tag(u"<(?!/?(?:a|code|strong)[ >]|br>)"_s);
    const auto stray = tag.match(inlineHtml);
    check(!stray.hasMatch(), "the inline writer emits only <a>, <code>, <strong> and <br>",
          inlineHtml.mid(std::max<qsizetype>(0, stray.capturedStart() - 40), 120));

    const QString symbols = hanji::texSymbols(text);
    check(symbols.size() <= text.size() * 4 + 16, "TeX symbols do not make text grow without bound", text);

    const hanji::Paper paper = paperFrom(text);
    for (const bool remoteImages : { true, false }) {
        hanji::PaperHtmlOptions options;
        options.remoteImages = remoteImages;
        const QString page = hanji::paperHtml(paper, options);
        check(htmlProblem(page).isEmpty(), "the paper page is safe", htmlProblem(page) + u"\n"_s + text);
        check(remoteImages || !page.contains(u"<img"_s), "no image when remote images are off", text);
    }
    return 0;
}
