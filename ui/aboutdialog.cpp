#include "aboutdialog.h"

#include "icons.h"

#include <ksyntaxhighlighting_version.h>

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QtWebEngineCore/qtwebenginecoreglobal.h>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

QLabel *paragraph(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    return label;
}

} // namespace

AboutDialog::AboutDialog(const QString &libraryDirectory, QWidget *parent)
    : QDialog(parent)
    , m_version(new QLabel(this))
    , m_components(new QLabel(this))
{
    setWindowTitle(tr("About Hanji"));

    auto *icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    m_version->setText(tr("Hanji %1").arg(QCoreApplication::applicationVersion()));
    QFont title = m_version->font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    title.setBold(true);
    m_version->setFont(title);
    m_version->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Only the versions go through arg(): the library names are not translated.
    m_components->setText(tr("Qt %1 (built with %2)\nQtWebEngine %3, Chromium %4\nKDE Frameworks %5 (KSyntaxHighlighting)")
                              .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                                   QString::fromLatin1(qWebEngineVersion()),
                                   QString::fromLatin1(qWebEngineChromiumVersion()),
                                   QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING)));
    m_components->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *text = new QVBoxLayout;
    text->addWidget(m_version);
    text->addWidget(paragraph(tr("A reader for daily AI-paper digests."), this));
    text->addWidget(paragraph(tr("The digests are your own Markdown files: Hanji reads them and never changes "
                                 "them. Your bookmarks, notes and read state are kept in a library on this "
                                 "computer, in %1. Thumbnails are fetched from the links in the digests, only "
                                 "for the paper on screen, and can be turned off in the View menu.")
                                  .arg(libraryDirectory.toHtmlEscaped()),
                              this));
    text->addWidget(paragraph(tr("Licensed under the <a href=\"%1\">GNU General Public License</a>, version 3 "
                                 "or later.")
                                  .arg(u"https://www.gnu.org/licenses/gpl-3.0.html"_s),
                              this));
    text->addWidget(m_components);
    text->addStretch();

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

QString AboutDialog::versionText() const
{
    return m_version->text();
}

QString AboutDialog::componentsText() const
{
    return m_components->text();
}

} // namespace hanji
