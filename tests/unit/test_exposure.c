/* test_exposure.c - fair exposure: totals, rotation, and the candidates
 * and profiles scenes driven through many cycles as the app drives them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "exposure.h"
#include "scene.h"

#define N 5
#define DURATION_MS 10007   /* not a multiple of N: slots differ by 1 ms */

struct fixture {
    struct candidate cands[N];
    int order[N];
    struct unit unit;
    struct item items[2];
    struct content content;
    struct exposure *exposure;
    struct scene_env env;
};

static const char *const ids[N] = { "c1", "c2", "c3", "c4", "c5" };

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);

    for (int i = 0; i < N; i++) {
        f->cands[i].id = (char *)ids[i];
        f->cands[i].given_name = (char *)"An";
        f->order[i] = i;
    }
    f->unit.id = (char *)"u1";
    f->unit.number = 1;
    f->unit.seats = 3;
    f->unit.candidate_count = N;
    f->unit.candidates = f->order;
    f->items[0].id = (char *)"profiles-u1";
    f->items[0].type = ITEM_PROFILES;
    f->items[0].duration_ms = DURATION_MS;
    f->items[1].id = (char *)"list-u1";
    f->items[1].type = ITEM_CANDIDATES;
    f->items[1].duration_ms = DURATION_MS;
    f->content.candidates = f->cands;
    f->content.candidate_count = N;
    f->content.units = &f->unit;
    f->content.unit_count = 1;
    f->content.items = f->items;
    f->content.item_count = 2;
    f->exposure = exposure_create();
    assert_non_null(f->exposure);
    f->env.content = &f->content;
    f->env.exposure = f->exposure;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    exposure_destroy(f->exposure);
    free(f);
    return 0;
}

static void test_totals_api(void **state)
{
    struct exposure *e = exposure_create();
    const char *id;
    int64_t ms;

    assert_int_equal(exposure_count(e), 0);
    assert_int_equal(exposure_total(e, "x"), 0);
    assert_int_equal(exposure_add(e, "x", 1500), 0);
    assert_int_equal(exposure_add(e, "y", 10), 0);
    assert_int_equal(exposure_add(e, "x", 500), 0);
    assert_int_equal(exposure_add(e, "x", -1), -1);
    assert_int_equal(exposure_total(e, "x"), 2000);
    assert_int_equal(exposure_count(e), 2);
    assert_int_equal(exposure_get(e, 0, &id, &ms), 0);
    assert_string_equal(id, "x");
    assert_int_equal(ms, 2000);
    assert_int_equal(exposure_get(e, 2, &id, &ms), -1);
    assert_int_equal(exposure_set(e, "y", 7), 0);
    assert_int_equal(exposure_total(e, "y"), 7);

    /* Many ids grow the table. */
    for (int i = 0; i < 200; i++) {
        char name[16];
        snprintf(name, sizeof name, "k%d", i);
        assert_int_equal(exposure_add(e, name, i), 0);
    }
    assert_int_equal(exposure_count(e), 202);
    assert_int_equal(exposure_total(e, "k199"), 199);

    assert_int_equal(exposure_rotation(e, "item", 4), 0);
    assert_int_equal(exposure_set_rotation(e, "item", 6), 0);
    assert_int_equal(exposure_rotation(e, "item", 4), 2);
    int start;
    assert_int_equal(exposure_rotation_count(e), 1);
    assert_int_equal(exposure_rotation_get(e, 0, &id, &start), 0);
    assert_string_equal(id, "item");
    assert_int_equal(start, 6);

    exposure_destroy(e);
    exposure_destroy(NULL);
}

/* Plays one item from t0 the way the app does: update at every change
 * it announces (and at a few other times), update at the end, leave.
 * cut_ms > 0 leaves early. Returns the position shown first. */
static int play(struct fixture *f, const struct scene_ops *ops,
                const struct item *item, int64_t t0, int64_t cut_ms)
{
    void *s = ops->enter(&f->env, item, t0);
    assert_non_null(s);

    int64_t end = t0 + (cut_ms > 0 ? cut_ms : item->duration_ms);
    int64_t t = t0;
    int64_t next = ops->update(s, t);
    while (next < end) {
        /* An extra wake-up between changes must not double count. */
        ops->update(s, (t + next) / 2);
        t = next;
        next = ops->update(s, t);
        assert_true(next > t);
    }
    ops->update(s, end);
    ops->leave(s);
    return 0;
}

static int first_shown(struct fixture *f, const struct item *item)
{
    struct exposure_cycle cy;
    exposure_cycle_begin(f->exposure, &cy, item->id, ids, N, 0,
                         item->duration_ms);
    return exposure_cycle_position(&cy, 0);
}

static void test_profiles_fair(void **state)
{
    struct fixture *f = *state;
    const struct item *item = &f->items[0];
    int64_t t = 1000000;
    int firsts[N] = {0};

    for (int cycle = 0; cycle < 10 * N + 3; cycle++) {
        int first = first_shown(f, item);
        assert_int_equal(first, cycle % N);
        firsts[first]++;
        play(f, &scene_profiles, item, t, 0);
        t += item->duration_ms + 5000;   /* other items in between */

        int64_t lo = INT64_MAX, hi = 0, sum = 0;
        for (int i = 0; i < N; i++) {
            int64_t ms = exposure_total(f->exposure, ids[i]);
            lo = ms < lo ? ms : lo;
            hi = ms > hi ? ms : hi;
            sum += ms;
        }
        assert_true(hi - lo <= item->duration_ms);
        assert_int_equal(sum, (int64_t)(cycle + 1) * item->duration_ms);
    }

    /* Everyone was first equally often (53 cycles of 5). */
    for (int i = 0; i < N; i++)
        assert_true(firsts[i] == 10 || firsts[i] == 11);

    /* After whole rounds of N cycles the totals are equal within the
     * 1 ms rounding of the slots. */
    int64_t a = exposure_total(f->exposure, ids[0]);
    for (int i = 1; i < N; i++) {
        int64_t d = exposure_total(f->exposure, ids[i]) - a;
        assert_true(d >= -N && d <= N);
    }
}

static void test_profiles_interrupted(void **state)
{
    struct fixture *f = *state;
    const struct item *item = &f->items[0];
    int64_t t = 5000000;
    unsigned seed = 12345;

    /* A voter's touch cuts some cycles short at random points. */
    for (int cycle = 0; cycle < 400; cycle++) {
        seed = seed * 1103515245u + 12345u;
        int64_t cut = (seed >> 8) % 3 == 0 ? 1 + (seed >> 4) % item->duration_ms
                                           : 0;
        play(f, &scene_profiles, item, t, cut);
        t += item->duration_ms + 1000;

        int64_t lo = INT64_MAX, hi = 0;
        for (int i = 0; i < N; i++) {
            int64_t ms = exposure_total(f->exposure, ids[i]);
            lo = ms < lo ? ms : lo;
            hi = ms > hi ? ms : hi;
        }
        assert_true(hi - lo <= item->duration_ms);
    }
}

static void test_list_credits_everyone(void **state)
{
    struct fixture *f = *state;
    const struct item *item = &f->items[1];
    int64_t t = 0;

    for (int cycle = 0; cycle < 12; cycle++) {
        /* The spotlight starts one card later every cycle. */
        assert_int_equal(first_shown(f, item), cycle % N);
        play(f, &scene_candidates, item, t, 0);
        t += 60000;
    }
    for (int i = 0; i < N; i++)
        assert_int_equal(exposure_total(f->exposure, ids[i]),
                         12 * (int64_t)item->duration_ms);

    /* The profiles item keeps its own rotation. */
    assert_int_equal(first_shown(f, &f->items[0]), 0);
}

static void test_cycle_slots(void **state)
{
    struct exposure *e = exposure_create();
    struct exposure_cycle cy;

    const char *const k_ids[4] = { "a", "b", "c", "d" };

    exposure_set_rotation(e, "k", 3);
    exposure_cycle_begin(e, &cy, "k", k_ids, 4, 1000, 4000);
    assert_int_equal(exposure_cycle_position(&cy, 1000), 3);
    assert_int_equal(exposure_cycle_position(&cy, 1999), 3);
    assert_int_equal(exposure_cycle_position(&cy, 2000), 0);
    assert_int_equal(exposure_cycle_position(&cy, 4999), 2);
    assert_int_equal(exposure_cycle_next_change(&cy, 1000), 2000);
    assert_int_equal(exposure_cycle_next_change(&cy, 4500), INT64_MAX);

    /* Cut in the third slot: b got half a slot, c nothing. */
    exposure_cycle_account(e, &cy, 3500, k_ids, false);
    exposure_cycle_account(e, &cy, 3000, k_ids, false);
    exposure_cycle_end(e, &cy);
    assert_int_equal(exposure_rotation(e, "k", 4), 0);
    assert_int_equal(exposure_total(e, "d"), 1000);
    assert_int_equal(exposure_total(e, "a"), 1000);
    assert_int_equal(exposure_total(e, "b"), 500);
    assert_int_equal(exposure_total(e, "c"), 0);

    /* The next cycle serves the one behind by a slot first (c), then the
     * rest in rotated order (b's half slot rounds up). */
    exposure_cycle_begin(e, &cy, "k", k_ids, 4, 10000, 4000);
    assert_int_equal(exposure_cycle_position(&cy, 10000), 2);
    assert_int_equal(exposure_cycle_position(&cy, 11000), 0);
    assert_int_equal(exposure_cycle_position(&cy, 12000), 1);
    assert_int_equal(exposure_cycle_position(&cy, 13000), 3);
    exposure_destroy(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_totals_api),
        cmocka_unit_test(test_cycle_slots),
        cmocka_unit_test_setup_teardown(test_profiles_fair, setup, teardown),
        cmocka_unit_test_setup_teardown(test_profiles_interrupted, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_list_credits_everyone, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
