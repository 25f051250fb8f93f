// core::json values as nlohmann/json's, the reference parser the tests and the fuzzer compare
// core/json_doc with. Test code only.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/json_doc.h"

namespace test {

inline nlohmann::json ToNlohmann(core::json::Value v) {
  using core::json::Type;
  using core::json::Value;
  switch (v.GetType()) {
    case Type::Null: return nullptr;
    case Type::Boolean: return v.Source() == "true";
    case Type::Number: return nlohmann::json::parse(v.Source(), nullptr, false);
    case Type::String: return v.String();
    case Type::Array: {
      nlohmann::json a = nlohmann::json::array();
      v.ForEachElement([&](size_t, Value e) { a.push_back(ToNlohmann(e)); });
      return a;
    }
    case Type::Object: {
      nlohmann::json o = nlohmann::json::object();
      v.ForEachMember([&](std::string_view k, Value e) { o[std::string(k)] = ToNlohmann(e); });
      return o;
    }
  }
  return nullptr;
}

}  // namespace test
