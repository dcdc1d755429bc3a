#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace hanji {

// Text as the index keeps it when it is long: a zstd frame (level 5; a day's digest keeps
// 40% of its size). Empty stays empty.
[[nodiscard]] QByteArray packText(QByteArrayView text);
// The text of packText, or nullopt when the bytes are not a whole frame (damage).
[[nodiscard]] std::optional<QByteArray> unpackText(QByteArrayView packed);

} // namespace hanji
