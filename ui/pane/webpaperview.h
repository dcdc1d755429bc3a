#pragma once

#include "paperhtml.h"
#include "paperview.h"

#include <optional>

class QPalette;
class QWebEnginePage;
class QWebEngineProfile;
class QWebEngineView;

namespace hanji {

class PaneSchemeHandler;
class ThumbnailCache;

// The summary pane on QtWebEngine: an off-the-record profile of its own with JavaScript,
// plugins and local file access off, pages served by PaneSchemeHandler, every navigation
// refused and http(s) link clicks sent out as externalLinkRequested. Follows the palette.
class WebPaperView : public PaperView
{
    Q_OBJECT
public:
    // The view is made a child of parentWidget; this object lives exactly as long as the view.
    explicit WebPaperView(ThumbnailCache *thumbnails, QWidget *parentWidget = nullptr);
    ~WebPaperView() override;

    void showPaper(const Paper &paper) override;
    void setRelatedPapers(const QList<RelatedLink> &links) override;
    void clear() override;
    void scrollPage() override;
    void scrollPageBack() override;
    [[nodiscard]] QWidget *widget() const override;

    [[nodiscard]] QWebEngineView *webView() const { return m_view; }
    [[nodiscard]] PaneSchemeHandler *schemeHandler() const { return m_scheme; }
    // What the next render uses: colours from the palette, images if the cache is on.
    [[nodiscard]] PaperHtmlOptions htmlOptions() const;

    [[nodiscard]] static PaperHtmlColors colorsFor(const QPalette &palette);

Q_SIGNALS:
    // Something in the page tried to load from outside our scheme and was stopped; the
    // last line of defence behind navigation refusal and the page's CSP, so never expected.
    void requestBlocked(const QUrl &url);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void render();
    void sendKey(int key, Qt::KeyboardModifiers modifiers);

    QWebEngineView *m_view;
    QWebEngineProfile *m_profile;
    PaneSchemeHandler *m_scheme;
    QWebEnginePage *m_page;
    ThumbnailCache *m_thumbnails;
    std::optional<Paper> m_paper;
    QList<RelatedLink> m_related;
    QString m_renderedColors; // the colours of what is on screen, to skip needless reloads
};

} // namespace hanji
