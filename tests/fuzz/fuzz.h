/*
 * What the parsers' libFuzzer targets share (tests/fuzz/)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

/*
 * A rule of the API under test that an input broke: abort, which
 * libFuzzer reports as a crash and saves the input of
 */
#define CHECK(cond) do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: contract broken: %s\n", __FILE__, \
                    __LINE__, #cond); \
            abort(); \
        } \
    } while (0)

#endif /* TESTS_FUZZ_FUZZ_H */
