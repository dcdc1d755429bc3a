#pragma once

#include "mainwindow.h"

#include <QSignalSpy>

// The window reads its rows on a worker: true once the start-up read is over (the rows in,
// or the error said), as a test must wait for before it looks at the list.
[[nodiscard]] inline bool waitForRows(hanji::MainWindow &window, int timeout = 30000)
{
    if (!window.isLoading())
        return true;
    QSignalSpy loaded(&window, &hanji::MainWindow::rowsLoaded);
    return loaded.wait(timeout) || !window.isLoading();
}
