#include "similaritycache.h"

#include "indexdatabase.h"
#include "logging.h"
#include "sqlutil.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlQuery>

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// The header: magic, format, stamp (SHA-1 of similarityStamp), checksum (SHA-1 of all from
// kCounted on), the number of arrays, then each array's size in bytes; the arrays follow,
// each from an offset of a multiple of 8, as memory would align them.
constexpr std::array<char, 4> kMagic { 'H', 'J', 'S', 'I' };
constexpr quint32 kFormat = 1; // also tells a file of the other byte order
constexpr qsizetype kDigestSize = 20;
constexpr qsizetype kStampAt = 8;
constexpr qsizetype kChecksumAt = kStampAt + kDigestSize;
constexpr qsizetype kCounted = kChecksumAt + kDigestSize; // 48
constexpr quint32 kArrays = SimilarityIndex::kArrayCount;
constexpr qsizetype kHeaderSize = kCounted + 8 + kArrays * 8; // 144

qint64 padded(qint64 size) { return (size + 7) & ~qint64(7); }

template <typename T>
void put(QByteArray &to, T value)
{
    to.append(reinterpret_cast<const char *>(&value), sizeof value);
}

template <typename T>
T take(const char *from)
{
    T value;
    std::memcpy(&value, from, sizeof value);
    return value;
}

} // namespace

QString similarityCachePath(const QString &indexPath)
{
    return QFileInfo(indexPath).dir().filePath(u"similarity.cache"_s);
}

Result<QByteArray> similarityStamp(const QSqlDatabase &index)
{
    QCryptographicHash stamp(QCryptographicHash::Sha1);
    // The version too: another Hanji may read the same files into other texts or terms.
    stamp.addData(u"%1 %2 "_s.arg(QCoreApplication::applicationVersion()).arg(IndexDatabase::schemaVersion()).toUtf8());
    QSqlQuery query(index);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT id, size, mtime, hash FROM files ORDER BY id"_s))
        return failure(sqlError(query, u"cannot read the index"_s));
    while (query.next()) {
        stamp.addData(u"%1 %2 %3 "_s.arg(query.value(0).toLongLong()).arg(query.value(1).toLongLong())
                          .arg(query.value(2).toLongLong()).toLatin1());
        stamp.addData(query.value(3).toByteArray());
    }
    if (!query.exec(u"SELECT count(*), coalesce(max(id), 0) FROM papers"_s) || !query.next())
        return failure(sqlError(query, u"cannot read the index"_s));
    stamp.addData(u"papers %1 %2"_s.arg(query.value(0).toLongLong()).arg(query.value(1).toLongLong()).toLatin1());
    return stamp.result();
}

Result<> saveSimilarityIndex(const SimilarityIndex &index, const QString &path, const QByteArray &stamp)
{
    const QList<QByteArrayView> arrays = index.arrays();
    Q_ASSERT(arrays.size() == kArrays && stamp.size() == kDigestSize);
    QByteArray counted; // the header from kCounted on
    put(counted, kArrays);
    put(counted, quint32(0));
    for (const QByteArrayView array : arrays)
        put(counted, quint64(array.size()));
    QCryptographicHash checksum(QCryptographicHash::Sha1);
    checksum.addData(counted);
    const QByteArray padding(8, '\0');
    for (const QByteArrayView array : arrays) {
        checksum.addData(array);
        checksum.addData(QByteArrayView(padding).first(padded(array.size()) - array.size()));
    }
    QByteArray header(kMagic.data(), kMagic.size());
    put(header, kFormat);
    header += stamp;
    header += checksum.result();
    header += counted;

    QSaveFile file(path);
    bool written = file.open(QIODevice::WriteOnly) && file.write(header) == header.size();
    for (const QByteArrayView array : arrays) {
        const qint64 pad = padded(array.size()) - array.size();
        written = written && file.write(array.data(), array.size()) == array.size() && file.write(padding.constData(), pad) == pad;
    }
    if (!written || !file.commit())
        return failure(u"cannot save the similarity index as %1: %2"_s.arg(path, file.errorString()));
    return {};
}

std::optional<SimilarityIndex> loadSimilarityIndex(const QString &path, const QByteArray &stamp)
{
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray header = file->read(kHeaderSize);
    if (header.size() != kHeaderSize || std::memcmp(header.constData(), kMagic.data(), kMagic.size()) != 0
        || take<quint32>(header.constData() + 4) != kFormat || header.mid(kStampAt, kDigestSize) != stamp
        || take<quint32>(header.constData() + kCounted) != kArrays)
        return std::nullopt;
    qint64 expected = kHeaderSize;
    std::array<qint64, kArrays> sizes {};
    for (quint32 i = 0; i < kArrays; ++i) {
        sizes[i] = qint64(take<quint64>(header.constData() + kCounted + 8 + 8 * i));
        if (sizes[i] < 0 || sizes[i] > file->size())
            return std::nullopt;
        expected += padded(sizes[i]);
    }
    if (expected != file->size())
        return std::nullopt;
    // Read through, not mapped, so that checking it brings no page into this process.
    QCryptographicHash checksum(QCryptographicHash::Sha1);
    checksum.addData(QByteArrayView(header).sliced(kCounted));
    if (!checksum.addData(file.get()) || checksum.result() != header.mid(kChecksumAt, kDigestSize)) {
        qCInfo(lcLibrary) << "the saved similarity index is damaged; it is built again:" << path;
        return std::nullopt;
    }
    const uchar *mapped = file->map(0, file->size());
    if (!mapped)
        return std::nullopt;
    QList<QByteArrayView> arrays;
    qint64 at = kHeaderSize;
    for (const qint64 size : sizes) {
        arrays.append(QByteArrayView(reinterpret_cast<const char *>(mapped) + at, size));
        at += padded(size);
    }
    return SimilarityIndex::fromArrays(arrays, std::move(file)); // the mapping lives as long as the file
}

} // namespace hanji
