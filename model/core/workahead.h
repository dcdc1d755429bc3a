#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace hanji {

// Makes items 0 … count-1 on threads of their own, at most `ahead` of the one taking them,
// and hands them out in order: work the writer of the index would otherwise wait for runs on
// the second core while SQLite writes (issue 12). With more than one thread, make runs on
// several at once. Taking more than count items is an error.
template <typename T>
class WorkAhead
{
public:
    WorkAhead(size_t count, std::function<T(size_t)> make, size_t ahead, int threads = 1)
        : m_count(count)
        , m_make(std::move(make))
        , m_ahead(std::max<size_t>(ahead, 1))
        , m_ready(m_ahead)
    {
        for (int i = 0; i < std::max(threads, 1); ++i)
            m_threads.emplace_back([this] { run(); });
    }

    ~WorkAhead() // stops the threads, however far they got
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        for (std::thread &thread : m_threads)
            thread.join();
    }

    WorkAhead(const WorkAhead &) = delete;
    WorkAhead &operator=(const WorkAhead &) = delete;

    // The next item, waiting for it when it is not made yet.
    [[nodiscard]] T next()
    {
        std::unique_lock lock(m_mutex);
        std::optional<T> &slot = m_ready[m_taken % m_ahead];
        m_changed.wait(lock, [&] { return slot.has_value(); });
        T item = std::move(*slot);
        slot.reset();
        ++m_taken;
        lock.unlock();
        m_changed.notify_all();
        return item;
    }

private:
    void run()
    {
        for (;;) {
            std::unique_lock lock(m_mutex);
            // The next item to make, once it is within `ahead` of the one taken.
            m_changed.wait(lock, [this] { return m_stop || m_started >= m_count || m_started < m_taken + m_ahead; });
            if (m_stop || m_started >= m_count)
                return;
            const size_t i = m_started++;
            lock.unlock();
            T item = m_make(i);
            lock.lock();
            m_ready[i % m_ahead] = std::move(item);
            lock.unlock();
            m_changed.notify_all();
        }
    }

    const size_t m_count;
    const std::function<T(size_t)> m_make;
    const size_t m_ahead;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::optional<T>> m_ready; // item i at i % ahead, until taken
    size_t m_started = 0; // items given to a thread to make
    size_t m_taken = 0;
    bool m_stop = false;
    std::vector<std::thread> m_threads; // last: they start once the rest is there
};

} // namespace hanji
