#include "filterbar.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

namespace hanji {

namespace {
constexpr int kNoMaximum = -1;
}

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_minSlider(new QSlider(Qt::Horizontal, this))
    , m_minSpin(new QSpinBox(this))
    , m_maxSpin(new QSpinBox(this))
    , m_bookmarked(new QCheckBox(tr("Bookmarked only"), this))
    , m_unread(new QCheckBox(tr("Unread only"), this))
    , m_likeBookmarks(new QCheckBox(tr("Like bookmarks"), this))
{
    m_likeBookmarks->setToolTip(tr("More like my reading list: the unread papers most like your bookmarks, best first"));
    m_search->setPlaceholderText(tr("Search papers (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Finds the papers that contain every word. \"Quotes\" find a phrase; title: and author: search that "
                            "field only."));
    m_search->installEventFilter(this);
    m_search->setMinimumWidth(180);

    m_minSlider->setRange(0, 100);
    m_minSlider->setToolTip(tr("Minimum votes"));
    m_minSlider->setMinimumWidth(90);
    m_minSlider->setMaximumWidth(160);
    m_minSpin->setRange(0, 100);
    m_minSpin->setToolTip(tr("Minimum votes: 0 means no limit (papers without votes show too)"));
    // -1 is "no limit", so that a maximum of 0 (papers nobody voted for) can be asked for.
    m_maxSpin->setRange(kNoMaximum, 100);
    m_maxSpin->setValue(kNoMaximum);
    m_maxSpin->setSpecialValueText(tr("No limit"));
    m_maxSpin->setToolTip(tr("Maximum votes"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_search, 3);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Votes"), this));
    layout->addWidget(m_minSlider, 1);
    layout->addWidget(m_minSpin);
    layout->addWidget(new QLabel(tr("to", "between the minimum and the maximum votes"), this));
    layout->addWidget(m_maxSpin);
    layout->addSpacing(8);
    layout->addWidget(m_bookmarked);
    layout->addWidget(m_unread);
    layout->addWidget(m_likeBookmarks);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(m_search, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_debounce, &QTimer::timeout, this, [this] { Q_EMIT searchChanged(searchText()); });
    // Enter and the clear button answer at once, without waiting for the pause.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce.stop();
        Q_EMIT searchChanged(searchText());
    });

    connect(m_minSlider, &QSlider::valueChanged, m_minSpin, &QSpinBox::setValue);
    connect(m_minSpin, &QSpinBox::valueChanged, this, [this](int value) {
        const QSignalBlocker blocker(m_minSlider);
        m_minSlider->setValue(value);
        emitVoteRange();
    });
    connect(m_maxSpin, &QSpinBox::valueChanged, this, [this] { emitVoteRange(); });
    connect(m_bookmarked, &QCheckBox::toggled, this, &FilterBar::bookmarkedOnlyChanged);
    connect(m_unread, &QCheckBox::toggled, this, &FilterBar::unreadOnlyChanged);
    connect(m_likeBookmarks, &QCheckBox::toggled, this, &FilterBar::likeBookmarksChanged);
}

QString FilterBar::searchText() const { return m_search->text().trimmed(); }

int FilterBar::minimumVotes() const { return m_minSpin->value(); }

std::optional<int> FilterBar::maximumVotes() const
{
    return m_maxSpin->value() == kNoMaximum ? std::nullopt : std::optional(m_maxSpin->value());
}

bool FilterBar::bookmarkedOnly() const { return m_bookmarked->isChecked(); }

bool FilterBar::unreadOnly() const { return m_unread->isChecked(); }

void FilterBar::setVoteCeiling(int votes)
{
    const int ceiling = std::max(votes, 10);
    if (ceiling == m_minSpin->maximum())
        return; // a spin box's new range relays out the bar (12 ms in a rescan at ten years)
    m_minSlider->setRange(0, ceiling);
    m_minSpin->setRange(0, ceiling);
    m_maxSpin->setRange(kNoMaximum, ceiling);
}

void FilterBar::setMinimumVotes(int votes) { m_minSpin->setValue(votes); }

void FilterBar::setMaximumVotes(std::optional<int> votes) { m_maxSpin->setValue(votes.value_or(kNoMaximum)); }

void FilterBar::setBookmarkedOnly(bool on) { m_bookmarked->setChecked(on); }

void FilterBar::setUnreadOnly(bool on) { m_unread->setChecked(on); }

bool FilterBar::likeBookmarks() const { return m_likeBookmarks->isChecked(); }

void FilterBar::setLikeBookmarks(bool on) { m_likeBookmarks->setChecked(on); }

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        m_search->clear();
        m_debounce.stop();
        Q_EMIT searchChanged(QString());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::emitVoteRange() { Q_EMIT voteRangeChanged(minimumVotes(), maximumVotes()); }

} // namespace hanji
