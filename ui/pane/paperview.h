#pragma once

#include "paper.h"
#include "paperhtml.h"

#include <QObject>
#include <QUrl>

class QWidget;

namespace hanji {

// The summary pane as the window sees it, so tests and a fallback can stand in for
// QtWebEngine. Links never open inside the pane: they come out as externalLinkRequested,
// for the window to open (or refuse) in the system browser.
class PaperView : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void showPaper(const Paper &paper) = 0;
    // The "Related papers" listed under the next paper shown; stand-ins may ignore them.
    virtual void setRelatedPapers(const QList<RelatedLink> &links) { Q_UNUSED(links) }
    virtual void clear() = 0;
    virtual void scrollPage() = 0; // Space
    virtual void scrollPageBack() = 0; // Shift+Space
    [[nodiscard]] virtual QWidget *widget() const = 0;

Q_SIGNALS:
    void externalLinkRequested(const QUrl &url);
    // A related paper's link was clicked: the window selects it.
    void paperLinkRequested(const QString &id);
};

} // namespace hanji
