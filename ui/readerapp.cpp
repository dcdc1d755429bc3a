#include "readerapp.h"

#include "icons.h"

#include "language.h"
#include "library.h"
#include "insightsview.h"
#include "mainwindow.h"
#include "paperfilterproxy.h"
#include "paperview.h"
#include "scenegraphchoice.h"
#include "thumbnailcache.h"
#include "webpaperview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>
#include <QWebEngineView>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// --screenshot: once the rows are in, the import is done and the paper shown (its page
// loaded), grab the window and quit.
void captureWhenReady(MainWindow &window, const QString &file, const QString &selectId, bool insights)
{
    auto done = std::make_shared<bool>(false); // both triggers below may fire: capture once
    const auto capture = [&window, file, done] {
        if (*done)
            return;
        *done = true;
        // Give the engine a moment to paint the page it has loaded.
        QTimer::singleShot(1200, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            if (!saved)
                std::fprintf(stderr, "hanji: cannot write %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        });
    };
    const auto selectAndCapture = [&window, selectId, capture, insights] {
        if (selectId.isEmpty() || !window.selectPaper(selectId)) {
            if (!selectId.isEmpty())
                std::fprintf(stderr, "hanji: no paper %s in the list\n", qPrintable(selectId));
            window.paperListView()->setFocus();
            if (window.currentPaperId().isEmpty() && window.paperListView()->model()->rowCount() > 0)
                window.paperListView()->setCurrentIndex(window.paperListView()->model()->index(0, 2));
        }
        if (insights) {
            window.showInsights(true);
            window.insightsView()->refreshNow();
            QTimer::singleShot(0, &window, capture);
            return;
        }
        if (auto *web = qobject_cast<WebPaperView *>(window.paperView()))
            QObject::connect(web->webView(), &QWebEngineView::loadFinished, &window, capture);
        QTimer::singleShot(8000, &window, capture); // never wait forever
    };
    const auto whenImported = [&window, selectAndCapture] {
        if (window.isImporting())
            QObject::connect(&window, &MainWindow::importFinished, &window, selectAndCapture, Qt::SingleShotConnection);
        else
            QTimer::singleShot(0, &window, selectAndCapture);
    };
    // The rows are read on a worker first; an import asked for meanwhile runs after them.
    if (window.isLoading())
        QObject::connect(&window, &MainWindow::rowsLoaded, &window, whenImported, Qt::SingleShotConnection);
    else
        whenImported();
}

} // namespace

int runReader(QApplication &app)
{
    // The desktop entry's id: Wayland and the task bar find our name and icon through it.
    QGuiApplication::setDesktopFileName(u"io.github.hanji.Hanji"_s);
    QApplication::setWindowIcon(applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Hanji, a reader for daily AI-paper digests."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"FOLDER"_s, u"Folders of digest files to open (added to the library)."_s, u"[FOLDER…]"_s);
    const QCommandLineOption library(u"library"_s, u"The library folder (default: %1)."_s.arg(Library::defaultDirectory()),
                                     u"DIR"_s);
    const QCommandLineOption screenshot(u"screenshot"_s, u"Write a PNG of the window once loaded, then exit."_s, u"FILE"_s);
    const QCommandLineOption select(u"select"_s, u"Show this paper (arXiv id) first."_s, u"ID"_s);
    const QCommandLineOption lang(u"lang"_s,
                                  u"The interface language: ko or en (default: the desktop's, or English)."_s,
                                  u"LANG"_s);
    const QCommandLineOption insights(u"insights"_s, u"With --screenshot: show the Insights tab, wide."_s);
    parser.addOptions({ library, screenshot, select, lang, insights });
    parser.process(app);

    // Before any window exists: every tr() from here on speaks the chosen language.
    const Result<Language> language = chooseLanguage(parser.value(lang), QLocale::system().uiLanguages());
    if (!language) {
        std::fprintf(stderr, "hanji: %s\n", qPrintable(language.error().message));
        return 2;
    }
    Result<std::unique_ptr<Translations>> translations = Translations::install(*language);
    if (!translations) // the window still works, in English
        std::fprintf(stderr, "hanji: %s\n", qPrintable(translations.error().message));

    Result<Library::Opened> opened = Library::open(parser.value(library));
    if (!opened) {
        const QString message = opened.error().message;
        std::fprintf(stderr, "hanji: %s\n", qPrintable(message));
        if (!parser.isSet(screenshot))
            QMessageBox::critical(nullptr, u"Hanji"_s, message);
        return 1;
    }
    ThumbnailCache thumbnails(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/thumbnails"_s);
    MainWindow window(*opened->library, &thumbnails); // restores the saved geometry, or a default size
    endStartWithoutOpenGl(); // QtWebEngine has started with the pane
    if (parser.isSet(screenshot))
        window.resize(parser.isSet(insights) ? QSize(1920, 1200) : QSize(1440, 880)); // the same picture on every machine
    window.show();

    for (const QString &notice : std::as_const(opened->notices))
        QMessageBox::information(&window, u"Hanji"_s, notice);

    window.showLastPaper();
    if (!parser.positionalArguments().isEmpty())
        window.openFolders(parser.positionalArguments());
    else
        window.rescan(); // catch up with what changed while the reader was closed

    if (parser.isSet(screenshot))
        captureWhenReady(window, parser.value(screenshot), parser.value(select), parser.isSet(insights));
    else if (parser.isSet(select))
        QObject::connect(&window, &MainWindow::importFinished, &window,
                         [&window, id = parser.value(select)] { window.selectPaper(id); }, Qt::SingleShotConnection);
    return app.exec();
}

} // namespace hanji
