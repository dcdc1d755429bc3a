#include "digestlines.h"

#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hanji {

QStringView trimmedRight(QStringView line)
{
    qsizetype end = line.size();
    while (end > 0 && line[end - 1].isSpace())
        --end;
    return line.first(end);
}

QString absoluteUrl(QStringView url)
{
    url = url.trimmed();
    if (url.startsWith(u'/') && !url.startsWith(u"//"))
        return u"https://huggingface.co"_s + url.toString();
    if (url.startsWith(u"//"))
        return u"https:"_s + url.toString();
    return url.toString();
}

std::optional<MarkdownLink> parseLink(QStringView s)
{
    s = s.trimmed();
    if (s.size() < 4 || s.front() != u'[' || s.back() != u')')
        return std::nullopt;
    int depth = 0;
    for (qsizetype i = s.size() - 1; i > 0; --i) {
        if (s[i] == u')') {
            ++depth;
        } else if (s[i] == u'(' && --depth == 0) {
            if (s[i - 1] != u']')
                return std::nullopt;
            return MarkdownLink { s.sliced(1, i - 2), s.sliced(i + 1, s.size() - i - 2).trimmed() };
        }
    }
    return std::nullopt;
}

QList<MarkdownLink> linksIn(QStringView line)
{
    QList<MarkdownLink> links;
    qsizetype from = 0;
    while (true) {
        const qsizetype middle = line.indexOf(u"](", from);
        if (middle < 0)
            break;
        const qsizetype open = line.lastIndexOf(u'[', middle);
        const qsizetype close = line.indexOf(u')', middle + 2);
        if (open < from || close < 0)
            break;
        const QStringView url = line.sliced(middle + 2, close - middle - 2).trimmed();
        if (!url.isEmpty())
            links.append({ line.sliced(open + 1, middle - open - 1), url });
        from = close + 1;
    }
    return links;
}

std::optional<KeyedLine> keyedLine(QStringView line)
{
    if (!line.startsWith(u"**"))
        return std::nullopt;
    const qsizetype close = line.indexOf(u"**", 2);
    if (close < 0)
        return std::nullopt;
    QStringView key = line.sliced(2, close - 2).trimmed();
    QStringView rest = line.sliced(close + 2);
    const auto isColon = [](QChar c) { return c == u':' || c == u'\uFF1A'; };
    if (!key.isEmpty() && isColon(key.back())) {
        key.chop(1);
    } else if (!rest.isEmpty() && isColon(rest.front())) {
        rest = rest.sliced(1);
    } else {
        return std::nullopt;
    }
    key = key.trimmed();
    if (key.isEmpty() || key.size() > 40)
        return std::nullopt;
    return KeyedLine { key, rest.trimmed() };
}

QStringList commaSeparatedNames(QStringView value)
{
    QStringList names;
    for (QStringView name : value.tokenize(u',', Qt::SkipEmptyParts)) {
        name = name.trimmed();
        if (name.startsWith(u"and "))
            name = name.sliced(4).trimmed();
        if (!name.isEmpty())
            names += name.toString();
    }
    return names;
}

std::optional<QDate> isoDateIn(QStringView text)
{
    static const QRegularExpression pattern(uR"((?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d))"_s);
    auto matches = pattern.globalMatchView(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QDate date(match.capturedView(1).toInt(), match.capturedView(2).toInt(), match.capturedView(3).toInt());
        if (date.isValid())
            return date;
    }
    return std::nullopt;
}

std::optional<QDate> dateFromFileName(const QString &path)
{
    return isoDateIn(QFileInfo(path).fileName());
}

} // namespace hanji
