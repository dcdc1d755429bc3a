#include "fileprefetcher.h"

#include "packedtext.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace hanji {

FilePrefetcher::FilePrefetcher(QStringList files, const QHash<QString, KnownFile> &known)
    : m_files(std::move(files))
    , m_known(known)
    , m_thread([this] { run(); })
{
}

FilePrefetcher::~FilePrefetcher()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

PreparedFile FilePrefetcher::next()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty(); });
    PreparedFile file = std::move(m_ready.front());
    m_ready.pop_front();
    lock.unlock();
    m_changed.notify_all();
    return file;
}

void FilePrefetcher::run()
{
    for (const QString &path : m_files) {
        const auto found = m_known.constFind(path);
        PreparedFile file = prepare(path, found == m_known.cend() ? nullptr : &*found);
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || m_ready.size() < kAhead; });
        if (m_stop)
            return;
        m_ready.push_back(std::move(file));
        lock.unlock();
        m_changed.notify_all();
    }
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
