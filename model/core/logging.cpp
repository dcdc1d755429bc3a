#include "logging.h"

namespace hanji {
Q_LOGGING_CATEGORY(lcParser, "hanji.parser", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLibrary, "hanji.library", QtWarningMsg)
} // namespace hanji
