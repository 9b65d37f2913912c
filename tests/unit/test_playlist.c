/* test_playlist.c - the loop's order: windows across midnight and time
 * zones, days, priority, urgent notices, campaign silence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content.h"
#include "playlist.h"
#include "timeutil.h"
#include "tzone.h"

#define MIN_MS 60000LL
#define HOUR_MS (60 * MIN_MS)

struct fixture {
    struct tzone *tz;
    struct content content;
    struct item items[6];
    struct notice notices[2];
};

static int64_t at(const struct fixture *f, const char *s)
{
    int64_t ms = 0;
    assert_int_equal(timeutil_parse_instant(s, f->tz, &ms), 0);
    return ms;
}

static void open_schedule(struct schedule *sc)
{
    memset(sc, 0, sizeof *sc);
    sc->valid_from_ms = TIME_ALWAYS_MS;
    sc->valid_until_ms = TIME_NEVER_MS;
    sc->days = 0x7f;
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->tz = tzone_load("Asia/Ho_Chi_Minh");
    assert_non_null(f->tz);

    static char *ids[] = {"a", "b", "c", "d", "e", "f"};
    for (int i = 0; i < 6; i++) {
        f->items[i].id = ids[i];
        f->items[i].type = ITEM_COUNTDOWN;
        f->items[i].duration_ms = 10000;
        open_schedule(&f->items[i].schedule);
    }
    f->content.items = f->items;
    f->content.item_count = 3;
    f->content.notices = f->notices;
    f->content.notice_count = 0;
    f->content.election.campaign_end_ms = at(f, "2026-12-19T07:00:00+07:00");
    f->content.election.day_start_ms = at(f, "2026-12-20T00:00:00+07:00");
    f->content.election.polls_open_ms = at(f, "2026-12-20T07:00:00+07:00");
    f->content.election.polls_close_ms = at(f, "2026-12-20T19:00:00+07:00");
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

static void window_across_midnight(void **state)
{
    struct fixture *f = *state;
    struct schedule sc;
    open_schedule(&sc);
    sc.window_count = 1;
    sc.windows[0].start_min = 22 * 60;
    sc.windows[0].end_min = 2 * 60;

    assert_false(playlist_window_open(&sc, f->tz, at(f, "2026-12-05T21:59:59+07:00")));
    assert_true(playlist_window_open(&sc, f->tz, at(f, "2026-12-05T22:00:00+07:00")));
    assert_true(playlist_window_open(&sc, f->tz, at(f, "2026-12-06T00:30:00+07:00")));
    assert_true(playlist_window_open(&sc, f->tz, at(f, "2026-12-06T01:59:59+07:00")));
    assert_false(playlist_window_open(&sc, f->tz, at(f, "2026-12-06T02:00:00+07:00")));
}

static void window_days_belong_to_the_evening(void **state)
{
    struct fixture *f = *state;
    struct schedule sc;
    open_schedule(&sc);
    /* Saturday nights only: 2026-12-05 is a Saturday. */
    sc.days = 1u << 6;
    sc.window_count = 1;
    sc.windows[0].start_min = 22 * 60;
    sc.windows[0].end_min = 2 * 60;

    assert_true(playlist_window_open(&sc, f->tz, at(f, "2026-12-05T23:00:00+07:00")));
    /* Sunday 01:00 is still Saturday night's window. */
    assert_true(playlist_window_open(&sc, f->tz, at(f, "2026-12-06T01:00:00+07:00")));
    /* Friday night's window is not Saturday's. */
    assert_false(playlist_window_open(&sc, f->tz, at(f, "2026-12-04T23:00:00+07:00")));
    assert_false(playlist_window_open(&sc, f->tz, at(f, "2026-12-05T01:00:00+07:00")));
}

static void window_uses_the_election_zone(void **state)
{
    struct fixture *f = *state;
    struct schedule sc;
    open_schedule(&sc);
    sc.window_count = 1;
    sc.windows[0].start_min = 7 * 60;
    sc.windows[0].end_min = 19 * 60;

    /* 07:00 in Ha Noi is 00:00 UTC, whatever the machine's zone is. */
    setenv("TZ", "America/New_York", 1);
    int64_t utc_midnight = at(f, "2026-12-05T00:00:00Z");
    assert_true(playlist_window_open(&sc, f->tz, utc_midnight));
    assert_false(playlist_window_open(&sc, f->tz, utc_midnight - 1));

    struct tzone *ny = tzone_load("America/New_York");
    assert_non_null(ny);
    /* The same instant is 19:00 the day before in New York: closed. */
    assert_false(playlist_window_open(&sc, ny, utc_midnight));
    tzone_free(ny);
    unsetenv("TZ");
}

static void validity_is_half_open(void **state)
{
    struct fixture *f = *state;
    struct schedule sc;
    open_schedule(&sc);
    sc.valid_from_ms = at(f, "2026-12-10T08:00:00+07:00");
    sc.valid_until_ms = at(f, "2026-12-10T09:00:00+07:00");

    assert_false(playlist_window_open(&sc, f->tz, sc.valid_from_ms - 1));
    assert_true(playlist_window_open(&sc, f->tz, sc.valid_from_ms));
    assert_true(playlist_window_open(&sc, f->tz, sc.valid_until_ms - 1));
    assert_false(playlist_window_open(&sc, f->tz, sc.valid_until_ms));
}

static void loop_order_and_durations(void **state)
{
    struct fixture *f = *state;
    struct playlist p;
    int64_t t0 = at(f, "2026-12-10T08:00:00+07:00");

    assert_int_equal(playlist_init(&p, &f->content, f->tz, 15000, t0, -1), 0);
    const char *expect = "abcabc";
    int64_t t = t0;
    for (int i = 0; i < 6; i++) {
        const struct slot *s = playlist_advance(&p, t);
        assert_int_equal(s->kind, SLOT_ITEM);
        assert_int_equal(f->items[s->index].id[0], expect[i]);
        assert_true(s->start_ms == t);
        assert_true(s->end_ms == t + 10000);
        t = s->end_ms;
    }
    playlist_release(&p);
}

static void start_item_is_honoured(void **state)
{
    struct fixture *f = *state;
    struct playlist p;
    int64_t t0 = at(f, "2026-12-10T08:00:00+07:00");

    assert_int_equal(playlist_init(&p, &f->content, f->tz, 15000, t0, 2), 0);
    assert_int_equal(playlist_advance(&p, t0)->index, 2);
    assert_int_equal(playlist_advance(&p, t0 + 10000)->index, 0);
    playlist_release(&p);
}

static void item_is_cut_when_its_window_closes(void **state)
{
    struct fixture *f = *state;
    struct playlist p;
    f->content.item_count = 2;
    f->items[0].duration_ms = 5 * 60000;
    f->items[0].schedule.window_count = 1;
    f->items[0].schedule.windows[0].start_min = 8 * 60;
    f->items[0].schedule.windows[0].end_min = 9 * 60;

    int64_t t0 = at(f, "2026-12-10T08:58:00+07:00");
    assert_int_equal(playlist_init(&p, &f->content, f->tz, 15000, t0, -1), 0);
    const struct slot *s = playlist_advance(&p, t0);
    assert_int_equal(s->index, 0);
    assert_true(s->end_ms == at(f, "2026-12-10T09:00:00+07:00"));

    /* After the window, only b plays. */
    for (int i = 0; i < 5; i++) {
        s = playlist_advance(&p, s->end_ms);
        assert_int_equal(s->index, 1);
    }
    playlist_release(&p);
}

static void nothing_eligible_gives_idle(void **state)
{
    struct fixture *f = *state;
    struct playlist p;
    f->content.item_count = 1;
    f->items[0].schedule.valid_from_ms = at(f, "2026-12-10T08:00:30+07:00");

    int64_t t0 = at(f, "2026-12-10T08:00:00+07:00");
    assert_int_equal(playlist_init(&p, &f->content, f->tz, 15000, t0, -1), 0);
    const struct slot *s = playlist_advance(&p, t0);
    assert_int_equal(s->kind, SLOT_IDLE);
    /* It wakes when the item becomes valid, not a minute later. */
    assert_true(s->end_ms == f->items[0].schedule.valid_from_ms);
    s = playlist_advance(&p, s->end_ms);
    assert_int_equal(s->kind, SLOT_ITEM);
    playlist_release(&p);
}

static void highest_priority_plays_alone(void **state)
{
    struct fixture *f = *state;
    struct playlist p;
    f->items[1].schedule.priority = 5;
    f->items[1].schedule.valid_from_ms = at(f, "2026-12-10T08:00:25+07:00");

    int64_t t0 = at(f, "2026-12-10T08:00:00+07:00");
    assert_int_equal(playlist_init(&p, &f->content, f->tz, 15000, t0, -1), 0);
    assert_int_equal(playlist_advance(&p, t0)->index, 0);
    assert_int_equal(playlist_advance(&p, t0 + 10000)->index, 2);
    assert_int_equal(playlist_advance(&p, t0 + 20000)->index, 0);
    /* From 08:00:25 the priority item takes over at the next change. */
    for (int i = 3; i < 8; i++)
        assert_int_equal(playlist_advance(&p, t0 + i * 10000)->index, 1);
    playlist_release(&p);
}

static void urgent_notice_preempts_and_hands_back(void **state)
{
    struct fixture *f = *state;
    struct playlist p;
    int64_t t0 = at(f, "2026-12-10T08:00:00+07:00");
    f->notices[0] = (struct notice){
        .id = "n", .title = "t", .body = "b", .urgent = true,
        .from_ms = t0 + 4000, .until_ms = t0 + HOUR_MS,
        .duration_ms = 20000, .repeat_ms = 5 * MIN_MS,
    };
    f->content.notice_count = 1;

    assert_int_equal(playlist_init(&p, &f->content, f->tz, 15000, t0, -1), 0);
    const struct slot *s = playlist_advance(&p, t0);
    assert_int_equal(s->index, 0);
    /* Item a is cut when the notice starts... */
    assert_true(s->end_ms == t0 + 4000);
    s = playlist_advance(&p, t0 + 4000);
    assert_int_equal(s->kind, SLOT_URGENT);
    assert_true(s->end_ms == t0 + 24000);
    /* ... and plays again, in full, after it. */
    s = playlist_advance(&p, t0 + 24000);
    assert_int_equal(s->kind, SLOT_ITEM);
    assert_int_equal(s->index, 0);
    assert_true(s->end_ms == t0 + 34000);

    /* Five minutes after it was shown, it preempts again, mid-item. */
    int64_t again = t0 + 4000 + 5 * MIN_MS;
    s = playlist_advance(&p, again - 1);
    assert_int_equal(s->kind, SLOT_ITEM);
    s = playlist_advance(&p, again + 500);
    assert_int_equal(s->kind, SLOT_URGENT);
    playlist_release(&p);
}

static void campaign_items_hidden_in_silence(void **state)
{
    struct fixture *f = *state;
    const struct election *e = &f->content.election;
    f->items[1].klass = CLASS_CAMPAIGN;

    assert_false(playlist_in_silence(e, e->campaign_end_ms - 1));
    assert_true(playlist_in_silence(e, e->campaign_end_ms));
    assert_true(playlist_in_silence(e, e->polls_close_ms - 1));
    assert_false(playlist_in_silence(e, e->polls_close_ms));

    assert_true(playlist_item_eligible(&f->content, &f->items[1], f->tz,
                                       e->campaign_end_ms - 1));
    assert_false(playlist_item_eligible(&f->content, &f->items[1], f->tz,
                                        e->campaign_end_ms));
    assert_true(playlist_item_eligible(&f->content, &f->items[0], f->tz,
                                       e->campaign_end_ms));

    /* A campaign item running at the campaign's end is cut there. */
    struct playlist p;
    int64_t t0 = e->campaign_end_ms - 3000;
    assert_int_equal(playlist_init(&p, &f->content, f->tz, 15000, t0, 1), 0);
    const struct slot *s = playlist_advance(&p, t0);
    assert_int_equal(s->index, 1);
    assert_true(s->end_ms == e->campaign_end_ms);
    for (int i = 0; i < 6; i++) {
        s = playlist_advance(&p, s->end_ms);
        assert_int_not_equal(s->index, 1);
    }
    playlist_release(&p);
}

static void failing_items_do_not_spin(void **state)
{
    struct fixture *f = *state;
    struct playlist p;
    int64_t t0 = at(f, "2026-12-10T08:00:00+07:00");

    assert_int_equal(playlist_init(&p, &f->content, f->tz, 15000, t0, -1), 0);
    int idle = 0;
    for (int i = 0; i < 10; i++) {
        playlist_finish(&p, t0);
        if (p.slot.kind == SLOT_IDLE)
            idle++;
    }
    assert_true(idle > 0);
    assert_true(p.slot.kind != SLOT_IDLE || p.slot.end_ms > t0);
    playlist_release(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(window_across_midnight, setup, teardown),
        cmocka_unit_test_setup_teardown(window_days_belong_to_the_evening, setup, teardown),
        cmocka_unit_test_setup_teardown(window_uses_the_election_zone, setup, teardown),
        cmocka_unit_test_setup_teardown(validity_is_half_open, setup, teardown),
        cmocka_unit_test_setup_teardown(loop_order_and_durations, setup, teardown),
        cmocka_unit_test_setup_teardown(start_item_is_honoured, setup, teardown),
        cmocka_unit_test_setup_teardown(item_is_cut_when_its_window_closes, setup, teardown),
        cmocka_unit_test_setup_teardown(nothing_eligible_gives_idle, setup, teardown),
        cmocka_unit_test_setup_teardown(highest_priority_plays_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(urgent_notice_preempts_and_hands_back, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(campaign_items_hidden_in_silence, setup, teardown),
        cmocka_unit_test_setup_teardown(failing_items_do_not_spin, setup, teardown),
    };
    return cmocka_run_group_tests_name("playlist", tests, NULL, NULL);
}
