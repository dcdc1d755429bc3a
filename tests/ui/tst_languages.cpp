// The window speaks one language at a time. In English no widget shows a Hangul letter; in
// Korean no widget shows an English word of ours (names such as arXiv and BibTeX aside). The
// texts are read in-process from every widget, action, header and tree label, the dialogs
// open; the digest text is English here, so in English even the paper list is checked.
// And the real binary takes its screenshot in each language, chosen by --lang.

#include "language.h"
#include "library.h"
#include "mainwindow.h"
#include "paperlistmodel.h"
#include "paperview.h"
#include "readeractions.h"
#include "silentpaperview.h"
#include "testpaths.h"
#include "testsupport.h"
#include "thumbnailcache.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace hanji;

Q_DECLARE_METATYPE(hanji::Language)

namespace {

// The pane's text is the digest's; the test reads only the window's own words.
// A text and where it was seen, for the failure message.
struct Shown {
    QString where;
    QString text;
};

void addModel(QList<Shown> &out, const QString &where, const QAbstractItemModel *model, bool cells,
              const QModelIndex &parent = {})
{
    if (!parent.isValid()) {
        for (int column = 0; column < model->columnCount(); ++column) {
            for (int role : { int(Qt::DisplayRole), int(Qt::ToolTipRole) })
                out.append({ where + u" header"_s, model->headerData(column, Qt::Horizontal, role).toString() });
        }
    }
    if (!cells)
        return;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            for (int role : { int(Qt::DisplayRole), int(Qt::ToolTipRole) })
                out.append({ where, index.data(role).toString() });
        }
        addModel(out, where, model, cells, model->index(row, 0, parent));
    }
}

// Every text the window and its dialogs show: actions, menus, labels, buttons, fields,
// tabs, headers, tree labels, tooltips and window titles.
QList<Shown> shownTexts(QWidget *window, bool paperCells)
{
    QList<Shown> out;
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->objectName().startsWith(u"_q_"_s)) // Qt's own (the line edit's clear button)
            continue;
        out.append({ u"action"_s, action->text() });
        out.append({ u"action tooltip"_s, action->toolTip() });
        out.append({ u"action icon text"_s, action->iconText() });
    }
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *widget : std::as_const(widgets)) {
        const QString kind = QString::fromLatin1(widget->metaObject()->className());
        out.append({ kind + u" tooltip"_s, widget->toolTip() });
        if (widget->isWindow())
            out.append({ kind + u" title"_s, widget->windowTitle() });
        if (auto *menu = qobject_cast<QMenu *>(widget))
            out.append({ kind, menu->title() });
        if (auto *toolbar = qobject_cast<QToolBar *>(widget))
            out.append({ kind, toolbar->windowTitle() });
        if (auto *label = qobject_cast<QLabel *>(widget))
            out.append({ kind, label->text() });
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            out.append({ kind, button->text() });
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            out.append({ kind + u" placeholder"_s, edit->placeholderText() });
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(widget))
            out.append({ kind, spin->specialValueText() });
        if (auto *progress = qobject_cast<QProgressBar *>(widget))
            out.append({ kind, progress->format() });
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                out.append({ kind, combo->itemText(i) });
        }
        if (auto *tabs = qobject_cast<QTabWidget *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                out.append({ kind, tabs->tabText(i) });
        }
        if (auto *table = qobject_cast<QTableWidget *>(widget)) {
            // The shortcut help: the descriptions are ours; the key names are Qt's.
            addModel(out, kind, table->model(), false);
            for (int row = 0; row < table->rowCount(); ++row)
                out.append({ kind, table->item(row, 1)->text() });
        } else if (auto *view = qobject_cast<QTreeView *>(widget)) {
            // The paper list's cells are the digests' words; the date tree's are ours.
            const bool papers = view == qobject_cast<MainWindow *>(window)->paperListView();
            addModel(out, papers ? u"paper list"_s : u"date tree"_s, view->model(), !papers || paperCells);
        }
    }
    return out;
}

bool hasHangul(const QString &text)
{
    static const QRegularExpression hangul(u"[\\x{AC00}-\\x{D7A3}\\x{1100}-\\x{11FF}\\x{3130}-\\x{318F}]"_s);
    return text.contains(hangul);
}

// An English word left in a Korean text: two Latin letters or more that are no name, no
// file path and no address. Names stay as they are in Korean too.
QString englishWord(QString text)
{
    static const QRegularExpression markup(u"<[^>]*>|https?://\\S+|/[^\\s)]+"_s);
    static const QStringList names { u"Daily Papers"_s, u"KDE Frameworks"_s, u"arXiv"_s, u"BibTeX"_s,
                                     u"Markdown"_s, u"Hanji"_s, u"QtWebEngine"_s, u"Chromium"_s,
                                     u"KSyntaxHighlighting"_s, u"Qt"_s, u"GNU"_s, u"BOM"_s, u"CSV"_s,
                                     u"JSON"_s, u"RIS"_s, u"Ctrl"_s, u"Shift"_s, u"title"_s, u"author"_s,
                                     u"http"_s, u"https"_s, u"ms"_s, u"git"_s, u"URL"_s, u"CSL"_s, u"Syncthing"_s,
                                     u"Nextcloud"_s, u"Dropbox"_s };
    text.remove(markup);
    for (const QString &name : names)
        text.remove(QRegularExpression(u"\\b%1\\b"_s.arg(QRegularExpression::escape(name))));
    static const QRegularExpression word(u"[A-Za-z]{2,}"_s);
    return word.match(text).captured(0);
}

} // namespace

class TestLanguages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_digests;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"hanji-tests-languages"_s);
        QSettings().clear();
        m_digests = m_dir.filePath(u"digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_TEST_DATA_DIR) + u"/english-digests"_s, m_digests));
    }

    void windowSpeaksOneLanguage_data()
    {
        QTest::addColumn<Language>("language");
        QTest::addRow("English") << Language::English;
        QTest::addRow("Korean") << Language::Korean;
    }

    void windowSpeaksOneLanguage()
    {
        QFETCH(Language, language);
        const auto translations = Translations::install(language);
        QVERIFY2(translations, errorOf(translations).constData());
        QSettings().clear(); // a first start: its hint shows

        QTemporaryDir libraryDir;
        auto opened = Library::open(libraryDir.path());
        QVERIFY2(opened, errorOf(opened).constData());
        ThumbnailCache thumbnails(libraryDir.filePath(u"cache"_s));
        thumbnails.setEnabled(false);
        auto *view = new SilentPaperView;
        MainWindow window(*opened->library, &thumbnails, view);
        view->setParent(&window);
        window.show();

        QList<Shown> texts { { u"first-start hint"_s, window.statusBar()->currentMessage() } };
        QSignalSpy imported(&window, &MainWindow::importFinished);
        window.openFolders({ m_digests });
        QVERIFY(imported.wait(20000));
        texts.append({ u"import report"_s, window.statusBar()->currentMessage() });
        texts.append({ u"paper count"_s, window.statusText() });
        QCOMPARE(window.paperListView()->model()->rowCount(), 3);

        auto *actions = window.findChild<ReaderActions *>();
        QVERIFY(actions);
        QVERIFY(window.selectPaper(u"1706.03762"_s)); // five authors: "… and 2 others"
        actions->bookmark->trigger();
        texts.append({ u"bookmark message"_s, window.statusBar()->currentMessage() });
        actions->copyLink->trigger();
        texts.append({ u"copy message"_s, window.statusBar()->currentMessage() });
        for (QAction *dialog : { actions->exportPapers, actions->shortcuts, actions->about })
            dialog->trigger();
        texts += shownTexts(&window, language == Language::English);

        QStringList wrong;
        int checked = 0;
        for (const Shown &shown : std::as_const(texts)) {
            if (shown.text.isEmpty())
                continue;
            ++checked;
            if (language == Language::English && hasHangul(shown.text))
                wrong += u"%1: %2"_s.arg(shown.where, shown.text);
            if (language == Language::Korean && !hasHangul(shown.text) && !englishWord(shown.text).isEmpty())
                wrong += u"%1: %2 (\"%3\")"_s.arg(shown.where, shown.text, englishWord(shown.text));
        }
        qInfo("%d texts checked", checked);
        QVERIFY2(checked > 150, "the walk found too few texts to mean anything");
        QVERIFY2(wrong.isEmpty(), qPrintable(u"in the other language:\n"_s + wrong.join(u'\n')));

        // The words a reader sees first, as they should read.
        const QString authors = window.paperListView()->currentIndex().siblingAtColumn(PaperListModel::AuthorsColumn).data().toString();
        if (language == Language::English) {
            QCOMPARE(authors, u"Ashish Vaswani, Noam Shazeer, Niki Parmar and 2 others"_s);
            QCOMPARE(window.statusText(), u"3 of 3 papers"_s);
        } else {
            QCOMPARE(authors, u"Ashish Vaswani, Noam Shazeer, Niki Parmar 외 2명"_s);
            QCOMPARE(window.statusText(), u"논문 3개 중 3개"_s);
        }
    }

    void binaryTakesScreenshotsInEachLanguage()
    {
        // The real reader, its settings, library and cache in a home of its own.
        const auto screenshot = [this](const QString &name, const QStringList &options, const QString &lang) {
            const QString home = m_dir.filePath(u"home-"_s + name);
            QDir().mkpath(home);
            QProcess hanji;
            QProcessEnvironment env = hanjiEnvironmentIn(home);
            env.remove(u"LC_ALL"_s);
            env.remove(u"LANGUAGE"_s);
            env.remove(u"LC_MESSAGES"_s);
            env.insert(u"LANG"_s, lang);
            hanji.setProcessEnvironment(env);
            const QString file = m_dir.filePath(name + u".png"_s);
            hanji.start(QStringLiteral(HANJI_BINARY), QStringList { m_digests, u"--library"_s, home + u"/library"_s,
                                                                    u"--screenshot"_s, file } + options);
            hanji.waitForFinished(120000);
            if (hanji.exitStatus() != QProcess::NormalExit || hanji.exitCode() != 0)
                qWarning("hanji %s: %s", qPrintable(name), hanji.readAllStandardError().constData());
            return QImage(file);
        };
        const QImage english = screenshot(u"en"_s, { u"--lang"_s, u"en"_s }, u"ko_KR.UTF-8"_s);
        const QImage korean = screenshot(u"ko"_s, { u"--lang"_s, u"ko"_s }, u"en_US.UTF-8"_s);
        for (const QImage &image : { english, korean }) {
            QVERIFY2(!image.isNull(), "no screenshot");
            QCOMPARE(image.size(), QSize(1440, 880));
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 7) {
                for (int x = 0; x < image.width(); x += 7)
                    colours.insert(image.pixel(x, y));
            }
            QVERIFY2(colours.size() > 20, "a blank window");
        }
        // The menu bar speaks another language. (Pixels cannot tell LANG=ko_KR from --lang ko:
        // fontconfig picks other fonts under a Korean LANG; chooseLanguage's test covers LANG.)
        const QRect menuBar(0, 0, 1440, 20);
        QVERIFY(english.copy(menuBar) != korean.copy(menuBar));
    }

    void unknownLanguageIsRefused()
    {
        const HanjiRun run = runHanji({ u"--lang"_s, u"fr"_s, u"--library"_s, m_dir.filePath(u"unused"_s) });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("unknown language \"fr\" for --lang"), run.err.constData());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"unused"_s))); // refused before the library opens
    }
};

QTEST_MAIN(TestLanguages)
#include "tst_languages.moc"
