#include "aboutdialog.h"

#include <ksyntaxhighlighting_version.h>

#include <QCoreApplication>
#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using hanji::AboutDialog;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheApplicationVersion();
    void namesTheLibraryVersions();
    void saysWhereTheDataComeFrom();
};

void TestAboutDialog::showsTheApplicationVersion()
{
    QCoreApplication::setApplicationVersion(u"9.8.7"_s);
    AboutDialog dialog(u"/home/reader/library"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.versionText(), u"Hanji 9.8.7"_s);
    QCOMPARE(dialog.windowTitle(), u"About Hanji"_s);
}

void TestAboutDialog::namesTheLibraryVersions()
{
    const AboutDialog dialog(u"/home/reader/library"_s);
    const QString components = dialog.componentsText();
    QVERIFY2(components.startsWith(u"Qt "_s + QString::fromLatin1(qVersion())), qPrintable(components));
    QVERIFY2(components.contains(u"KDE Frameworks " KSYNTAXHIGHLIGHTING_VERSION_STRING ""_s), qPrintable(components));
    QVERIFY2(components.contains(u"Chromium "_s), qPrintable(components));
}

void TestAboutDialog::saysWhereTheDataComeFrom()
{
    const AboutDialog dialog(u"/home/reader/library"_s);
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        texts += label->text();
    const QString all = texts.join(u'\n');
    QVERIFY(all.contains(u"your own Markdown files"_s));
    QVERIFY(all.contains(u"on this computer, in /home/reader/library."_s));
    QVERIFY(all.contains(u"Thumbnails are fetched from the links in the digests"_s));
    QVERIFY(all.contains(u"GNU General Public License"_s));
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
