#pragma once

#include <QTimer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLineEdit;
class QSlider;
class QSpinBox;

namespace hanji {

// Above the paper list: the search field (debounced; Esc clears it), the vote range (a
// slider with a spin box for the minimum, a spin box for the maximum) and the
// bookmarked-only and unread-only toggles.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    [[nodiscard]] QString searchText() const;
    [[nodiscard]] int minimumVotes() const;
    [[nodiscard]] std::optional<int> maximumVotes() const;
    [[nodiscard]] bool bookmarkedOnly() const;
    [[nodiscard]] bool unreadOnly() const;
    [[nodiscard]] bool likeBookmarks() const;

    // The highest votes in the library, so the slider spans what exists.
    void setVoteCeiling(int votes);
    void setMinimumVotes(int votes);
    void setMaximumVotes(std::optional<int> votes); // none: no maximum
    void setBookmarkedOnly(bool on);
    void setUnreadOnly(bool on);
    void setLikeBookmarks(bool on);
    void focusSearch();

Q_SIGNALS:
    void searchChanged(const QString &text); // after typing pauses
    void voteRangeChanged(int minimum, std::optional<int> maximum);
    void bookmarkedOnlyChanged(bool on);
    void unreadOnlyChanged(bool on);
    // "More like my reading list": rank the list by likeness to the bookmarks.
    void likeBookmarksChanged(bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void emitVoteRange();

    QLineEdit *m_search;
    QSlider *m_minSlider;
    QSpinBox *m_minSpin;
    QSpinBox *m_maxSpin;
    QCheckBox *m_bookmarked;
    QCheckBox *m_unread;
    QCheckBox *m_likeBookmarks;
    QTimer m_debounce;
};

} // namespace hanji
