/* test_timeutil.c - unit tests for timeutil.c: every instant form the
 * manifest accepts, "HH:MM", the ISO output, and rejection of garbage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "timeutil.h"
#include "tzone.h"

/* 2026-03-13T23:59:50Z, which is 06:59:50 on the 14th in Vietnam. */
#define T_0659_MS 1773446390000LL
/* 2026-03-13T17:00:00Z: midnight starting the 14th in Vietnam. */
#define MIDNIGHT_14_MS 1773421200000LL

static int setup(void **state)
{
    *state = tzone_load("Asia/Ho_Chi_Minh");
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    tzone_free(*state);
    return 0;
}

static int64_t parse_ok(const char *s, const struct tzone *tz)
{
    int64_t ms = -1;

    if (timeutil_parse_instant(s, tz, &ms) != 0)
        fail_msg("rejected \"%s\"", s);
    return ms;
}

static void accepts_every_instant_form(void **state)
{
    const struct tzone *vn = *state;

    assert_int_equal(parse_ok("2026-03-14T06:59:50+07:00", vn), T_0659_MS);
    assert_int_equal(parse_ok("2026-03-14T06:59:50+0700", vn), T_0659_MS);
    assert_int_equal(parse_ok("2026-03-13T23:59:50Z", vn), T_0659_MS);
    assert_int_equal(parse_ok("2026-03-13T18:29:50-05:30", vn), T_0659_MS);
    assert_int_equal(parse_ok("2026-03-14T06:59:50", vn), T_0659_MS);
    assert_int_equal(parse_ok("2026-03-14 06:59:50", vn), T_0659_MS);
    assert_int_equal(parse_ok("2026-03-14 06:59", vn), T_0659_MS - 50000);
    assert_int_equal(parse_ok("2026-03-14T06:59", vn), T_0659_MS - 50000);
    assert_int_equal(parse_ok("2026-03-14", vn), MIDNIGHT_14_MS);
    assert_int_equal(parse_ok("2026-03-14T06:59:50.250+07:00", vn), T_0659_MS + 250);
    assert_int_equal(parse_ok("2026-03-14T06:59:50.5Z", vn),
                     T_0659_MS + 7 * 3600000LL + 500);
}

static void an_offset_ignores_the_zone(void **state)
{
    struct tzone *ny = tzone_load("America/New_York");

    assert_non_null(ny);
    assert_int_equal(parse_ok("2026-03-14T06:59:50+07:00", ny), T_0659_MS);
    /* Without one, the zone decides: 06:59:50 EDT is 10:59:50Z. */
    assert_int_equal(parse_ok("2026-03-14T06:59:50", ny),
                     T_0659_MS + 11 * 3600000LL);
    tzone_free(ny);
}

static void epoch_and_leap_days(void **state)
{
    assert_int_equal(parse_ok("1970-01-01T00:00:00Z", NULL), 0);
    assert_int_equal(parse_ok("1969-12-31T23:59:59Z", NULL), -1000);
    assert_int_equal(parse_ok("2028-02-29", NULL), 1835395200000LL);
    assert_int_equal(parse_ok("2000-02-29T00:00Z", NULL), 951782400000LL);
}

static void rejects_garbage(void **state)
{
    const char *bad[] = {
        "", "garbage", "2026-02-30", "2026-02-29", "1900-02-29", "2026-13-01",
        "2026-00-10", "2026-03-00", "2026-03-32", "2026-3-14", "26-03-14",
        "2026/03/14", "2026-03-14T25:00", "2026-03-14 24:00", "2026-03-14T06:60",
        "2026-03-14T06:59:60", "2026-03-14T6:59", "2026-03-14T06", "2026-03-14T",
        "2026-03-14x", "2026-03-14 ", "2026-03-14T06:59:50+07:00x",
        "2026-03-14T06:59:50+07", "2026-03-14T06:59:50+24:00", "2026-03-14Z",
        "2026-03-14T06:59:50.", "2026-03-14T06:59:50ZZ", " 2026-03-14",
    };
    const struct tzone *vn = *state;

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t ms = 42;
        if (timeutil_parse_instant(bad[i], vn, &ms) == 0)
            fail_msg("accepted \"%s\"", bad[i]);
        assert_int_equal(ms, 42);
    }
    assert_int_equal(timeutil_parse_instant(NULL, vn, &(int64_t){0}), -1);
}

static void hhmm(void **state)
{
    const char *bad[] = {
        "", "7:00", "07:0", "0700", "07:00x", "25:00", "24:01", "07:60", "-1:00",
        "ab:cd", " 07:00",
    };
    int min = -1;

    assert_int_equal(timeutil_parse_hhmm("07:00", &min), 0);
    assert_int_equal(min, 420);
    assert_int_equal(timeutil_parse_hhmm("00:00", &min), 0);
    assert_int_equal(min, 0);
    assert_int_equal(timeutil_parse_hhmm("23:59", &min), 0);
    assert_int_equal(min, 1439);
    assert_int_equal(timeutil_parse_hhmm("24:00", &min), 0);
    assert_int_equal(min, 1440);

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        min = -1;
        if (timeutil_parse_hhmm(bad[i], &min) == 0)
            fail_msg("accepted \"%s\"", bad[i]);
        assert_int_equal(min, -1);
    }
}

static void formats_iso(void **state)
{
    const struct tzone *vn = *state;
    struct tzone *ny = tzone_load("America/New_York");
    char buf[40];

    timeutil_format_iso(T_0659_MS, vn, buf, sizeof buf);
    assert_string_equal(buf, "2026-03-14T06:59:50+07:00");
    timeutil_format_iso(T_0659_MS, ny, buf, sizeof buf);
    assert_string_equal(buf, "2026-03-13T19:59:50-04:00");
    timeutil_format_iso(-1, NULL, buf, sizeof buf);
    assert_string_equal(buf, "1969-12-31T23:59:59+00:00");

    /* Too small a buffer is cut, not overrun. */
    char small[11];
    timeutil_format_iso(T_0659_MS, vn, small, sizeof small);
    assert_string_equal(small, "2026-03-14");
    tzone_free(ny);
}

static void format_and_parse_agree(void **state)
{
    const struct tzone *vn = *state;
    char buf[40];

    for (int64_t ms = -86400000LL * 400; ms < 2000000000000LL; ms += 86399000LL * 37) {
        timeutil_format_iso(ms, vn, buf, sizeof buf);
        assert_int_equal(parse_ok(buf, NULL), ms);
    }
}

/* Found by fuzzing: before 1906 the zone is local mean time, +07:06:30.
 * The ISO form names whole minutes, so the wall time moves to match and
 * the text still names the same instant. */
static void local_mean_time_round_trips(void **state)
{
    const struct tzone *vn = *state;
    int64_t ms = parse_ok("1081-03-14", vn);
    char buf[40];

    timeutil_format_iso(ms, vn, buf, sizeof buf);
    assert_string_equal(buf, "1081-03-13T23:59:30+07:06");
    assert_int_equal(parse_ok(buf, NULL), ms);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_every_instant_form),
        cmocka_unit_test(an_offset_ignores_the_zone),
        cmocka_unit_test(epoch_and_leap_days),
        cmocka_unit_test(rejects_garbage),
        cmocka_unit_test(hhmm),
        cmocka_unit_test(formats_iso),
        cmocka_unit_test(format_and_parse_agree),
        cmocka_unit_test(local_mean_time_round_trips),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
