#pragma once

#include <QStringView>

namespace hanji {

// What a line in a paper's body is, in a "Daily Papers" digest: the one definition the
// parser reads by and the Markdown exporter escapes by (a continuation line that would
// read as one of these gets a backslash).
enum class PaperLineKind {
    Bullet, // "- text", "* text", "- **Key**: text", or a lone "-"
    Thumbnail, // "![](URL)"
    Video, // "[Watch Video](URL)"
    HtmlVideo, // "<video src=…>"
    Votes, // "Vote: 12"
    Authors, // "Authors: A, B"
    Text, // anything else: continues the previous bullet
};

inline constexpr QStringView kVideoMarker = u"[Watch Video]";
inline constexpr QStringView kVotesMarker = u"Vote:";
inline constexpr QStringView kAuthorsMarker = u"Authors:";

// line: trimmed, not empty.
[[nodiscard]] inline PaperLineKind paperLineKind(QStringView line)
{
    if (line.startsWith(u"- ") || line.startsWith(u"* ") || line == u"-")
        return PaperLineKind::Bullet;
    if (line.startsWith(u"!["))
        return PaperLineKind::Thumbnail;
    if (line.startsWith(kVideoMarker))
        return PaperLineKind::Video;
    if (line.startsWith(u'<') && line.contains(u"<video"))
        return PaperLineKind::HtmlVideo;
    if (line.startsWith(kVotesMarker))
        return PaperLineKind::Votes;
    if (line.startsWith(kAuthorsMarker))
        return PaperLineKind::Authors;
    return PaperLineKind::Text;
}

} // namespace hanji
