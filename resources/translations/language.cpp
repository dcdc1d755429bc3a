#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// The compiled translations, embedded by resources/translations/CMakeLists.txt.
constexpr auto kResourceFolder = ":/i18n"_L1;

std::optional<Language> languageOfTag(const QString &tag)
{
    // "ko", "ko-KR", "ko_KR.UTF-8"; "C" and "POSIX" say nothing and fall through to English.
    const QString code = tag.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
    if (code == u"ko")
        return Language::Korean;
    if (code == u"en")
        return Language::English;
    return std::nullopt;
}

} // namespace

Result<Language> chooseLanguage(const QString &option, const QStringList &uiLanguages)
{
    if (!option.isEmpty()) {
        if (option == u"ko")
            return Language::Korean;
        if (option == u"en")
            return Language::English;
        return failure(u"unknown language \"%1\" for --lang: ko (Korean) or en (English)"_s.arg(option),
                       Error::Kind::Invalid);
    }
    for (const QString &tag : uiLanguages) {
        if (const std::optional<Language> language = languageOfTag(tag))
            return *language;
    }
    return Language::English;
}

QLocale localeFor(Language language, const QLocale &system)
{
    const QLocale::Language wanted = language == Language::Korean ? QLocale::Korean : QLocale::English;
    if (system.language() == wanted)
        return system;
    return language == Language::Korean ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                                        : QLocale(QLocale::English, QLocale::UnitedStates);
}

Translations::Translations(Language language, const QLocale &locale)
    : m_language(language)
    , m_locale(locale)
{
}

Result<std::unique_ptr<Translations>> Translations::install(Language language, const QLocale &system)
{
    std::unique_ptr<Translations> translations(new Translations(language, localeFor(language, system)));
    // English is the source text: its file holds only the plural forms ("1 paper", "2 papers").
    const QString file = language == Language::Korean ? u"hanji_ko"_s : u"hanji_en"_s;
    if (!translations->m_hanji.load(file, kResourceFolder))
        return failure(u"the translation %1/%2.qm is missing from this build"_s.arg(kResourceFolder, file));
    QCoreApplication::installTranslator(&translations->m_hanji);
    // Qt's own words are good to have, not needed: without qt6-translations-l10n they stay English.
    if (translations->m_qt.load(translations->m_locale, u"qtbase"_s, u"_"_s,
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&translations->m_qt);
    translations->m_previousDefault = QLocale();
    QLocale::setDefault(translations->m_locale);
    return translations;
}

Translations::~Translations()
{
    QCoreApplication::removeTranslator(&m_qt);
    QCoreApplication::removeTranslator(&m_hanji);
    QLocale::setDefault(m_previousDefault);
}

} // namespace hanji
