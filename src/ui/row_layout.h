// Vertical layout of long lists, computed once and reused every frame: the offset and height
// of each row, and which rows a visible span needs. Lists draw only those rows (20,000 news
// items cost what 20 do) and record only a window of them in the mirror.
#pragma once
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace ui {

class RowLayout {
 public:
  // Rebuild when `key` (everything the heights depend on: width, scale, language, filter,
  // fonts) differs from the last build; `height(i)` is asked once per row.
  template <class HeightFn>
  void Build(const std::string& key, size_t count, HeightFn height) {
    if (key == m_key && count == m_offsets.size()) return;
    m_key = key;
    m_offsets.resize(count);
    m_heights.resize(count);
    float y = 0;
    for (size_t i = 0; i < count; ++i) {
      m_offsets[i] = y;
      m_heights[i] = height(i);
      y += m_heights[i];
    }
    m_total = y;
  }
  void Invalidate() { m_key.clear(); }

  size_t Count() const { return m_offsets.size(); }
  float Y(size_t i) const { return m_offsets[i]; }
  float H(size_t i) const { return m_heights[i]; }
  float Total() const { return m_total; }
  // Rows overlapping [top, bottom) (list coordinates): [first, last).
  std::pair<size_t, size_t> Visible(float top, float bottom) const {
    size_t lo = 0, hi = m_offsets.size();  // first row whose bottom is below `top`
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (m_offsets[mid] + m_heights[mid] <= top) lo = mid + 1;
      else hi = mid;
    }
    size_t last = lo;
    while (last < m_offsets.size() && m_offsets[last] < bottom) ++last;
    return {lo, last};
  }
  // A window around `visible` of `margin` rows on each side, its ends rounded to multiples of
  // `step` so that the mirror does not change on every scrolled pixel.
  std::pair<size_t, size_t> Window(std::pair<size_t, size_t> visible, size_t margin, size_t step) const {
    size_t first = visible.first > margin ? visible.first - margin : 0;
    first -= first % step;
    size_t last = visible.second + margin;
    last += (step - last % step) % step;
    return {first, std::min(last, m_offsets.size())};
  }

 private:
  std::string m_key;
  std::vector<float> m_offsets, m_heights;
  float m_total = 0;
};

}  // namespace ui
