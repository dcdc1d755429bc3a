#pragma once

#include "paper.h"

#include <QString>
#include <QStringView>
#include <QUrl>

#include <optional>

namespace hanji {

// CSS colour values for the summary page. The window picks them from its palette; the
// command line uses light(). Values go into a <style> verbatim, so only colour syntax passes.
struct PaperHtmlColors {
    QString background;
    QString text;
    QString muted; // dates, votes, authors
    QString link;
    QString heading;
    QString border;
    QString codeBackground;
    QString placeholder; // the thumbnail's box while it loads
    bool darkScheme = false; // tells the engine which scheme its own widgets (scrollbars) use

    [[nodiscard]] static PaperHtmlColors light();
    [[nodiscard]] static PaperHtmlColors dark();
};

// A paper like the one shown, listed under its summary; a click selects it in the list.
struct RelatedLink {
    QString id;
    QString title;
};

struct PaperHtmlOptions {
    PaperHtmlColors colors = PaperHtmlColors::light();
    bool remoteImages = true; // off: no <img> for the thumbnail at all
    QList<RelatedLink> related; // none: no "Related papers" section
};

// The pane's URL scheme; pages and thumbnails are served from it, nothing else is loaded.
inline constexpr QStringView paperUrlScheme = u"hanji";

// "hanji://thumbnail/<key>": the key names a remote thumbnail URL without putting it in
// the page, so the page cannot make the engine fetch anything remote by itself.
[[nodiscard]] QString thumbnailKey(QStringView remoteUrl);
[[nodiscard]] QString thumbnailPageUrl(QStringView remoteUrl);

// Digest text with its inline Markdown ([text](url), bare http(s) URLs, **bold**, `code`)
// as HTML; everything else, raw HTML included, escaped. Only http(s) links become <a>.
[[nodiscard]] QString inlineMarkdownToHtml(QStringView text);

// The complete page the summary pane shows, and `hanji show --html` prints.
[[nodiscard]] QString paperHtml(const Paper &paper, const PaperHtmlOptions &options);

// "hanji://select/?id=<id>": the link of a related paper, which the pane turns into a
// selection in the list instead of a navigation; and the id such a URL names.
[[nodiscard]] QString selectPaperUrl(const QString &id);
[[nodiscard]] std::optional<QString> selectedPaperId(const QUrl &url);

// A page with nothing on it but the colours, for when no paper is selected.
[[nodiscard]] QString emptyPaperHtml(const PaperHtmlOptions &options);

// The paper as plain text for `hanji show`.
[[nodiscard]] QString paperText(const Paper &paper);

} // namespace hanji
