/* test_countdown.c - unit tests for countdown.c: each phase at its first
 * second and the second before, the counts, the wording and the numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "countdown.h"
#include "timeutil.h"
#include "tzone.h"

struct fixture {
    struct tzone *tz;
    struct election e;
    struct results r;
};

static int64_t at(struct fixture *f, const char *s)
{
    int64_t ms = 0;

    assert_int_equal(timeutil_parse_instant(s, f->tz, &ms), 0);
    return ms;
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);

    assert_non_null(f);
    f->tz = tzone_load("Asia/Ho_Chi_Minh");
    assert_non_null(f->tz);
    f->e.name = (char *)"Bầu cử thử";
    f->e.day_start_ms = at(f, "2026-12-20T00:00:00+07:00");
    f->e.polls_open_ms = at(f, "2026-12-20T07:00:00+07:00");
    f->e.polls_close_ms = at(f, "2026-12-20T19:00:00+07:00");
    f->e.campaign_end_ms = at(f, "2026-12-19T07:00:00+07:00");
    f->r.present = true;
    f->r.published_ms = at(f, "2026-12-27T10:00:00+07:00");
    f->r.turnout_pct = 98.72;
    f->r.voters_total = 10000;
    f->r.voters_voted = 9872;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    tzone_free(f->tz);
    free(f);
    return 0;
}

static void expect(struct fixture *f, int64_t now, enum countdown_phase phase,
                   int64_t left_s)
{
    struct countdown cd;

    countdown_compute(&f->e, &f->r, now, &cd);
    if (cd.phase != phase)
        fail_msg("at %lld: phase %s, expected %s", (long long)now,
                 countdown_phase_name(cd.phase), countdown_phase_name(phase));
    assert_int_equal(cd.left_s, left_s);
}

static void headline_at(struct fixture *f, int64_t now, const char *want)
{
    struct countdown cd;
    char buf[256];

    countdown_compute(&f->e, &f->r, now, &cd);
    countdown_headline(&cd, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void detail_at(struct fixture *f, int64_t now, const char *want)
{
    struct countdown cd;
    char buf[256];

    countdown_compute(&f->e, &f->r, now, &cd);
    countdown_detail(&cd, &f->e, &f->r, f->tz, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void test_before(void **state)
{
    struct fixture *f = *state;
    int64_t now = at(f, "2026-12-08T03:44:51+07:00");
    struct countdown cd;

    countdown_compute(&f->e, &f->r, now, &cd);
    assert_int_equal(cd.phase, COUNTDOWN_BEFORE);
    assert_int_equal(cd.days, 12);
    assert_int_equal(cd.hours, 3);
    assert_int_equal(cd.minutes, 15);
    assert_int_equal(cd.seconds, 9);
    assert_true(cd.target_ms == f->e.polls_open_ms);
    headline_at(f, now, "Còn 12 ngày 03 giờ 15 phút 09 giây đến ngày bầu cử");
    detail_at(f, now, "Ngày bầu cử: Chủ Nhật, 20/12/2026 · bỏ phiếu từ 07:00 đến 19:00");
}

static void test_campaign_end_boundary(void **state)
{
    struct fixture *f = *state;
    int64_t t = f->e.campaign_end_ms;

    expect(f, t - 1000, COUNTDOWN_BEFORE, 86401);
    headline_at(f, t - 1000, "Còn 1 ngày 00 giờ 00 phút 01 giây đến ngày bầu cử");
    expect(f, t, COUNTDOWN_SILENCE, 86400);
    headline_at(f, t, "Thời gian vận động bầu cử đã kết thúc");
}

static void test_day_start_boundary(void **state)
{
    struct fixture *f = *state;
    int64_t t = f->e.day_start_ms;

    expect(f, t - 1000, COUNTDOWN_SILENCE, 7 * 3600 + 1);
    headline_at(f, t - 1000, "Thời gian vận động bầu cử đã kết thúc");
    expect(f, t, COUNTDOWN_MORNING, 7 * 3600);
    headline_at(f, t, "Hôm nay là ngày bầu cử");
    detail_at(f, t, "Các khu vực bỏ phiếu mở cửa lúc 07:00 · còn 07:00:00");
}

static void test_polls_open_boundary(void **state)
{
    struct fixture *f = *state;
    int64_t t = f->e.polls_open_ms;

    expect(f, t - 1000, COUNTDOWN_MORNING, 1);
    detail_at(f, t - 1000, "Các khu vực bỏ phiếu mở cửa lúc 07:00 · còn 00:00:01");
    expect(f, t, COUNTDOWN_VOTING, 12 * 3600);
    headline_at(f, t, "Đang bỏ phiếu · còn 12:00:00");
    headline_at(f, at(f, "2026-12-20T13:47:20+07:00"), "Đang bỏ phiếu · còn 05:12:40");
    detail_at(f, t, "Các khu vực bỏ phiếu đóng cửa lúc 19:00");
}

static void test_polls_close_boundary(void **state)
{
    struct fixture *f = *state;
    int64_t t = f->e.polls_close_ms;

    expect(f, t - 1000, COUNTDOWN_VOTING, 1);
    headline_at(f, t - 1000, "Đang bỏ phiếu · còn 00:00:01");
    expect(f, t, COUNTDOWN_CLOSED, 0);
    headline_at(f, t, "Việc bỏ phiếu đã kết thúc. Cảm ơn cử tri!");
}

static void test_results_boundary(void **state)
{
    struct fixture *f = *state;
    int64_t t = f->r.published_ms;
    struct countdown cd;

    expect(f, t - 1000, COUNTDOWN_CLOSED, 0);
    countdown_compute(&f->e, &f->r, t - 1000, &cd);
    assert_true(cd.next_ms == t);
    expect(f, t, COUNTDOWN_RESULTS, 0);
    headline_at(f, t, "Kết quả bầu cử");
    detail_at(f, t, "Tỷ lệ cử tri đi bầu 98,72%");
    countdown_compute(&f->e, &f->r, t, &cd);
    assert_true(cd.next_ms == TIME_NEVER_MS);
}

static void test_results_absent_or_early(void **state)
{
    struct fixture *f = *state;

    /* Without results the board thanks voters for ever. */
    f->r.present = false;
    expect(f, f->r.published_ms + 86400000, COUNTDOWN_CLOSED, 0);
    expect(f, f->e.polls_close_ms - 1000, COUNTDOWN_VOTING, 1);

    /* Results dated before the close wait for the close. */
    f->r.present = true;
    f->r.published_ms = f->e.polls_open_ms;
    expect(f, f->e.polls_close_ms - 1000, COUNTDOWN_VOTING, 1);
    expect(f, f->e.polls_close_ms, COUNTDOWN_RESULTS, 0);
}

static void test_next_is_whole_second(void **state)
{
    struct fixture *f = *state;
    int64_t open = f->e.polls_open_ms;
    struct countdown cd;

    /* Partway through a second: the count rounds up, changes next at the
     * following whole second. */
    countdown_compute(&f->e, &f->r, open - 1500, &cd);
    assert_int_equal(cd.left_s, 2);
    assert_true(cd.next_ms == open - 1000);
    countdown_compute(&f->e, &f->r, open - 1000, &cd);
    assert_true(cd.next_ms == open);
    countdown_compute(&f->e, &f->r, open - 1, &cd);
    assert_int_equal(cd.left_s, 1);
    assert_true(cd.next_ms == open);
    countdown_compute(&f->e, &f->r, at(f, "2026-12-08T03:44:51+07:00") + 300, &cd);
    assert_true(cd.next_ms == at(f, "2026-12-08T03:44:52+07:00"));
}

static void test_under_a_day_drops_days(void **state)
{
    struct fixture *f = *state;

    /* Campaign end moved to the open: the last day still counts. */
    f->e.campaign_end_ms = f->e.polls_open_ms;
    headline_at(f, f->e.day_start_ms - 3600 * 1000,
                "Còn 08 giờ 00 phút 00 giây đến ngày bầu cử");
}

static void test_numbers(void **state)
{
    char buf[64];

    countdown_format_pct(98.72, buf, sizeof buf);
    assert_string_equal(buf, "98,72%");
    countdown_format_pct(100.0, buf, sizeof buf);
    assert_string_equal(buf, "100,00%");
    countdown_format_pct(7.5, buf, sizeof buf);
    assert_string_equal(buf, "7,50%");
    countdown_format_count(0, buf, sizeof buf);
    assert_string_equal(buf, "0");
    countdown_format_count(999, buf, sizeof buf);
    assert_string_equal(buf, "999");
    countdown_format_count(1000, buf, sizeof buf);
    assert_string_equal(buf, "1.000");
    countdown_format_count(1234567, buf, sizeof buf);
    assert_string_equal(buf, "1.234.567");
    countdown_format_hms(5 * 3600 + 12 * 60 + 40, buf, sizeof buf);
    assert_string_equal(buf, "05:12:40");
    countdown_format_hms(-5, buf, sizeof buf);
    assert_string_equal(buf, "00:00:00");
}

static void test_dates(void **state)
{
    struct fixture *f = *state;
    char buf[64];

    countdown_format_date(at(f, "2026-03-14T06:59:00+07:00"), f->tz, buf, sizeof buf);
    assert_string_equal(buf, "Thứ Bảy, 14/03/2026");
    /* 23:30 UTC on the 19th is already the 20th in Vietnam. */
    countdown_format_date(at(f, "2026-12-19T23:30:00Z"), f->tz, buf, sizeof buf);
    assert_string_equal(buf, "Chủ Nhật, 20/12/2026");
    countdown_format_hhmm(at(f, "2026-12-19T23:30:00Z"), f->tz, buf, sizeof buf);
    assert_string_equal(buf, "06:30");
    assert_string_equal(countdown_weekday(1), "Thứ Hai");
    assert_string_equal(countdown_weekday(7), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_before, setup, teardown),
        cmocka_unit_test_setup_teardown(test_campaign_end_boundary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_day_start_boundary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_polls_open_boundary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_polls_close_boundary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_results_boundary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_results_absent_or_early, setup, teardown),
        cmocka_unit_test_setup_teardown(test_next_is_whole_second, setup, teardown),
        cmocka_unit_test_setup_teardown(test_under_a_day_drops_days, setup, teardown),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test_setup_teardown(test_dates, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
