#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <vector>

namespace hanji {

// Searches Hanji's own full-text index (postingswriter.h): the papers whose indexed text
// (fieldsText, folded) holds each term as a substring, exactly. A term of one character is
// looked up among the characters; a longer one is the phrase of its pairs, at consecutive
// positions, checked in each segment and joined over all of them.
class PostingsReader
{
public:
    explicit PostingsReader(QSqlDatabase db);

    // Papers holding every term, ascending ids. In one read transaction, so that an import
    // committing meanwhile is seen whole or not at all.
    [[nodiscard]] Result<std::vector<qint64>> papersWithAll(const QStringList &terms) const;

private:
    QSqlDatabase m_db;
};

} // namespace hanji
