#pragma once

#include <QRunnable>
#include <QThreadPool>

#include <utility>

namespace hanji {

// Destroys a value on a thread of Qt's pool: a table of 50,000 papers replaced after an
// import takes the UI thread 10 to 15 ms to free. Only for values nothing else uses; the
// implicitly shared texts inside may still be shared (their counts are atomic).
template <typename T>
void freeElsewhere(T value)
{
    // The runnable, and with it the value, is deleted on the pool's thread once it has run.
    QThreadPool::globalInstance()->start(QRunnable::create([dropped = std::move(value)] {}));
}

// Gives the pages malloc holds free back to the system. glibc keeps what a large build freed
// (the similarity index's counts, a load's batches; on a worker thread, in an arena of its
// own) for later use, so the window would carry that peak for the rest of its life (at ten
// years, 12 MiB of the window's Pss). Call after such a build, not in a loop: it walks every
// arena.
void releaseFreedMemory();
// The same on a thread of Qt's pool, for the UI thread: at ten years the walk took it 21 ms
// of the start-up's last turn.
void releaseFreedMemoryElsewhere();

} // namespace hanji
