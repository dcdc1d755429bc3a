#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace hanji {

// Line-level pieces every digest format shares: links, keyed fields, author lists, dates.

[[nodiscard]] QStringView trimmedRight(QStringView line);

// "/avatars/x.svg" is a Hugging Face path; "//host/x" lacks only its scheme.
[[nodiscard]] QString absoluteUrl(QStringView url);

struct MarkdownLink {
    QStringView text;
    QStringView url;
};

// "[text](url)" where text may hold brackets and parentheses and the url balanced
// parentheses: walk back from the final ')' to its '(' and expect ']' just before it.
[[nodiscard]] std::optional<MarkdownLink> parseLink(QStringView s);

// Every "[text](url)" of a line, left to right; empty links ("[]()") are skipped.
[[nodiscard]] QList<MarkdownLink> linksIn(QStringView line);

// "**Key:** text", "**Key**: text", with a full-width colon too ("**摘要：**"): the key and the
// text after it. Bold text that opens a sentence ("**1. 동기**") is no key.
struct KeyedLine {
    QStringView key;
    QStringView text;
};
[[nodiscard]] std::optional<KeyedLine> keyedLine(QStringView line);

// "A, B, and C" -> {"A", "B", "C"}.
[[nodiscard]] QStringList commaSeparatedNames(QStringView value);

// The first YYYY-MM-DD in the text that is a real date.
[[nodiscard]] std::optional<QDate> isoDateIn(QStringView text);

// The date a file's name carries ("2025-05-14.md", "2025-01-23_daily_paper.md"), if any.
[[nodiscard]] std::optional<QDate> dateFromFileName(const QString &path);

} // namespace hanji
