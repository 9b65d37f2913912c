/* test_utf8.c - unit tests for utf8.c: NFC of Vietnamese letters typed
 * as base plus combining marks, validity checks and character lengths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

/* "Nguyễn": e + U+0302 circumflex + U+0303 tilde, and the one letter. */
#define NGUYEN_DECOMPOSED "Nguye\xcc\x82\xcc\x83n"
#define NGUYEN_PRECOMPOSED "Nguy\xe1\xbb\x85n"

static void nfc_composes_vietnamese_name(void **state)
{
    char *out = utf8_nfc(NGUYEN_DECOMPOSED);

    assert_non_null(out);
    assert_string_equal(out, NGUYEN_PRECOMPOSED);
    free(out);
}

static void nfc_orders_marks_before_composing(void **state)
{
    /* ệ typed with the dot below first and with the circumflex first. */
    char *a = utf8_nfc("e\xcc\xa3\xcc\x82");
    char *b = utf8_nfc("e\xcc\x82\xcc\xa3");

    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(a, "\xe1\xbb\x87");
    assert_string_equal(b, "\xe1\xbb\x87");
    free(a);
    free(b);
}

static void nfc_keeps_composed_text(void **state)
{
    const char *s = "Cu\xe1\xbb\x99" "c b\xe1\xba\xa7u c\xe1\xbb\xad " NGUYEN_PRECOMPOSED;
    char *out = utf8_nfc(s);

    assert_non_null(out);
    assert_string_equal(out, s);
    free(out);

    out = utf8_nfc("");
    assert_non_null(out);
    assert_string_equal(out, "");
    free(out);
}

static void nfc_rejects_invalid_input(void **state)
{
    assert_null(utf8_nfc(NULL));
    assert_null(utf8_nfc("ab\xff"));
    assert_null(utf8_nfc("\xc0\xaf"));
    assert_null(utf8_nfc("x\xe1\xbb"));
}

static void valid_accepts_and_rejects(void **state)
{
    const char *good = "B\xe1\xba\xa7u c\xe1\xbb\xad \xf0\x9f\x97\xb3";

    assert_true(utf8_valid(good, strlen(good)));
    assert_true(utf8_valid("", 0));
    assert_false(utf8_valid(NULL, 0));
    assert_false(utf8_valid("\xff", 1));
    assert_false(utf8_valid("\xc0\xaf", 2));          /* overlong '/' */
    assert_false(utf8_valid("\xed\xa0\x80", 3));      /* surrogate */
    assert_false(utf8_valid("\xf4\x90\x80\x80", 4));  /* past U+10FFFF */
    assert_false(utf8_valid("\x80", 1));              /* lone continuation */
    /* The length counts: a letter cut short is invalid. */
    assert_false(utf8_valid("\xe1\xbb\x85", 2));
    assert_true(utf8_valid("\xe1\xbb\x85", 3));
}

static void char_len_by_lead_byte(void **state)
{
    assert_int_equal(utf8_char_len("a"), 1);
    assert_int_equal(utf8_char_len("\xc3\xa9"), 2);
    assert_int_equal(utf8_char_len("\xe1\xbb\x85n"), 3);
    assert_int_equal(utf8_char_len("\xf0\x9f\x97\xb3"), 4);
    assert_int_equal(utf8_char_len("\xff"), 1);
    assert_int_equal(utf8_char_len("\x80"), 1);
    /* A truncated sequence never reaches past the terminator. */
    assert_int_equal(utf8_char_len("\xe1\xbb"), 1);
    assert_int_equal(utf8_char_len(""), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nfc_composes_vietnamese_name),
        cmocka_unit_test(nfc_orders_marks_before_composing),
        cmocka_unit_test(nfc_keeps_composed_text),
        cmocka_unit_test(nfc_rejects_invalid_input),
        cmocka_unit_test(valid_accepts_and_rejects),
        cmocka_unit_test(char_len_by_lead_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
