/* exposure.h - fair-exposure bookkeeping for the loop's candidate scenes:
 * total on-screen milliseconds per candidate (an aggregate for the
 * portal's neutrality report, never who looked at whom) and, per item,
 * which candidate a cycle starts with. Pure C, no SDL; main thread. */
#ifndef BANGTIN_EXPOSURE_H
#define BANGTIN_EXPOSURE_H

#include <stdbool.h>
#include <stdint.h>

#define EXPOSURE_ID_MAX 64

struct exposure;

struct exposure *exposure_create(void);
void exposure_destroy(struct exposure *e);

/* Adds ms of on-screen time to the candidate with this id (ids longer
 * than EXPOSURE_ID_MAX - 1 bytes are cut). Returns 0 or -1 (memory). */
int exposure_add(struct exposure *e, const char *candidate_id, int64_t ms);

/* Sets a total, e.g. when the app restores them from its store.
 * Returns 0 or -1. */
int exposure_set(struct exposure *e, const char *candidate_id, int64_t ms);

/* The total of one candidate; 0 when never shown. */
int64_t exposure_total(const struct exposure *e, const char *candidate_id);

/* Number of candidates with a total, and the i-th of them (0 <= i <
 * count, in first-shown order). *id stays owned by e and is valid until
 * the next add/set. Returns 0, or -1 when i is out of range. */
int exposure_count(const struct exposure *e);
int exposure_get(const struct exposure *e, int i, const char **id, int64_t *ms);

/* Rotation: the position in the official order at which the next cycle
 * of the item with this key (the item id) starts, in 0..n-1. */
int exposure_rotation(const struct exposure *e, const char *key, int n);

/* Records where the next cycle of key starts (taken modulo n by
 * exposure_rotation). Returns 0 or -1. */
int exposure_set_rotation(struct exposure *e, const char *key, int start);

/* Number of stored rotations and the i-th (for persisting them).
 * Returns 0, or -1 when i is out of range. */
int exposure_rotation_count(const struct exposure *e);
int exposure_rotation_get(const struct exposure *e, int i, const char **key,
                          int *start);

/* Candidates one cycle can order; a unit has far fewer. */
#define EXPOSURE_CYCLE_MAX 64

/* One cycle of an item over a unit's n candidates: dur_ms split into n
 * equal slots, slot k showing (or highlighting) the candidate at official
 * position seq[k]. Plain data, owned by the scene. */
struct exposure_cycle {
    char key[EXPOSURE_ID_MAX];
    int n;
    int start;              /* the rotation this cycle began at */
    int seq[EXPOSURE_CYCLE_MAX];
    int64_t t0_ms;
    int64_t dur_ms;
    int64_t seen_ms;        /* time accounted up to here */
};

/* Starts a cycle of key at t0_ms. ids[i] is the id of the candidate at
 * official position i (n of them, at most EXPOSURE_CYCLE_MAX used). The
 * order: candidates behind on their total (by at least half a slot) come
 * first, so cycles cut short by a voter even out; among equals the order
 * is the official one rotated to the stored offset, so the first shown
 * moves on by one every cycle. */
void exposure_cycle_begin(const struct exposure *e, struct exposure_cycle *cy,
                          const char *key, const char *const *ids, int n,
                          int64_t t0_ms, int64_t dur_ms);

/* The official position (0..n-1) in the spotlight at t. */
int exposure_cycle_position(const struct exposure_cycle *cy, int64_t t);

/* When the spotlight moves next after t; INT64_MAX (TIME_NEVER_MS) in
 * the last slot. */
int64_t exposure_cycle_next_change(const struct exposure_cycle *cy, int64_t t);

/* Credits on-screen time from the previous call up to t (capped at the
 * cycle's end; earlier t is ignored). all: every one of the n candidates
 * was on screen (a list); otherwise only the one in the spotlight.
 * ids as given to exposure_cycle_begin. */
void exposure_cycle_account(struct exposure *e, struct exposure_cycle *cy,
                            int64_t t, const char *const *ids, bool all);

/* Ends the cycle: the next one of key starts one position later. */
void exposure_cycle_end(struct exposure *e, const struct exposure_cycle *cy);

#endif
