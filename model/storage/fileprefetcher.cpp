#include "fileprefetcher.h"

#include "packedtext.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace hanji {

FilePrefetcher::FilePrefetcher(QStringList files, const QHash<QString, KnownFile> &known, size_t ahead)
    : m_files(std::move(files))
    , m_known(known)
    , m_work(size_t(m_files.size()), [this](size_t i) {
        const QString &path = m_files.at(qsizetype(i));
        const auto found = m_known.constFind(path);
        return prepare(path, found == m_known.cend() ? nullptr : &*found);
    }, ahead, kThreads)
{
}

PreparedFile FilePrefetcher::prepare(const QString &path, const KnownFile *known)
{
    PreparedFile prepared;
    prepared.path = path;
    const QFileInfo info(path);
    prepared.size = info.size();
    prepared.mtime = info.lastModified().toMSecsSinceEpoch();
    if (known && known->size == prepared.size && known->mtime == prepared.mtime)
        return prepared; // Unchanged
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        prepared.state = PreparedFile::State::Unreadable;
        prepared.error = file.errorString();
        return prepared;
    }
    const QByteArray bytes = file.readAll();
    prepared.hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
    if (known && known->hash == prepared.hash) {
        prepared.state = PreparedFile::State::Touched;
        return prepared;
    }
    prepared.state = PreparedFile::State::Changed;
    prepared.digest = DigestParser::parse(bytes, path);
    QByteArray text;
    for (const DigestEntry &entry : std::as_const(prepared.digest.entries)) {
        const qsizetype start = text.size();
        text += entry.markdown.toUtf8();
        prepared.entrySpans.append({ start, text.size() - start });
    }
    prepared.packedText = packText(text);
    return prepared;
}

} // namespace hanji
