/* test_tzone.c - unit tests for tzone.c against the system's zoneinfo:
 * Vietnam's offset history, New York's DST switches, fixed offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tzone.h"

#define HOUR_S 3600

/* 2026-03-08 07:00:00Z: New York springs forward from EST to EDT. */
#define NY_SPRING_2026 1772953200
/* 2026-11-01 06:00:00Z: New York falls back from EDT to EST. */
#define NY_FALL_2026 1793512800
/* 1975-06-12 16:00:00Z: southern Vietnam moved from +08:00 to +07:00. */
#define HCM_1975_SWITCH 171820800
/* 2026-03-15 00:00:00Z, election day morning in Vietnam. */
#define ELECTION_MORNING 1773532800

static struct tm wall(int year, int month, int day, int hour, int min, int sec)
{
    struct tm tm;

    memset(&tm, 0, sizeof tm);
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = min;
    tm.tm_sec = sec;
    tm.tm_isdst = -1;
    return tm;
}

static void hcm_is_plus7_now_and_was_plus8_in_1970(void **state)
{
    struct tzone *tz = tzone_load("Asia/Ho_Chi_Minh");

    assert_non_null(tz);
    assert_int_equal(tzone_offset_at(tz, ELECTION_MORNING), 7 * HOUR_S);
    assert_int_equal(tzone_offset_at(tz, 0), 8 * HOUR_S);
    assert_int_equal(tzone_offset_at(tz, HCM_1975_SWITCH - 1), 8 * HOUR_S);
    assert_int_equal(tzone_offset_at(tz, HCM_1975_SWITCH), 7 * HOUR_S);
    tzone_free(tz);
}

static void before_first_transition_uses_first_type(void **state)
{
    struct tzone *tz = tzone_load("Asia/Ho_Chi_Minh");

    /* 1900: local mean time of Saigon, +07:06:30. */
    assert_non_null(tz);
    assert_int_equal(tzone_offset_at(tz, -2208988800LL), 25590);
    tzone_free(tz);
}

static void local_fields_on_election_day(void **state)
{
    struct tzone *tz = tzone_load("Asia/Ho_Chi_Minh");
    struct tm tm;

    assert_non_null(tz);
    tzone_local(tz, ELECTION_MORNING, &tm);
    assert_int_equal(tm.tm_year, 126);
    assert_int_equal(tm.tm_mon, 2);
    assert_int_equal(tm.tm_mday, 15);
    assert_int_equal(tm.tm_hour, 7);
    assert_int_equal(tm.tm_min, 0);
    assert_int_equal(tm.tm_wday, 0); /* a Sunday */
    assert_int_equal(tm.tm_yday, 73);
    assert_int_equal(tm.tm_gmtoff, 7 * HOUR_S);
    tzone_free(tz);
}

static void new_york_dst_switch_instants(void **state)
{
    struct tzone *tz = tzone_load("America/New_York");
    struct tm tm;

    assert_non_null(tz);
    assert_int_equal(tzone_offset_at(tz, NY_SPRING_2026 - 1), -5 * HOUR_S);
    assert_int_equal(tzone_offset_at(tz, NY_SPRING_2026), -4 * HOUR_S);
    assert_int_equal(tzone_offset_at(tz, NY_FALL_2026 - 1), -4 * HOUR_S);
    assert_int_equal(tzone_offset_at(tz, NY_FALL_2026), -5 * HOUR_S);

    tzone_local(tz, NY_SPRING_2026 - 1, &tm);
    assert_int_equal(tm.tm_hour, 1);
    assert_int_equal(tm.tm_min, 59);
    assert_int_equal(tm.tm_isdst, 0);
    tzone_local(tz, NY_SPRING_2026, &tm);
    assert_int_equal(tm.tm_hour, 3);
    assert_int_equal(tm.tm_min, 0);
    assert_int_equal(tm.tm_isdst, 1);
    tzone_free(tz);
}

static void new_york_gap_and_repeated_hour(void **state)
{
    struct tzone *tz = tzone_load("America/New_York");

    assert_non_null(tz);

    /* 03:00 EDT is the switch instant itself. */
    struct tm t = wall(2026, 3, 8, 3, 0, 0);
    assert_int_equal(tzone_instant(tz, &t), NY_SPRING_2026);

    /* 02:30 never happens; read as EST it lands at 03:30 EDT. */
    t = wall(2026, 3, 8, 2, 30, 0);
    assert_int_equal(tzone_instant(tz, &t), NY_SPRING_2026 + 1800);

    /* 01:30 happens twice in November; the earlier (EDT) one wins. */
    t = wall(2026, 11, 1, 1, 30, 0);
    assert_int_equal(tzone_instant(tz, &t), NY_FALL_2026 - 1800);

    /* Far from any switch. */
    t = wall(2026, 7, 4, 12, 0, 0);
    assert_int_equal(tzone_instant(tz, &t), 1783123200 + 16 * HOUR_S);
    tzone_free(tz);
}

static bool same_wall(const struct tm *a, const struct tm *b)
{
    return a->tm_year == b->tm_year && a->tm_mon == b->tm_mon &&
           a->tm_mday == b->tm_mday && a->tm_hour == b->tm_hour &&
           a->tm_min == b->tm_min && a->tm_sec == b->tm_sec;
}

static void round_trips(void **state)
{
    const char *names[] = {"Asia/Ho_Chi_Minh", "America/New_York", "+05:30", "UTC"};
    int repeated = 0;

    for (int z = 0; z < 4; z++) {
        struct tzone *tz = tzone_load(names[z]);
        assert_non_null(tz);

        /* Every 97 minutes from 1969 to 2031. */
        for (int64_t t = -86400LL * 365; t < 1956528000LL; t += 97 * 60) {
            struct tm tm, again;
            tzone_local(tz, t, &tm);
            int64_t back = tzone_instant(tz, &tm);
            tzone_local(tz, back, &again);

            /* The same wall time; a different instant only when that wall
             * time happened twice and this was the second time. */
            assert_true(same_wall(&tm, &again));
            if (back != t) {
                assert_true(back < t);
                repeated++;
            }
        }
        tzone_free(tz);
    }

    /* New York repeats an hour every autumn; the samples hit some. */
    assert_true(repeated > 0);
}

static void fixed_offsets(void **state)
{
    struct {
        const char *name;
        int offset;
    } ok[] = {{"UTC", 0}, {"Z", 0}, {"+07:00", 25200}, {"-05:30", -19800},
              {"+00:00", 0}, {"+14:00", 50400}};

    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        struct tzone *tz = tzone_load(ok[i].name);
        assert_non_null(tz);
        assert_int_equal(tzone_offset_at(tz, 0), ok[i].offset);
        assert_int_equal(tzone_offset_at(tz, ELECTION_MORNING), ok[i].offset);
        tzone_free(tz);
    }

    struct tzone *tz = tzone_load("-05:30");
    struct tm tm;
    tzone_local(tz, 0, &tm);
    assert_int_equal(tm.tm_year, 69);
    assert_int_equal(tm.tm_mday, 31);
    assert_int_equal(tm.tm_hour, 18);
    assert_int_equal(tm.tm_min, 30);
    assert_int_equal(tm.tm_wday, 3);
    tzone_free(tz);
}

static void rejects_bad_names(void **state)
{
    const char *bad[] = {
        "", "../../etc/passwd", "Asia/../../../etc/passwd", "/etc/localtime",
        "Nowhere/Atlantis", "+25:00", "+07", "07:00", "+7:00", "Asia/Ho Chi Minh",
        "Asia", /* a directory, not a zone file */
    };

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct tzone *tz = tzone_load(bad[i]);
        if (tz)
            fail_msg("accepted \"%s\"", bad[i]);
    }
    assert_null(tzone_load(NULL));
    tzone_free(NULL);
}

static void tzdir_is_honoured(void **state)
{
    setenv("TZDIR", "/nonexistent-zoneinfo", 1);
    struct tzone *missing = tzone_load("Asia/Ho_Chi_Minh");
    struct tzone *fixed = tzone_load("+07:00");
    unsetenv("TZDIR");

    assert_null(missing);
    assert_non_null(fixed);
    tzone_free(fixed);
}

static void after_last_transition_keeps_last_offset(void **state)
{
    struct tzone *tz = tzone_load("America/New_York");

    /* January 2045 is past Debian's tables (to 2037); standard time is
     * right whether or not the POSIX rule is read (see tzone.c). */
    assert_non_null(tz);
    assert_int_equal(tzone_offset_at(tz, 2366841600LL), -5 * HOUR_S);
    tzone_free(tz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hcm_is_plus7_now_and_was_plus8_in_1970),
        cmocka_unit_test(before_first_transition_uses_first_type),
        cmocka_unit_test(local_fields_on_election_day),
        cmocka_unit_test(new_york_dst_switch_instants),
        cmocka_unit_test(new_york_gap_and_repeated_hour),
        cmocka_unit_test(round_trips),
        cmocka_unit_test(fixed_offsets),
        cmocka_unit_test(rejects_bad_names),
        cmocka_unit_test(tzdir_is_honoured),
        cmocka_unit_test(after_last_transition_keeps_last_offset),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
