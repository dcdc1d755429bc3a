#pragma once

// What the fuzz targets share: a check that stops the run with the input's problem (libFuzzer
// then saves the input as a crash artifact), and the rules every HTML the pane gets must keep.

#include <QRegularExpression>
#include <QString>

#include <cstdio>
#include <cstdlib>

namespace hanji::fuzz {

// Stops the run when ok is false: a broken property is a finding like a crash.
inline void check(bool ok, const char *property, const QString &detail = {})
{
    if (ok)
        return;
    std::fprintf(stderr, "fuzz check failed: %s\n%s\n", property, qUtf8Printable(detail.left(2000)));
    std::abort();
}

// The first thing wrong with html, or an empty string: no script, no event handler attribute,
// links only to http(s), images only from the pane's own scheme. Text is escaped, so every
// "<" starts a tag the writer made; attributes are looked for inside those tags only.
inline QString htmlProblem(const QString &html)
{
    if (html.contains(u"<script", Qt::CaseInsensitive))
        return QStringLiteral("<script in the output");
    static const QRegularExpression tag(QStringLiteral(R"(<[^>]*>)"));
    static const QRegularExpression handler(QStringLiteral(R"(\son[a-z]+\s*=)"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression attribute(QStringLiteral(R"(\s(href|src)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (auto tags = tag.globalMatch(html); tags.hasNext();) {
        const QString element = tags.next().captured(0);
        if (handler.match(element).hasMatch())
            return QStringLiteral("an on… event handler attribute: ") + element;
        for (auto it = attribute.globalMatch(element); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const QString name = match.captured(1).toLower();
            const QString value = match.captured(2);
            const bool quoted = value.startsWith(u'"');
            const QString url = quoted ? value.mid(1, value.size() - 2) : value;
            const bool allowed = name == u"href" ? url.startsWith(u"https://") || url.startsWith(u"http://")
                                                 : url.startsWith(u"hanji://thumbnail/");
            if (!quoted || !allowed)
                return QStringLiteral("%1=%2 in %3").arg(name, value, element);
        }
    }
    return {};
}

} // namespace hanji::fuzz
