/* test_jsonloc.c - unit tests for jsonloc.c: the line of a field path in
 * JSON text, including strings that look like structure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "jsonloc.h"

static const char doc[] =
    "\n"                                             /* 1 */
    "{\n"                                            /* 2 */
    "  \"format\": 1,\n"                             /* 3 */
    "  \"election\": {\n"                            /* 4 */
    "    \"name\": \"a } ] , : \\\" [ {\",\n"        /* 5 */
    "    \"day\":\n"                                 /* 6 */
    "      \"2026-03-15\"\n"                         /* 7 */
    "  },\n"                                         /* 8 */
    "  \"playlist\": [\n"                            /* 9 */
    "    {\"id\": \"a\"},\n"                         /* 10 */
    "    {\"id\": \"b\", \"schedule\": {\n"          /* 11 */
    "      \"days\": [\"mon\",\n"                    /* 12 */
    "               \"tue\"]}},\n"                   /* 13 */
    "    [1, 2, {\"x\": null}],\n"                   /* 14 */
    "    {\"id\": \"d\", \"say\\\"s\": true}\n"      /* 15 */
    "  ],\n"                                         /* 16 */
    "  \"format\": 2\n"                              /* 17 */
    "}\n";

static int line(const char *path)
{
    return jsonloc_line(doc, strlen(doc), path);
}

static void finds_values(void **state)
{
    assert_int_equal(line(""), 2);
    assert_int_equal(line("format"), 3);
    assert_int_equal(line("election"), 4);
    assert_int_equal(line("election.name"), 5);
    assert_int_equal(line("election.day"), 7);
    assert_int_equal(line("playlist"), 9);
    assert_int_equal(line("playlist[0]"), 10);
    assert_int_equal(line("playlist[0].id"), 10);
    assert_int_equal(line("playlist[1].schedule"), 11);
    assert_int_equal(line("playlist[1].schedule.days"), 12);
    assert_int_equal(line("playlist[1].schedule.days[1]"), 13);
    assert_int_equal(line("playlist[2][2].x"), 14);
    assert_int_equal(line("playlist[3]"), 15);
}

static void missing_parts_give_the_parent(void **state)
{
    assert_int_equal(line("election.polls_open"), 4);
    assert_int_equal(line("playlist[1].schedule.times"), 11);
    assert_int_equal(line("playlist[9]"), 9);
    assert_int_equal(line("playlist[0].id.deeper"), 10);
    assert_int_equal(line("format[0]"), 3);
    assert_int_equal(line("nothing.at.all"), 2);
}

static void strings_that_look_like_structure(void **state)
{
    /* The value of name holds } ] , : and an escaped quote; the scan
     * must not stop inside it to find "day". */
    assert_int_equal(line("election.day"), 7);
    /* A key with an escaped quote in it. */
    assert_int_equal(line("playlist[3].say\"s"), 15);
}

static void duplicate_keys_give_the_first(void **state)
{
    assert_int_equal(line("format"), 3);
}

static void broken_text_gives_zero(void **state)
{
    const char *broken = "{\n  \"a\": [1, 2\n  \"b\": 3\n}";

    assert_int_equal(jsonloc_line(broken, strlen(broken), "b"), 0);
    assert_int_equal(jsonloc_line(broken, strlen(broken), "a[1]"), 2);
    assert_int_equal(jsonloc_line("", 0, ""), 0);
    assert_int_equal(jsonloc_line(NULL, 0, "a"), 0);
    assert_int_equal(jsonloc_line(doc, strlen(doc), "playlist[x]"), 0);
    assert_int_equal(jsonloc_line(doc, strlen(doc), "playlist[1"), 0);

    /* Truncated text: the scan stops at len, not at the terminator. */
    assert_int_equal(jsonloc_line(doc, 20, "playlist"), 0);
}

static void line_of_offset(void **state)
{
    const char *text = "a\nbc\n\nd";

    assert_int_equal(jsonloc_line_of_offset(text, 0), 1);
    assert_int_equal(jsonloc_line_of_offset(text, 1), 1);
    assert_int_equal(jsonloc_line_of_offset(text, 2), 2);
    assert_int_equal(jsonloc_line_of_offset(text, 5), 3);
    assert_int_equal(jsonloc_line_of_offset(text, 6), 4);
    assert_int_equal(jsonloc_line_of_offset(text, 100), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_values),
        cmocka_unit_test(missing_parts_give_the_parent),
        cmocka_unit_test(strings_that_look_like_structure),
        cmocka_unit_test(duplicate_keys_give_the_first),
        cmocka_unit_test(broken_text_gives_zero),
        cmocka_unit_test(line_of_offset),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
