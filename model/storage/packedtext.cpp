#include "packedtext.h"

#include <zstd.h>

#include <memory>

namespace hanji {

namespace {

constexpr int kLevel = 3; // 5 is 5% smaller, but takes twice as long on the core that also tokenizes (issue 12)

// One context per thread: making one for each text would cost more than compressing it.
struct Contexts {
    std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> compress { ZSTD_createCCtx(), ZSTD_freeCCtx };
    std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> decompress { ZSTD_createDCtx(), ZSTD_freeDCtx };
};

Contexts &contexts()
{
    thread_local Contexts here;
    return here;
}

} // namespace

QByteArray packText(QByteArrayView text)
{
    if (text.isEmpty())
        return {};
    QByteArray packed(qsizetype(ZSTD_compressBound(size_t(text.size()))), Qt::Uninitialized);
    const size_t size = ZSTD_compressCCtx(contexts().compress.get(), packed.data(), size_t(packed.size()), text.data(),
                                          size_t(text.size()), kLevel);
    if (ZSTD_isError(size))
        return {}; // only for lack of memory, which the bound rules out
    packed.truncate(qsizetype(size));
    return packed;
}

std::optional<QByteArray> unpackText(QByteArrayView packed)
{
    if (packed.isEmpty())
        return QByteArray();
    const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), size_t(packed.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 30))
        return std::nullopt;
    QByteArray text(qsizetype(size), Qt::Uninitialized);
    const size_t done = ZSTD_decompressDCtx(contexts().decompress.get(), text.data(), size_t(text.size()), packed.data(),
                                            size_t(packed.size()));
    if (ZSTD_isError(done) || done != size)
        return std::nullopt;
    return text;
}

} // namespace hanji
