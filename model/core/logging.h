#pragma once

#include <QLoggingCategory>

namespace hanji {
Q_DECLARE_LOGGING_CATEGORY(lcParser)
Q_DECLARE_LOGGING_CATEGORY(lcLibrary)
} // namespace hanji
