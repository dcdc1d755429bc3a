#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

// The files the package installs beside the binary agree with it: the man page names every
// command and option the command line has, and the versions and ids match.
class TestPackageFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void manPageHasEveryCommand();
    void manPageHasEveryOption_data();
    void manPageHasEveryOption();
    void versionsAgree();
    void idsAgree();

private:
    static QString hanjiOutput(const QStringList &arguments);
    static QString read(const QString &name);
    // Options as --help lists them ("-f, --format <FORMAT>", "--json"), in roff's spelling.
    static QStringList roffOptions(const QString &help);

    QString m_manPage;
    QStringList m_commands;
};

QString TestPackageFiles::hanjiOutput(const QStringList &arguments)
{
    QProcess hanji;
    hanji.start(QStringLiteral(HANJI_BINARY), arguments);
    if (!hanji.waitForFinished(30000) || hanji.exitCode() != 0)
        qFatal("hanji %s failed: %s", qPrintable(arguments.join(u' ')), hanji.readAllStandardError().constData());
    return QString::fromUtf8(hanji.readAllStandardOutput());
}

QString TestPackageFiles::read(const QString &name)
{
    QFile file(QStringLiteral(HANJI_RESOURCES_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QString::fromUtf8(file.readAll());
}

QStringList TestPackageFiles::roffOptions(const QString &help)
{
    QStringList options;
    static const QRegularExpression option(uR"((?:^|[\s\[,])(--?[a-z][a-z-]*))"_s);
    for (const QRegularExpressionMatch &match : option.globalMatch(help)) {
        QString roff = match.captured(1);
        roff.replace(u'-', u"\\-"_s);
        if (!options.contains(roff))
            options += roff;
    }
    return options;
}

void TestPackageFiles::initTestCase()
{
    m_manPage = read(u"hanji.1"_s);
    // "  check     Read digests…": the command list of hanji --help.
    const QString help = hanjiOutput({ u"--help"_s });
    static const QRegularExpression command(uR"(^  ([a-z]+)  +\S)"_s, QRegularExpression::MultilineOption);
    for (const QRegularExpressionMatch &match : command.globalMatch(help))
        m_commands += match.captured(1);
    QVERIFY2(m_commands.size() >= 8, qPrintable(help));
}

void TestPackageFiles::manPageHasEveryCommand()
{
    for (const QString &command : std::as_const(m_commands))
        QVERIFY2(m_manPage.contains(u"\n.SS "_s + command + u' '), qPrintable(u"no section for "_s + command));
}

void TestPackageFiles::manPageHasEveryOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    // The window's options are on the first line of the general usage.
    QTest::addRow("window") << QStringList { u"--help"_s };
    for (const char *command : { "check", "import", "search", "related", "bookmark", "read", "stats", "show", "export",
                                 "update", "add", "saved", "sync", "userdata" })
        QTest::addRow("%s", command) << QStringList { QString::fromLatin1(command), u"--help"_s };
}

void TestPackageFiles::manPageHasEveryOption()
{
    QFETCH(QStringList, arguments);
    QString help = hanjiOutput(arguments);
    if (arguments.size() == 1)
        help = help.section(u'\n', 0, 0);
    const QStringList options = roffOptions(help);
    QVERIFY2(!options.isEmpty(), qPrintable(help));
    for (const QString &option : options)
        QVERIFY2(m_manPage.contains(option), qPrintable(u"hanji.1 lacks "_s + option));
}

void TestPackageFiles::versionsAgree()
{
    const QString version = QStringLiteral(HANJI_VERSION);
    QCOMPARE(hanjiOutput({ u"--version"_s }), u"hanji "_s + version + u'\n');
    QVERIFY2(m_manPage.contains(QRegularExpression(uR"(\n\.TH HANJI 1 "[^"]+" "Hanji )"_s + QRegularExpression::escape(version))),
             "the man page's .TH names another version");
    // The newest release comes first in AppStream.
    static const QRegularExpression release(uR"re(<release version="([^"]+)")re"_s);
    QCOMPARE(release.match(read(u"io.github.hanji.Hanji.metainfo.xml"_s)).captured(1), version);
}

void TestPackageFiles::idsAgree()
{
    const QString id = u"io.github.hanji.Hanji"_s;
    const QString metainfo = read(id + u".metainfo.xml"_s);
    QVERIFY(metainfo.contains(u"<id>"_s + id + u"</id>"_s));
    QVERIFY(metainfo.contains(u"<launchable type=\"desktop-id\">"_s + id + u".desktop</launchable>"_s));
    const QStringList entry = read(id + u".desktop"_s).split(u'\n');
    QVERIFY(entry.contains(u"Icon="_s + id));
    QVERIFY(QFile::exists(QStringLiteral(HANJI_RESOURCES_DIR "/icons/") + id + u".svg"_s));
    QVERIFY(entry.contains(u"Exec=hanji %F"_s));
    QVERIFY(entry.contains(u"Categories=Office;Education;"_s));
    QVERIFY(std::ranges::any_of(entry, [](const QString &line) { return line.startsWith(u"Name[ko]="_s); }));
    QVERIFY(std::ranges::any_of(entry, [](const QString &line) { return line.startsWith(u"Comment[ko]="_s); }));
}

QTEST_GUILESS_MAIN(TestPackageFiles)
#include "tst_packagefiles.moc"
