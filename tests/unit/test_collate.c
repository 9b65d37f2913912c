/* test_collate.c - Vietnamese alphabetical order of candidate names and
 * the check of units' official order against it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "collate.h"

/* Asserts that the list is strictly increasing in collation order. */
static void assert_strictly_ordered(const char *const *list, int n)
{
    for (int i = 0; i + 1 < n; i++) {
        if (collate_compare(list[i], list[i + 1]) >= 0)
            fail_msg("\"%s\" should sort before \"%s\"", list[i], list[i + 1]);
        if (collate_compare(list[i + 1], list[i]) <= 0)
            fail_msg("\"%s\" should sort after \"%s\"", list[i + 1], list[i]);
    }
}

static void test_alphabet(void **state)
{
    static const char *const letters[] = {
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k",
        "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư",
        "v", "x", "y",
    };
    assert_strictly_ordered(letters, 29);

    static const char *const upper[] = {
        "A", "Ă", "Â", "B", "D", "Đ", "E", "Ê", "O", "Ô", "Ơ", "U", "Ư", "Y",
    };
    assert_strictly_ordered(upper, 14);
}

static void test_d_and_dd(void **state)
{
    /* đ is its own letter after d, whatever follows. */
    static const char *const names[] = { "Dũng", "Duy", "Dương", "Đào", "Đức" };
    assert_strictly_ordered(names, 5);
    assert_true(collate_compare("Đa", "Dz") > 0);
    assert_true(collate_compare("đông", "ĐÔNG") == 0);
    assert_true(collate_compare("Đạt", "Eo") < 0);
}

static void test_u_and_uhorn(void **state)
{
    static const char *const names[] = { "Uyên", "Uyển", "Ưng", "Ước" };
    assert_strictly_ordered(names, 4);

    /* Letters decide before tones: Tú has u, Từ has ư. */
    assert_true(collate_compare("Tú", "Từ") < 0);
    assert_true(collate_compare("Tụ", "Tư") < 0);
    assert_true(collate_compare("Thu", "Thư") < 0);
}

static void test_every_tone(void **state)
{
    /* none, huyền, hỏi, ngã, sắc, nặng */
    static const char *const a[] = { "a", "à", "ả", "ã", "á", "ạ" };
    static const char *const ma[] = { "Ma", "Mà", "Mả", "Mã", "Má", "Mạ" };
    static const char *const uong[] = {
        "Ương", "Ường", "Ưởng", "Ưỡng", "Ướng", "Ượng",
    };
    static const char *const yen[] = {
        "Yên", "Yền", "Yển", "Yễn", "Yến", "Yện",
    };
    assert_strictly_ordered(a, 6);
    assert_strictly_ordered(ma, 6);
    assert_strictly_ordered(uong, 6);
    assert_strictly_ordered(yen, 6);

    /* Tones count only when the letters are equal. */
    assert_true(collate_compare("Mạ", "Mac") < 0);
    assert_true(collate_compare("Ánh", "Anh") > 0);
    assert_true(collate_compare("Ánh", "Ao") < 0);
    assert_true(collate_compare("Hòa", "Hoan") < 0);
}

static void test_breve_circumflex_horn(void **state)
{
    static const char *const names[] = {
        "An", "Anh", "Ăn", "Ân", "Bảo", "Em", "Êm", "Ong", "Ông", "Ơn",
    };
    assert_strictly_ordered(names, 10);
}

static void test_case_and_decomposed_input(void **state)
{
    assert_int_equal(collate_compare("NGUYỄN", "nguyễn"), 0);
    /* "Nguyễn" with e + circumflex + tilde written as combining marks. */
    assert_int_equal(collate_compare("Nguye\xcc\x82\xcc\x83n", "Nguyễn"), 0);
    /* "Đặng" with a + dot below + breve as combining marks. */
    assert_int_equal(collate_compare("\xc4\x90\x61\xcc\xa3\xcc\x86ng", "Đặng"), 0);
    assert_int_equal(collate_compare(NULL, ""), 0);
    assert_true(collate_compare(NULL, "a") < 0);
}

static void test_syllables(void **state)
{
    /* Syllable by syllable; a prefix comes first. */
    static const char *const names[] = {
        "Thị", "Thị Hoa", "Thị Thu", "Thị Thủy", "Thị Thúy", "Thịnh",
    };
    assert_strictly_ordered(names, 6);
    assert_true(collate_compare("Hoa Cúc", "Hoà Bình") < 0);
    assert_true(collate_compare("Lê-Anh", "Lê Anh") == 0);
}

static struct candidate cand(const char *id, const char *family,
                             const char *middle, const char *given,
                             const char *other, const char *born)
{
    struct candidate c;
    memset(&c, 0, sizeof c);
    c.id = (char *)id;
    c.family_name = (char *)family;
    c.middle_name = (char *)middle;
    c.given_name = (char *)given;
    c.other_name = (char *)other;
    c.birth_date = (char *)born;
    return c;
}

static void test_candidates_order(void **state)
{
    struct candidate list[] = {
        cand("c1", "Trần", "Thị", "An", NULL, "1970-01-01"),
        cand("c2", "Lê", "Văn", "An", NULL, "1970-01-01"),
        cand("c3", "Lê", "Thị", "An", NULL, "1970-01-01"),
        cand("c4", "Lê", "Thị", "An", NULL, "1965-05-20"),
        cand("c5", "Võ", "", "Bình", NULL, "1980-01-01"),
        cand("c6", "Nguyễn", "Văn", "Ba", "Ba Đen", "1960-02-02"),
        cand("c7", "Phạm", "Văn", "Đông", NULL, "1975-03-03"),
        cand("c8", "Hồ", "Thị", "Dung", NULL, "1975-03-03"),
    };
    /* Equal given names: family decides (Lê < Trần); equal given and
     * family: middle decides (Thị < Văn); equal full names: the earlier
     * birth first. Other names do not take part. */
    assert_true(collate_candidates(&list[2], &list[1]) < 0);
    assert_true(collate_candidates(&list[1], &list[0]) < 0);
    assert_true(collate_candidates(&list[3], &list[2]) < 0);
    assert_true(collate_candidates(&list[0], &list[5]) < 0);
    assert_true(collate_candidates(&list[5], &list[4]) < 0);
    assert_true(collate_candidates(&list[7], &list[6]) < 0);
    assert_int_equal(collate_candidates(&list[2], &list[2]), 0);

    assert_true(collate_same_name(&list[2], &list[3]));
    assert_false(collate_same_name(&list[1], &list[2]));
    assert_false(collate_same_name(&list[0], &list[2]));

    /* Other names in parentheses in free text: the bracket separates. */
    assert_true(collate_compare("Ba (Tư Đen)", "Ba") > 0);
    assert_true(collate_compare("Ba (Tư Đen)", "Bà") < 0);
}

static void test_check_units(void **state)
{
    struct candidate list[] = {
        cand("a1", "Lê", "Thị", "An", NULL, "1965-05-20"),
        cand("a2", "Lê", "Thị", "An", NULL, "1970-01-01"),
        cand("a3", "Nguyễn", "Văn", "Đức", "Ba Đức", "1970-01-01"),
        cand("b1", "Trần", "Văn", "Ưng", NULL, "1970-01-01"),
        cand("b2", "Hà", "Thị", "Uyên", NULL, "1970-01-01"),
        cand("b3", "Đỗ", "", "Yến", NULL, "1970-01-01"),
    };
    int good[] = { 0, 1, 2 };
    int bad[] = { 3, 4, 5 };
    struct unit units[2];
    memset(units, 0, sizeof units);
    units[0].id = "u1";
    units[0].name = "Đơn vị số 1";
    units[0].candidate_count = 3;
    units[0].candidates = good;
    units[1].id = "u2";
    units[1].name = "Đơn vị số 2";
    units[1].candidate_count = 3;
    units[1].candidates = bad;

    struct content c;
    memset(&c, 0, sizeof c);
    c.candidates = list;
    c.candidate_count = 6;
    c.units = units;
    c.unit_count = 2;

    struct diag d;
    diag_init(&d);
    assert_int_equal(collate_check_units(&c, &d, "m.json"), 1);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.entries[0].severity, DIAG_WARNING);
    assert_string_equal(d.entries[0].field, "units[1].candidates");
    assert_non_null(strstr(d.entries[0].message, "u2"));
    assert_non_null(strstr(d.entries[0].message, "Trần Văn Ưng"));
    assert_non_null(strstr(d.entries[0].message, "Hà Thị Uyên"));
    diag_clear(&d);

    /* Namesakes get their date of birth shown. */
    assert_true(collate_has_namesake(&c, 0));
    assert_true(collate_has_namesake(&c, 1));
    assert_false(collate_has_namesake(&c, 2));
    assert_false(collate_has_namesake(&c, 99));

    /* Fixed order: no warning. */
    int fixed[] = { 4, 3, 5 };
    units[1].candidates = fixed;
    diag_init(&d);
    assert_int_equal(collate_check_units(&c, &d, "m.json"), 0);
    assert_int_equal(d.count, 0);
    diag_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alphabet),
        cmocka_unit_test(test_d_and_dd),
        cmocka_unit_test(test_u_and_uhorn),
        cmocka_unit_test(test_every_tone),
        cmocka_unit_test(test_breve_circumflex_horn),
        cmocka_unit_test(test_case_and_decomposed_input),
        cmocka_unit_test(test_syllables),
        cmocka_unit_test(test_candidates_order),
        cmocka_unit_test(test_check_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
