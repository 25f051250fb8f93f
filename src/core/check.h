// Checked invariants: MODV_CHECK(cond && "why it must hold") stops the program with the message
// and the place when a stated contract is broken, as Dear ImGui's IM_ASSERT does. On in every
// native build (tests, sanitizers, the desktop viewer); the web build defines MODV_NO_CHECKS
// (cmake/web.cmake) so that a visitor's page is never aborted by a check.
#pragma once

#ifdef MODV_NO_CHECKS
#define MODV_CHECK(cond) ((void)0)
#else
#include <cstdio>
#include <cstdlib>
#define MODV_CHECK(cond)                                                                          \
  ((cond) ? (void)0                                                                               \
          : (std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond), std::abort()))
#endif
