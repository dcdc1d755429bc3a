// The translations are complete and current: lupdate, run on the sources as the update target
// runs it, finds nothing that hanji_ko.ts (or hanji_en.ts, for English plurals) lacks, and
// every message there has a finished translation that keeps the placeholders of its source.
// And the language is chosen as documented: --lang, else the desktop's languages, else English.

#include "language.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace hanji;

Q_DECLARE_METATYPE(hanji::Language)

namespace {

struct Message {
    QString context;
    QString source;
    QString comment; // the disambiguation
    QString type; // "" when finished, else unfinished, vanished or obsolete
    QStringList forms; // one translation, or one per plural form
    bool numerus = false;
};

using Key = std::tuple<QString, QString, QString>;

QString describe(const Key &key)
{
    const auto &[context, source, comment] = key;
    return u"%1: \"%2\"%3"_s.arg(context, source, comment.isEmpty() ? QString() : u" (%1)"_s.arg(comment));
}

// Every message of a .ts file, by context, source and disambiguation.
Result<QMap<Key, Message>> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    QMap<Key, Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = Message();
            message.context = context;
            message.numerus = xml.attributes().value(u"numerus") == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(u"type").toString();
            if (!message.numerus) {
                message.forms = { xml.readElementText() };
            } else {
                while (xml.readNextStartElement()) // numerusform elements
                    message.forms.append(xml.readElementText());
            }
            messages.insert({ message.context, message.source, message.comment }, message);
        }
    }
    if (xml.hasError())
        return failure(u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString()));
    return messages;
}

// The placeholders a translation must keep: %1…%99 (and %L1), %n (and %Ln).
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(\\d+|n)"_s);
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.append(match.captured(0).remove(u'L'));
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completeAndCurrent_data();
    void completeAndCurrent();
    void chooseLanguage_data();
    void chooseLanguage();
    void localeFollowsTheLanguage();
    void installAndRemove();
};

void TestTranslations::completeAndCurrent_data()
{
    QTest::addColumn<QString>("committed");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("extraOptions");
    QTest::addColumn<int>("pluralForms");
    QTest::addRow("Korean: every string") << QStringLiteral(HANJI_KO_TS) << u"ko"_s << QStringList() << 1;
    QTest::addRow("English: the plural forms") << QStringLiteral(HANJI_EN_TS) << u"en"_s
                                               << QStringList { u"-pluralonly"_s } << 2;
}

void TestTranslations::completeAndCurrent()
{
    QFETCH(QString, committed);
    QFETCH(QString, language);
    QFETCH(QStringList, extraOptions);
    QFETCH(int, pluralForms);

    // lupdate brings a copy up to date: what it adds, the committed file lacks.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString updated = dir.filePath(u"updated.ts"_s);
    QVERIFY(QFile::copy(committed, updated));
    QStringList arguments = QStringLiteral(HANJI_LUPDATE_OPTIONS).split(u'|');
    arguments << u"-target-language"_s << language << extraOptions;
    arguments += QStringLiteral(HANJI_TRANSLATED_SOURCE_DIRS).split(u'|');
    arguments << u"-ts"_s << updated;
    QProcess lupdate;
    lupdate.start(QStringLiteral(HANJI_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAllStandardError().constData());

    const Result<QMap<Key, Message>> before = readTs(committed);
    QVERIFY2(before, errorOf(before).constData());
    const Result<QMap<Key, Message>> after = readTs(updated);
    QVERIFY2(after, errorOf(after).constData());
    QVERIFY2(!after->isEmpty(), "lupdate found no strings in the sources");

    QStringList problems;
    for (auto it = after->cbegin(); it != after->cend(); ++it) {
        if (!before->contains(it.key()))
            problems += u"not in %1 (run the hanji_update_translations target): %2"_s.arg(committed, describe(it.key()));
    }
    for (auto it = before->cbegin(); it != before->cend(); ++it) {
        if (!after->contains(it.key()))
            problems += u"no longer in the sources: %1"_s.arg(describe(it.key()));
    }
    for (const Message &message : *before) {
        const QString what = describe({ message.context, message.source, message.comment });
        if (!message.type.isEmpty()) {
            problems += u"%1: %2"_s.arg(message.type, what);
            continue;
        }
        if (message.forms.size() != (message.numerus ? pluralForms : 1))
            problems += u"%1 forms instead of %2: %3"_s.arg(message.forms.size()).arg(pluralForms).arg(what);
        for (const QString &form : message.forms) {
            if (form.trimmed().isEmpty())
                problems += u"empty translation: %1"_s.arg(what);
            // A plural form may leave out %n ("one other"), never another placeholder.
            QStringList wanted = placeholders(message.source);
            QStringList have = placeholders(form);
            if (message.numerus) {
                wanted.removeAll(u"%n"_s);
                have.removeAll(u"%n"_s);
            }
            if (have != wanted)
                problems += u"placeholders %1 instead of %2 in \"%3\": %4"_s.arg(have.join(u' '), wanted.join(u' '),
                                                                                  form, what);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::chooseLanguage_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QStringList>("uiLanguages");
    QTest::addColumn<Language>("expected");

    QTest::addRow("LANG=ko_KR.UTF-8") << QString() << QStringList { u"ko-KR"_s, u"ko"_s } << Language::Korean;
    QTest::addRow("LANG=en_GB.UTF-8") << QString() << QStringList { u"en-GB"_s, u"en"_s } << Language::English;
    QTest::addRow("LANG=C") << QString() << QStringList { u"C"_s } << Language::English;
    QTest::addRow("German: no translation, English") << QString() << QStringList { u"de-DE"_s } << Language::English;
    QTest::addRow("LANGUAGE=de:ko: the first Hanji speaks") << QString() << QStringList { u"de-DE"_s, u"ko"_s }
                                                            << Language::Korean;
    QTest::addRow("--lang en over a Korean desktop") << u"en"_s << QStringList { u"ko-KR"_s } << Language::English;
    QTest::addRow("--lang ko over an English desktop") << u"ko"_s << QStringList { u"en-US"_s } << Language::Korean;
}

void TestTranslations::chooseLanguage()
{
    QFETCH(QString, option);
    QFETCH(QStringList, uiLanguages);
    QFETCH(Language, expected);
    const Result<Language> chosen = hanji::chooseLanguage(option, uiLanguages);
    QVERIFY2(chosen, errorOf(chosen).constData());
    QCOMPARE(*chosen, expected);
}

void TestTranslations::localeFollowsTheLanguage()
{
    const Result<Language> unknown = hanji::chooseLanguage(u"fr"_s, { u"ko-KR"_s });
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, Error::Kind::Invalid);
    QVERIFY2(unknown.error().message.contains(u"\"fr\""_s), qPrintable(unknown.error().message));

    const QLocale british(QLocale::English, QLocale::UnitedKingdom);
    QCOMPARE(localeFor(Language::English, british), british); // keeps its dates
    QCOMPARE(localeFor(Language::Korean, british), QLocale(QLocale::Korean, QLocale::SouthKorea));
    QCOMPARE(localeFor(Language::English, QLocale::c()), QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTranslations::installAndRemove()
{
    const QLocale before;
    const auto translate = [](const char *context, const char *text, int n = -1) {
        return QCoreApplication::translate(context, text, nullptr, n);
    };
    {
        const auto korean = Translations::install(Language::Korean, QLocale::c());
        QVERIFY2(korean, errorOf(korean).constData());
        QCOMPARE(translate("hanji::DateTreeModel", "All papers"), u"모든 논문"_s);
        QCOMPARE(translate("hanji::PaperListModel", "%1 and %n others", 2), u"%1 외 2명"_s);
        QCOMPARE(QLocale().language(), QLocale::Korean);
        QCOMPARE(translate("hanji::MainWindow", "%L1 of %Ln papers", 12345).arg(678), u"논문 12,345개 중 678개"_s);
        if ((*korean)->hasQtTranslation()) // qt6-translations-l10n: Qt's own buttons speak Korean too
            QCOMPARE(translate("QPlatformTheme", "Cancel"), u"취소"_s);
    }
    QCOMPARE(translate("hanji::DateTreeModel", "All papers"), u"All papers"_s);
    QCOMPARE(QLocale(), before);
    {
        const auto english = Translations::install(Language::English, QLocale::c());
        QVERIFY2(english, errorOf(english).constData());
        QCOMPARE(translate("hanji::PaperListModel", "%1 and %n others", 1).arg(u"A, B, C"_s), u"A, B, C and 1 other"_s);
        QCOMPARE(translate("hanji::PaperListModel", "%1 and %n others", 2).arg(u"A, B, C"_s), u"A, B, C and 2 others"_s);
        QCOMPARE(translate("hanji::MainWindow", "%L1 of %Ln papers", 1).arg(1), u"1 of 1 paper"_s);
        QCOMPARE(translate("hanji::MainWindow", "%L1 of %Ln papers", 12345).arg(678), u"678 of 12,345 papers"_s);
    }
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
