#include "icons.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The bundled fallbacks are what a desktop without an icon theme shows: each name the
// toolbar and menus use has one, and it draws (the SVG icon engine is there and the SVG valid).
class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyActionHasADrawnFallback_data();
    void everyActionHasADrawnFallback();
    void applicationIconDraws();
    void aThemeIconWins();

private:
    static int colourCount(const QIcon &icon, int size);
};

int TestIcons::colourCount(const QIcon &icon, int size)
{
    const QImage image = icon.pixmap(size, size).toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

void TestIcons::initTestCase()
{
    // No theme at all: only the fallbacks can answer.
    QIcon::setThemeSearchPaths({});
    QIcon::setFallbackSearchPaths({});
    QIcon::setThemeName(u"hanji-test-no-theme"_s);
}

void TestIcons::everyActionHasADrawnFallback_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : { "document-open", "view-refresh", "bookmark-new", "bookmarks", "mail-mark-read",
                              "mail-mark-unread", "document-export", "edit-find", "edit-copy", "help-contents",
                              "help-about", "process-stop", "vcs-pull" })
        QTest::addRow("%s", name) << QString::fromLatin1(name);
}

void TestIcons::everyActionHasADrawnFallback()
{
    QFETCH(QString, name);
    QVERIFY(hanji::bundledIconNames().contains(name));
    const QIcon icon = hanji::actionIcon(name.toLatin1().constData());
    QVERIFY(!icon.isNull());
    // Drawn shapes at toolbar sizes, not an empty or one-colour square.
    QVERIFY2(colourCount(icon, 16) > 3, qPrintable(name));
    QVERIFY2(colourCount(icon, 22) > 3, qPrintable(name));
}

void TestIcons::applicationIconDraws()
{
    QVERIFY(colourCount(hanji::applicationIcon(), 64) > 3);
    QVERIFY(colourCount(hanji::applicationIcon(), 16) > 3);
}

void TestIcons::aThemeIconWins()
{
    // A theme that has the name (here a one-icon theme made on the spot) takes precedence.
    QTemporaryDir themes;
    QVERIFY(themes.isValid());
    QDir(themes.path()).mkpath(u"plain/16x16/actions"_s);
    QFile index(themes.path() + u"/plain/index.theme"_s);
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("[Icon Theme]\nName=plain\nDirectories=16x16/actions\n\n[16x16/actions]\nSize=16\nType=Fixed\n");
    index.close();
    QImage red(16, 16, QImage::Format_ARGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(themes.path() + u"/plain/16x16/actions/edit-find.png"_s));

    QIcon::setThemeSearchPaths({ themes.path() });
    QIcon::setThemeName(u"plain"_s);
    const QImage found = hanji::actionIcon("edit-find").pixmap(16, 16).toImage();
    QCOMPARE(found.pixel(8, 8), QColor(Qt::red).rgb());
    // A name the theme lacks still falls back to ours.
    QVERIFY(colourCount(hanji::actionIcon("process-stop"), 16) > 3);

    QIcon::setThemeSearchPaths({});
    QIcon::setThemeName(u"hanji-test-no-theme"_s);
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
