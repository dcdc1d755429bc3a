#include "exportdialog.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace hanji;

Q_DECLARE_METATYPE(hanji::ExportFormat)

namespace {

// Seven papers, more than the preview shows; titles in the order they were added.
QList<Paper> readingList()
{
    QList<Paper> papers;
    for (int i = 1; i <= 7; ++i) {
        Paper p;
        p.id = p.arxivId = u"2406.%1"_s.arg(10000 + i);
        p.url = u"https://arxiv.org/abs/"_s + p.arxivId;
        p.title = u"Paper %1: 긴 문맥 모델 (%2)"_s.arg(i).arg(QChar(u'A' + 7 - i));
        p.authors = { u"Author %1 Kim"_s.arg(QChar(u'A' + i)), u"Jane Doe"_s };
        p.sections = { { u"What's New"_s, u"요약 %1: 새로운 방법."_s.arg(i) }, { QString(), u"일반 글머리표."_s } };
        p.appearances = { { QDate(2024, 6, i), 10 * i } };
        p.user.bookmarked = true;
        p.user.bookmarkedAt = QDateTime(QDate(2024, 6, 20), QTime(8, i), QTimeZone::UTC);
        p.user.note = u"메모 %1"_s.arg(i);
        papers.append(p);
    }
    return papers;
}

struct Sources {
    QList<Paper> bookmarks = readingList();
    QList<Paper> shown = readingList().mid(2, 3);
    QList<Paper> selected = { readingList().at(5) };
    int calls = 0;

    ExportDialog::PapersFor function()
    {
        return [this](ExportSource source) {
            ++calls;
            switch (source) {
            case ExportSource::Bookmarks:
                return bookmarks;
            case ExportSource::Shown:
                return shown;
            case ExportSource::Selected:
                return selected;
            }
            return QList<Paper>();
        };
    }
};

QString shownText(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text.remove(u'\r');
}

template<typename T>
T *child(QObject &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    Q_ASSERT(found);
    return found;
}

QString definitionInUse(ExportDialog &dialog)
{
    const auto *highlighter = dialog.findChild<KSyntaxHighlighting::SyntaxHighlighter *>(u"previewHighlighter"_s);
    return highlighter && highlighter->definition().isValid() ? highlighter->definition().name() : QString();
}

double luminance(QColor c)
{
    const auto ch = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
}

struct Ink {
    int visible = 0; // pixels far from the background's luminance: text a reader can see
    int coloured = 0; // pixels of a clear hue, well away from the background: highlighting, not grey antialiasing
};

Ink inkOf(QPlainTextEdit *view)
{
    const QImage image = view->viewport()->grab().toImage();
    const QColor base = view->palette().color(QPalette::Base);
    const double background = luminance(base);
    Ink ink;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(luminance(c) - background) > 0.2)
                ++ink.visible;
            const int distance = std::max({ std::abs(c.red() - base.red()), std::abs(c.green() - base.green()),
                                            std::abs(c.blue() - base.blue()) });
            if (c.hsvSaturation() > 90 && distance > 60)
                ++ink.coloured;
        }
    }
    return ink;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Base, QColor(0x18, 0x19, 0x1b));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Button, QColor(0x2a, 0x2c, 0x30));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    return palette;
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void definitionsExist_data();
    void definitionsExist();
    void previewFollowsFormat_data();
    void previewFollowsFormat();
    void previewFollowsSourceOrderAndOptions();
    void bomOnlyForCsv();
    void emptySourceDisablesExport();
    void copyPutsTheWholeExportOnTheClipboard();
    void saveWritesTheWholeExport();
    void previewTextIsVisible_data();
    void previewTextIsVisible();
    void shortcutCopiesSelectionAsBibTeX();
};

void TestExportDialog::definitionsExist_data()
{
    QTest::addColumn<QString>("name");
    QTest::addRow("Markdown") << u"Markdown"_s;
    QTest::addRow("BibTeX") << u"BibTeX"_s;
    QTest::addRow("JSON") << u"JSON"_s;
}

void TestExportDialog::definitionsExist()
{
    QFETCH(QString, name);
    KSyntaxHighlighting::Repository repository;
    const auto definition = repository.definitionForName(name);
    QVERIFY2(definition.isValid(), qPrintable(name));
    QCOMPARE(definition.name(), name);
}

void TestExportDialog::previewFollowsFormat_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("startsWith");

    QTest::addRow("Markdown, highlighted as Markdown") << ExportFormat::Markdown << u"Markdown"_s << u"# Daily Papers\n"_s;
    QTest::addRow("BibTeX, highlighted as BibTeX") << ExportFormat::BibTeX << u"BibTeX"_s << u"@misc{"_s;
    QTest::addRow("RIS, plain") << ExportFormat::Ris << QString() << u"TY  - GEN\n"_s;
    QTest::addRow("CSV, plain") << ExportFormat::Csv << QString() << u"id,arxiv_id,title"_s;
    QTest::addRow("JSON, highlighted as JSON") << ExportFormat::Json << u"JSON"_s << u"[\n"_s;
    QTest::addRow("CSL-JSON, highlighted as JSON") << ExportFormat::CslJson << u"JSON"_s << u"[\n    {\n"_s;
}

void TestExportDialog::previewFollowsFormat()
{
    QFETCH(ExportFormat, format);
    QFETCH(QString, definition);
    QFETCH(QString, startsWith);
    Sources sources;
    ExportDialog dialog(sources.function());
    QCOMPARE(sources.calls, 3);

    auto *formats = child<QComboBox>(dialog, u"format"_s);
    formats->setCurrentIndex(formats->findText(formatTitle(format)));
    QCOMPARE(dialog.format(), format);

    const QString preview = child<QPlainTextEdit>(dialog, u"preview"_s)->toPlainText();
    QCOMPARE(preview, shownText(exportPapers(sources.bookmarks, format, dialog.options(), ExportDialog::kPreviewPapers)));
    QVERIFY2(preview.startsWith(startsWith), qPrintable(preview.left(80)));
    QVERIFY(preview.contains(u"Paper 5:"_s));
    QVERIFY(!preview.contains(u"Paper 6:"_s)); // only the first five
    dialog.show(); // the preview loads its definition once it shows
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(definitionInUse(dialog), definition);
    QCOMPARE(sources.calls, 3); // switching formats does not ask for the papers again
}

void TestExportDialog::previewFollowsSourceOrderAndOptions()
{
    Sources sources;
    ExportDialog dialog(sources.function());
    dialog.setFormat(ExportFormat::Csv);
    auto *preview = child<QPlainTextEdit>(dialog, u"preview"_s);
    const auto rows = [&] { return preview->toPlainText().split(u'\n', Qt::SkipEmptyParts); };

    auto *source = child<QComboBox>(dialog, u"source"_s);
    QCOMPARE(source->itemText(0), u"Reading list (7 bookmarked)"_s);
    QCOMPARE(source->itemText(2), u"Selected papers (1)"_s);
    source->setCurrentIndex(source->findData(int(ExportSource::Selected)));
    QVERIFY(preview->toPlainText().contains(u"Paper 6:"_s));
    QVERIFY(!preview->toPlainText().contains(u"Paper 1:"_s));
    source->setCurrentIndex(source->findData(int(ExportSource::Shown)));
    QVERIFY(rows().at(1).startsWith(u"2406.10003,"_s));

    // Shown are papers 3, 4 and 5 with 30, 40 and 50 votes: most votes first puts 5 first.
    auto *order = child<QComboBox>(dialog, u"order"_s);
    order->setCurrentIndex(order->findData(int(ExportOrder::MostVotes)));
    QVERIFY(rows().at(1).startsWith(u"2406.10005,"_s));
    QCOMPARE(dialog.papers().constFirst().id, u"2406.10005"_s);

    // Options change the text: no summary column without summaries.
    QVERIFY(rows().constFirst().contains(u"summary"_s));
    child<QCheckBox>(dialog, u"summaries"_s)->setChecked(false);
    QVERIFY(!rows().constFirst().contains(u"summary"_s));
    QVERIFY(!preview->toPlainText().contains(u"새로운 방법"_s));
    child<QCheckBox>(dialog, u"notes"_s)->setChecked(true);
    QVERIFY(preview->toPlainText().contains(u"메모 5"_s));
}

void TestExportDialog::bomOnlyForCsv()
{
    Sources sources;
    ExportDialog dialog(sources.function());
    auto *bom = child<QCheckBox>(dialog, u"csvBom"_s);
    QVERIFY(!bom->isEnabled());
    dialog.setFormat(ExportFormat::Csv);
    QVERIFY(bom->isEnabled());
    bom->setChecked(true);
    QVERIFY(dialog.exportedBytes().startsWith("\xEF\xBB\xBF"));
    // The mark is for the file; the preview shows text.
    QVERIFY(child<QPlainTextEdit>(dialog, u"preview"_s)->toPlainText().startsWith(u"id,"_s));
    dialog.setFormat(ExportFormat::Json);
    QVERIFY(!bom->isEnabled());
}

void TestExportDialog::emptySourceDisablesExport()
{
    Sources sources;
    sources.selected.clear();
    ExportDialog dialog(sources.function());
    dialog.setSource(ExportSource::Selected);
    QVERIFY(!child<QPushButton>(dialog, u"copy"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, u"save"_s)->isEnabled());
    dialog.setSource(ExportSource::Bookmarks);
    QVERIFY(child<QPushButton>(dialog, u"copy"_s)->isEnabled());
}

void TestExportDialog::copyPutsTheWholeExportOnTheClipboard()
{
    Sources sources;
    ExportDialog dialog(sources.function());
    dialog.setFormat(ExportFormat::BibTeX);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(child<QPushButton>(dialog, u"copy"_s), Qt::LeftButton);
    const QString copied = QGuiApplication::clipboard()->text();
    QCOMPARE(copied, shownText(exportPapers(sources.bookmarks, ExportFormat::BibTeX, dialog.options())));
    QCOMPARE(copied.count(u"@misc{"_s), 7); // all of them, not the preview's five
    QVERIFY(child<QLabel>(dialog, u"status"_s)->text().contains(u"7"_s));
}

void TestExportDialog::saveWritesTheWholeExport()
{
    Sources sources;
    ExportDialog dialog(sources.function());
    dialog.setFormat(ExportFormat::Ris);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Result<> result = dialog.saveTo(dir.filePath(u"list.ris"_s));
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QFile file(dir.filePath(u"list.ris"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), exportPapers(sources.bookmarks, ExportFormat::Ris, dialog.options()));

    const Result<> failed = dialog.saveTo(dir.filePath(u"no/such/folder/list.ris"_s));
    QVERIFY(!failed);
    QVERIFY(!failed.error().message.isEmpty());
}

void TestExportDialog::previewTextIsVisible_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("highlighted");

    QTest::addRow("Markdown, light") << ExportFormat::Markdown << false << true;
    QTest::addRow("BibTeX, light") << ExportFormat::BibTeX << false << true;
    QTest::addRow("JSON, light") << ExportFormat::Json << false << true;
    QTest::addRow("CSV, light, plain") << ExportFormat::Csv << false << false;
    QTest::addRow("Markdown, dark") << ExportFormat::Markdown << true << true;
    QTest::addRow("BibTeX, dark") << ExportFormat::BibTeX << true << true;
    QTest::addRow("RIS, dark, plain") << ExportFormat::Ris << true << false;
}

void TestExportDialog::previewTextIsVisible()
{
    QFETCH(ExportFormat, format);
    QFETCH(bool, dark);
    QFETCH(bool, highlighted);

    Sources sources;
    ExportDialog dialog(sources.function());
    if (dark)
        dialog.setPalette(darkPalette());
    dialog.setFormat(format);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *preview = child<QPlainTextEdit>(dialog, u"preview"_s);

    if (const QString dir = qEnvironmentVariable("HANJI_SCREENSHOT_DIR"); !dir.isEmpty()) {
        const QString name = u"exportdialog-%1%2.png"_s.arg(formatName(format), dark ? u"-dark"_s : QString());
        QVERIFY(dialog.grab().save(QDir(dir).filePath(name)));
    }

    // The highlighter ran: several text colours exactly when a definition is on.
    QSet<QRgb> colours;
    for (QTextBlock block = preview->document()->firstBlock(); block.isValid(); block = block.next()) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (range.format.hasProperty(QTextFormat::ForegroundBrush))
                colours.insert(range.format.foreground().color().rgb());
        }
    }
    QVERIFY2((colours.size() > 1) == highlighted, qPrintable(u"%1 text colours"_s.arg(colours.size())));
    QCOMPARE(luminance(preview->palette().color(QPalette::Base)) < 0.5, dark);

    const Ink ink = inkOf(preview);
    const int area = preview->viewport()->width() * preview->viewport()->height();
    QVERIFY2(ink.visible > area / 200, qPrintable(u"%1 of %2 pixels show text"_s.arg(ink.visible).arg(area)));
    if (highlighted)
        QVERIFY2(ink.coloured > 100, qPrintable(u"%1 coloured pixels"_s.arg(ink.coloured)));
    else
        QCOMPARE(ink.coloured, 0);
}

void TestExportDialog::shortcutCopiesSelectionAsBibTeX()
{
    Sources sources;
    QWidget window;
    window.resize(300, 200);
    QAction *action = addCopyBibTeXAction(&window, [&] { return sources.bookmarks.mid(1, 2); });
    QCOMPARE(action->shortcut(), QKeySequence(u"Ctrl+Shift+B"_s));
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QGuiApplication::clipboard()->clear();
    QTest::keyClick(&window, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    const QString copied = QGuiApplication::clipboard()->text();
    QCOMPARE(copied.count(u"@misc{"_s), 2);
    QVERIFY(copied.contains(u"eprint = {2406.10002}"_s));
    QVERIFY(copied.contains(u"eprint = {2406.10003}"_s));
    QVERIFY(!copied.contains(u"abstract"_s)); // citations only
    QCOMPARE(copied, QString::fromUtf8(exportPapers(sources.bookmarks.mid(1, 2), ExportFormat::BibTeX,
                                                    ExportOptions { .summaries = false, .notes = false })));
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
