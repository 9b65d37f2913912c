/* exposure.c - per-candidate on-screen totals and per-item rotation
 * offsets, kept in two small arrays searched linearly (tens of entries). */
#include "exposure.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct counter {
    char id[EXPOSURE_ID_MAX];
    int64_t value;
};

struct table {
    int count;
    int capacity;
    struct counter *rows;
};

struct exposure {
    struct table totals;
    struct table rotations;
};

static struct counter *find(const struct table *t, const char *id)
{
    for (int i = 0; i < t->count; i++) {
        if (strncmp(t->rows[i].id, id, EXPOSURE_ID_MAX - 1) == 0)
            return &t->rows[i];
    }
    return NULL;
}

/* The row for id, created at 0 if missing. NULL when out of memory. */
static struct counter *find_or_add(struct table *t, const char *id)
{
    struct counter *row = find(t, id);
    if (row)
        return row;

    if (t->count == t->capacity) {
        int cap = t->capacity ? t->capacity * 2 : 32;
        struct counter *rows = realloc(t->rows, (size_t)cap * sizeof *rows);
        if (!rows)
            return NULL;
        t->rows = rows;
        t->capacity = cap;
    }

    row = &t->rows[t->count++];
    memset(row, 0, sizeof *row);
    snprintf(row->id, sizeof row->id, "%s", id);
    return row;
}

struct exposure *exposure_create(void)
{
    return calloc(1, sizeof(struct exposure));
}

void exposure_destroy(struct exposure *e)
{
    if (!e)
        return;
    free(e->totals.rows);
    free(e->rotations.rows);
    free(e);
}

int exposure_add(struct exposure *e, const char *candidate_id, int64_t ms)
{
    if (!e || !candidate_id || ms < 0)
        return -1;

    struct counter *row = find_or_add(&e->totals, candidate_id);
    if (!row)
        return -1;
    row->value += ms;
    return 0;
}

int exposure_set(struct exposure *e, const char *candidate_id, int64_t ms)
{
    if (!e || !candidate_id || ms < 0)
        return -1;

    struct counter *row = find_or_add(&e->totals, candidate_id);
    if (!row)
        return -1;
    row->value = ms;
    return 0;
}

int64_t exposure_total(const struct exposure *e, const char *candidate_id)
{
    if (!e || !candidate_id)
        return 0;

    const struct counter *row = find(&e->totals, candidate_id);
    return row ? row->value : 0;
}

int exposure_count(const struct exposure *e)
{
    return e ? e->totals.count : 0;
}

int exposure_get(const struct exposure *e, int i, const char **id, int64_t *ms)
{
    if (!e || i < 0 || i >= e->totals.count)
        return -1;
    *id = e->totals.rows[i].id;
    *ms = e->totals.rows[i].value;
    return 0;
}

int exposure_rotation(const struct exposure *e, const char *key, int n)
{
    if (!e || !key || n <= 0)
        return 0;

    const struct counter *row = find(&e->rotations, key);
    if (!row)
        return 0;
    int start = (int)(row->value % n);
    return start < 0 ? start + n : start;
}

int exposure_set_rotation(struct exposure *e, const char *key, int start)
{
    if (!e || !key || start < 0)
        return -1;

    struct counter *row = find_or_add(&e->rotations, key);
    if (!row)
        return -1;
    row->value = start;
    return 0;
}

int exposure_rotation_count(const struct exposure *e)
{
    return e ? e->rotations.count : 0;
}

int exposure_rotation_get(const struct exposure *e, int i, const char **key,
                          int *start)
{
    if (!e || i < 0 || i >= e->rotations.count)
        return -1;
    *key = e->rotations.rows[i].id;
    *start = (int)e->rotations.rows[i].value;
    return 0;
}

/* The slot shown at t: k with ceil(k * dur / n) <= t - t0 < the next. */
static int slot_at(const struct exposure_cycle *cy, int64_t t)
{
    if (cy->n <= 0 || cy->dur_ms <= 0 || t <= cy->t0_ms)
        return 0;

    int64_t k = (t - cy->t0_ms) * cy->n / cy->dur_ms;
    return k >= cy->n ? cy->n - 1 : (int)k;
}

static int64_t slot_start(const struct exposure_cycle *cy, int k)
{
    return cy->t0_ms + ((int64_t)k * cy->dur_ms + cy->n - 1) / cy->n;
}

void exposure_cycle_begin(const struct exposure *e, struct exposure_cycle *cy,
                          const char *key, const char *const *ids, int n,
                          int64_t t0_ms, int64_t dur_ms)
{
    memset(cy, 0, sizeof *cy);
    snprintf(cy->key, sizeof cy->key, "%s", key ? key : "");
    cy->n = n < 0 ? 0 : (n > EXPOSURE_CYCLE_MAX ? EXPOSURE_CYCLE_MAX : n);
    cy->start = exposure_rotation(e, cy->key, cy->n);
    cy->t0_ms = t0_ms;
    cy->dur_ms = dur_ms > 0 ? dur_ms : 1;
    cy->seen_ms = t0_ms;
    if (cy->n == 0)
        return;

    /* Totals in whole slots, rounded: the 1 ms differences of uneven
     * slots do not disturb the rotation, a cut cycle's deficit does. */
    int64_t slot = cy->dur_ms / cy->n > 0 ? cy->dur_ms / cy->n : 1;
    int64_t level[EXPOSURE_CYCLE_MAX];
    for (int k = 0; k < cy->n; k++) {
        int pos = (cy->start + k) % cy->n;
        cy->seq[k] = pos;
        level[pos] = (exposure_total(e, ids[pos]) + slot / 2) / slot;
    }

    /* Stable insertion sort by level keeps the rotated order among
     * equals. */
    for (int k = 1; k < cy->n; k++) {
        int pos = cy->seq[k];
        int j = k;
        while (j > 0 && level[cy->seq[j - 1]] > level[pos]) {
            cy->seq[j] = cy->seq[j - 1];
            j--;
        }
        cy->seq[j] = pos;
    }
}

int exposure_cycle_position(const struct exposure_cycle *cy, int64_t t)
{
    if (cy->n <= 0)
        return 0;
    return cy->seq[slot_at(cy, t)];
}

int64_t exposure_cycle_next_change(const struct exposure_cycle *cy, int64_t t)
{
    if (cy->n <= 0)
        return INT64_MAX;
    if (t < cy->t0_ms)
        return cy->t0_ms;

    int k = slot_at(cy, t);
    return k + 1 < cy->n ? slot_start(cy, k + 1) : INT64_MAX;
}

void exposure_cycle_account(struct exposure *e, struct exposure_cycle *cy,
                            int64_t t, const char *const *ids, bool all)
{
    int64_t end = cy->t0_ms + cy->dur_ms;

    if (t > end)
        t = end;
    if (cy->n <= 0 || t <= cy->seen_ms)
        return;

    if (all) {
        for (int i = 0; i < cy->n; i++)
            exposure_add(e, ids[i], t - cy->seen_ms);
        cy->seen_ms = t;
        return;
    }

    /* Split the span at slot boundaries. */
    while (cy->seen_ms < t) {
        int k = slot_at(cy, cy->seen_ms);
        int64_t stop = k + 1 < cy->n ? slot_start(cy, k + 1) : end;
        if (stop > t)
            stop = t;
        exposure_add(e, ids[cy->seq[k]], stop - cy->seen_ms);
        cy->seen_ms = stop;
    }
}

void exposure_cycle_end(struct exposure *e, const struct exposure_cycle *cy)
{
    if (cy->n <= 0)
        return;
    exposure_set_rotation(e, cy->key, (cy->start + 1) % cy->n);
}
