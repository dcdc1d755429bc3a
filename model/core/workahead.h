#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace hanji {

// Makes items 0 … count-1 in order on a thread of its own, at most `ahead` of the one taking
// them: work the writer of the index would otherwise wait for runs on the second core while
// SQLite writes (issue 12). Taking more than count items is an error.
template <typename T>
class WorkAhead
{
public:
    WorkAhead(size_t count, std::function<T(size_t)> make, size_t ahead)
        : m_count(count)
        , m_make(std::move(make))
        , m_ahead(ahead)
        , m_thread([this] { run(); })
    {
    }

    ~WorkAhead() // stops the thread, however far it got
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    WorkAhead(const WorkAhead &) = delete;
    WorkAhead &operator=(const WorkAhead &) = delete;

    // The next item, waiting for it when it is not made yet.
    [[nodiscard]] T next()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty(); });
        T item = std::move(m_ready.front());
        m_ready.pop_front();
        lock.unlock();
        m_changed.notify_all();
        return item;
    }

private:
    void run()
    {
        for (size_t i = 0; i < m_count; ++i) {
            T item = m_make(i);
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stop || m_ready.size() < m_ahead; });
            if (m_stop)
                return;
            m_ready.push_back(std::move(item));
            lock.unlock();
            m_changed.notify_all();
        }
    }

    const size_t m_count;
    const std::function<T(size_t)> m_make;
    const size_t m_ahead;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_ready;
    bool m_stop = false;
    std::thread m_thread; // last: it starts once the rest is there
};

} // namespace hanji
