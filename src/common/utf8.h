/* utf8.h - UTF-8 helpers: NFC normalisation so decomposed Vietnamese
 * diacritics render like precomposed ones, and validity checks. */
#ifndef BANGTIN_UTF8_H
#define BANGTIN_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Returns a newly allocated NFC copy of s, or NULL if s is not valid
 * UTF-8 (or out of memory). Caller frees. */
char *utf8_nfc(const char *s);

bool utf8_valid(const char *s, size_t len);

/* Byte length of the UTF-8 sequence starting at s (1 for invalid). */
int utf8_char_len(const char *s);

#endif
