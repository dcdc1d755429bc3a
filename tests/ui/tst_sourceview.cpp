#include "sourceview.h"

#include "digestparser.h"
#include "testpaths.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QFile>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using hanji::SourceView;
using KSyntaxHighlighting::Theme;

namespace {

QString sampleMarkdown()
{
    const auto result = hanji::readDigestFile(QStringLiteral(HANJI_SAMPLES_DIR "/2024/06/03.md"));
    if (!result || result->entries.isEmpty())
        return {};
    return result->entries.constFirst().markdown;
}

double luminance(QColor c)
{
    const auto ch = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
}

// Pixels of the text area that clearly stand out from its background: text a reader can
// see, not merely text drawn in a colour a shade away from the background.
int inkPixels(SourceView &view)
{
    const QImage image = view.viewport()->grab().toImage();
    const double background = luminance(view.palette().color(QPalette::Base));
    int ink = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (std::abs(luminance(image.pixelColor(x, y)) - background) > 0.2)
                ++ink;
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
    return palette;
}

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
    palette.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
    return palette;
}

double contrast(QColor a, QColor b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestSourceView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void markdownDefinitionAndReadOnly();
    void textIsVisible_data();
    void textIsVisible();

private:
    KSyntaxHighlighting::Repository m_repository;
    QString m_markdown;
};

void TestSourceView::initTestCase()
{
    m_markdown = sampleMarkdown();
    QVERIFY(m_markdown.startsWith(u"### [An Image is Worth"_s));
    QVERIFY(m_repository.definitionForName(u"Markdown"_s).isValid());
}

void TestSourceView::markdownDefinitionAndReadOnly()
{
    SourceView view(&m_repository);
    view.setMarkdown(m_markdown);
    // Highlighted once shown (the definition is loaded then).
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.highlighter()->definition().name(), u"Markdown"_s);
    QVERIFY(view.isReadOnly());
    QCOMPARE(view.toPlainText(), m_markdown);
    // Highlighting is on: the heading line carries formats.
    QVERIFY(!view.document()->firstBlock().layout()->formats().isEmpty());
}

void TestSourceView::textIsVisible_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<bool>("dark");
    QTest::addRow("light palette") << lightPalette() << false;
    QTest::addRow("dark palette") << darkPalette() << true;
}

void TestSourceView::textIsVisible()
{
    QFETCH(QPalette, palette);
    QFETCH(bool, dark);

    QWidget window;
    window.setPalette(dark ? lightPalette() : darkPalette()); // start in the other scheme
    auto *layout = new QVBoxLayout(&window);
    auto *view = new SourceView(&m_repository, &window);
    layout->addWidget(view);
    window.resize(700, 500);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(inkPixels(*view) < 50); // the measure sees (almost) nothing where nothing is written

    window.setPalette(palette); // the system switching light/dark
    view->setMarkdown(m_markdown);
    const int ink = inkPixels(*view);
    QVERIFY2(ink > 2000, qPrintable(u"only %1 pixels of visible text"_s.arg(ink)));
    QCOMPARE(view->highlighter()->theme().name().contains(u"Dark"_s), dark);
    QCOMPARE(view->highlighter()->theme().name(),
             m_repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                            : KSyntaxHighlighting::Repository::LightTheme)
                 .name());

    // For a person to look at: set HANJI_SCREENSHOT_DIR to keep PNGs of the view.
    if (const QString dir = qEnvironmentVariable("HANJI_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(window.grab().save(dir + (dark ? u"/source-dark.png"_s : u"/source.png"_s)));

    const QColor background = view->palette().color(QPalette::Base);
    QCOMPARE(luminance(background) < 0.2, dark);
    const QColor text = QColor::fromRgb(view->highlighter()->theme().textColor(Theme::Normal));
    QVERIFY2(contrast(text, background) > 4.5, qPrintable(text.name() + u" on "_s + background.name()));

}

QTEST_MAIN(TestSourceView)
#include "tst_sourceview.moc"
