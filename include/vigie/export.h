// SPDX-License-Identifier: Apache-2.0
// Symbol visibility for the vigie shared library.
// Only declarations marked VIGIE_EXPORT leave the library; the rest is hidden.
#ifndef VIGIE_EXPORT_H_
#define VIGIE_EXPORT_H_

#if defined(VIGIE_STATIC_DEFINE)
#define VIGIE_EXPORT
#elif defined(_WIN32)
#if defined(VIGIE_BUILDING_LIBRARY)
#define VIGIE_EXPORT __declspec(dllexport)
#else
#define VIGIE_EXPORT __declspec(dllimport)
#endif
#else
#define VIGIE_EXPORT __attribute__((visibility("default")))
#endif

#endif  // VIGIE_EXPORT_H_
