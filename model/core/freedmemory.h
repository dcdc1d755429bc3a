#pragma once

namespace hanji {

// Gives the pages malloc holds free back to the system. glibc keeps what a large build freed
// (the similarity index's counts, a load's batches; on a worker thread, in an arena of its
// own) for later use, so the window would carry that peak for the rest of its life (at ten
// years, 12 MiB of the window's Pss). Call after such a build, not in a loop: it walks every
// arena.
void releaseFreedMemory();

} // namespace hanji
