#pragma once

#include <QtGlobal>

// True in scripts/sanitize.sh's runs (it sets these variables). Sanitized code
// runs 5-20x slower: rows and functions whose code the sanitizer stages cover
// elsewhere skip there (saying where), to keep a cold CI run within its budget.
inline bool under_sanitizer()
{
    return qEnvironmentVariableIsSet("ASAN_OPTIONS") || qEnvironmentVariableIsSet("TSAN_OPTIONS");
}

// The thread sanitizer alone: its stage runs the worker and job tests for their threads.
inline bool under_thread_sanitizer()
{
    return qEnvironmentVariableIsSet("TSAN_OPTIONS");
}
