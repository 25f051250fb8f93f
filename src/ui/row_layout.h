// Vertical layout of long lists, computed once and reused every frame: the offset and height
// of each row, and which rows a visible span needs. Lists draw only those rows (20,000 news
// items cost what 20 do) and record only a window of them in the mirror.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ui {

// What lists measure past the screen's bottom each frame (RowLayout::Measure's `extra`): the
// mirror's window below the visible rows (lists mirror 20 to 40 rows past them), then a slice
// of rows more a frame. The first look at thousands of rows costs a few milliseconds, not one
// frame of 100 ms (measuring wraps every title and summary).
constexpr size_t kMirrorRows = 80;
constexpr size_t kSliceRows = 1500;
// Where the mirror is the page (reading mode), lists record their first rows, up to this many,
// and say that the rest are left out (their filters lead to the others).
constexpr size_t kPageRows = 300;

// What every list's row heights depend on besides its own filter and order.
struct LayoutBasis {
  float width = 0;       // of the list, device pixels
  float scale = 0;       // device pixels per CSS pixel
  std::string lang;
  uint64_t fonts = 0;    // Fonts::generation: which atlas the text is measured in
  bool narrow = false;   // the phone layout

  bool operator==(const LayoutBasis& o) const {
    return width == o.width && scale == o.scale && lang == o.lang && fonts == o.fonts && narrow == o.narrow;
  }
};

// `Key` holds everything the heights depend on (width, scale, language, filter, the fonts'
// generation), compared with ==.
template <class Key>
class RowLayout {
 public:
  // Measures rows lazily, in order: as far as `needY` (list coordinates) and then `extra` rows
  // more; the rows not measured yet count at the average height of those that are (in Total())
  // until later calls measure them. Rows above `needY` never move, so nothing on screen jumps.
  // Starts again when `key` (everything the heights depend on: width, scale, language, filter,
  // fonts) or the count differs from the last call, except that rows added at the end (a
  // published archive's next part) keep those measured before them but the last, whose height
  // may change; `height(i)` is asked once per row. Returns true while rows are left to measure.
  template <class HeightFn>
  bool Measure(const Key& key, size_t count, HeightFn height, float needY, size_t extra) {
    if (m_valid && key == m_key && count > m_offsets.size() && !m_offsets.empty()) {
      m_measured = std::min(m_measured, m_offsets.size() - 1);
      m_measuredY = m_measured ? m_offsets[m_measured - 1] + m_heights[m_measured - 1] : 0;
      m_offsets.resize(count, 0);
      m_heights.resize(count, 0);
    } else if (!m_valid || !(key == m_key) || count != m_offsets.size()) {
      m_key = key;
      m_valid = true;
      m_offsets.assign(count, 0);
      m_heights.assign(count, 0);
      m_measured = 0;
      m_measuredY = 0;
    }
    while (m_measured < count && (m_measuredY < needY || extra > 0)) {
      if (m_measuredY >= needY) --extra;
      m_offsets[m_measured] = m_measuredY;
      m_heights[m_measured] = height(m_measured);
      m_measuredY += m_heights[m_measured];
      ++m_measured;
    }
    const float average = m_measured ? m_measuredY / static_cast<float>(m_measured) : 0;
    m_total = m_measuredY + average * static_cast<float>(count - m_measured);
    return m_measured < count;
  }
  void Invalidate() { m_valid = false; }

  size_t Count() const { return m_offsets.size(); }
  size_t Measured() const { return m_measured; }
  float Y(size_t i) const { return m_offsets[i]; }
  float H(size_t i) const { return m_heights[i]; }
  float Total() const { return m_total; }
  // Measured rows overlapping [top, bottom) (list coordinates): [first, last).
  std::pair<size_t, size_t> Visible(float top, float bottom) const {
    size_t lo = 0, hi = m_measured;  // first row whose bottom is below `top`
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (m_offsets[mid] + m_heights[mid] <= top) lo = mid + 1;
      else hi = mid;
    }
    size_t last = lo;
    while (last < m_measured && m_offsets[last] < bottom) ++last;
    return {lo, last};
  }
  // The rows to record in the mirror: a window around `visible` (Window), or, where the mirror
  // is the page itself, the first kPageRows measured rows.
  std::pair<size_t, size_t> MirrorRows(std::pair<size_t, size_t> visible, size_t margin, size_t step, bool page) const {
    return page ? std::pair<size_t, size_t>(0, std::min(m_measured, kPageRows)) : Window(visible, margin, step);
  }
  // A window around `visible` of `margin` rows on each side, its ends rounded to multiples of
  // `step` so that the mirror does not change on every scrolled pixel.
  std::pair<size_t, size_t> Window(std::pair<size_t, size_t> visible, size_t margin, size_t step) const {
    size_t first = visible.first > margin ? visible.first - margin : 0;
    first -= first % step;
    size_t last = visible.second + margin;
    last += (step - last % step) % step;
    return {first, std::min(last, m_measured)};
  }

 private:
  Key m_key{};
  bool m_valid = false;
  std::vector<float> m_offsets, m_heights;  // valid for the first m_measured rows
  size_t m_measured = 0;
  float m_measuredY = 0;  // their height together
  float m_total = 0;
};

}  // namespace ui
