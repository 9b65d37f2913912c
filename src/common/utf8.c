/* utf8.c - UTF-8 helpers on top of utf8proc: NFC composition, so "e" plus
 * combining marks becomes the single letter the font draws best. */
#include "utf8.h"

#include <stdlib.h>
#include <utf8proc.h>

char *utf8_nfc(const char *s)
{
    utf8proc_uint8_t *out = NULL;

    if (!s)
        return NULL;

    /* utf8proc_map validates while it decodes and fails on bad input. */
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                          UTF8PROC_COMPOSE);
    if (n < 0)
        return NULL;
    return (char *)out;
}

bool utf8_valid(const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t pos = 0;

    if (!s)
        return false;

    /* utf8proc_iterate rejects overlong forms, surrogates and values past
     * U+10FFFF. */
    while (pos < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + pos,
                                              (utf8proc_ssize_t)(len - pos), &cp);
        if (n <= 0)
            return false;
        pos += (size_t)n;
    }
    return true;
}

int utf8_char_len(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int len;

    if (p[0] < 0x80)
        len = 1;
    else if ((p[0] & 0xe0) == 0xc0)
        len = 2;
    else if ((p[0] & 0xf0) == 0xe0)
        len = 3;
    else if ((p[0] & 0xf8) == 0xf0)
        len = 4;
    else
        return 1;

    /* Stops at a missing continuation byte, which includes the NUL
     * terminator, so callers never step past the end of the string. */
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 1;
    }
    return len;
}
