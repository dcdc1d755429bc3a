// Compiled into every test and benchmark (tests/CMakeLists.txt), so none can forget it:
// QStandardPaths is in test mode before main() runs, and no test reads or writes the user's
// settings, library or caches. ctest also gives each test a home of its own, so even the
// test-mode folders (~/.qttest) and the programs a test starts stay out of the real home.

#include <QStandardPaths>

namespace {

[[maybe_unused]] const bool testModeEnabled = [] {
    QStandardPaths::setTestModeEnabled(true);
    return true;
}();

} // namespace
