#pragma once

#include "result.h"

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>
#include <optional>

namespace hanji {

// The languages of the interface: English, the language of the source text (hanji_en.ts holds
// its plural forms), and Korean (hanji_ko.ts); both are compiled into the binary.
enum class Language { English, Korean };

// The language --lang asks for ("ko" or "en") or, without it, the first of the desktop's
// languages (QLocale::uiLanguages(): LANGUAGE, then LC_ALL, LC_MESSAGES, LANG) that Hanji
// speaks; English when it speaks none of them. An unknown --lang is an error.
[[nodiscard]] Result<Language> chooseLanguage(const QString &option, const QStringList &uiLanguages);

// Dates, numbers and collation in that language: the system's own locale when it speaks the
// language (en_GB keeps its dates), otherwise the language's main country.
[[nodiscard]] QLocale localeFor(Language language, const QLocale &system);

// While it lives, the application speaks one language: Hanji's translation, Qt's own
// (qtbase: standard buttons, file dialogs, from qt6-translations-l10n when installed) and
// QLocale's default, which the models and every %L1 use. Destroyed, it restores what was.
class Translations
{
public:
    // Fails only when Hanji's own translation is missing from the binary: a broken build.
    [[nodiscard]] static Result<std::unique_ptr<Translations>> install(Language language,
                                                                      const QLocale &system = QLocale::system());
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    [[nodiscard]] Language language() const { return m_language; }
    [[nodiscard]] QLocale locale() const { return m_locale; }
    // Whether Qt's own words were found for the language (English needs none).
    [[nodiscard]] bool hasQtTranslation() const { return !m_qt.isEmpty(); }

private:
    Translations(Language language, const QLocale &locale);

    Language m_language;
    QLocale m_locale;
    QLocale m_previousDefault;
    QTranslator m_hanji;
    QTranslator m_qt;
};

} // namespace hanji
