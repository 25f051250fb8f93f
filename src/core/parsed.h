// The one shape of a fallible parse in this project: the value, or a message that says what is
// wrong and where. Parsers of settings, command lines, routes' parameters and JSON return it;
// the bundle loader returns a LoadResult instead, because it reports many problems at once and
// may keep a bundle with some items left out.
#pragma once
#include <optional>
#include <string>
#include <utility>

#include "core/check.h"

namespace core {

template <class T, class Error = std::string>
class Parsed {
 public:
  static Parsed Ok(T value) {
    Parsed p;
    p.m_value.emplace(std::move(value));
    return p;
  }
  static Parsed Fail(Error error) {
    Parsed p;
    p.m_error = std::move(error);
    return p;
  }

  explicit operator bool() const { return m_value.has_value(); }
  bool Ok() const { return m_value.has_value(); }
  const T& operator*() const& {
    MODV_CHECK(m_value.has_value() && "a failed parse has no value: test it first");
    return *m_value;
  }
  T& operator*() & {
    MODV_CHECK(m_value.has_value() && "a failed parse has no value: test it first");
    return *m_value;
  }
  T&& operator*() && {
    MODV_CHECK(m_value.has_value() && "a failed parse has no value: test it first");
    return std::move(*m_value);
  }
  const T* operator->() const { return &**this; }
  T* operator->() { return &**this; }
  // What is wrong, for a person; meaningful only when the parse failed.
  const Error& GetError() const { return m_error; }

 private:
  Parsed() = default;
  std::optional<T> m_value;
  Error m_error{};
};

}  // namespace core
