/* playlist.h - which item plays when: schedules (validity, days, time-of-day
 * windows, priority) evaluated in the election's zone, campaign silence,
 * and urgent notices that preempt the loop and hand back to it.
 * Pure logic: no SDL, no I/O, time comes in as an argument. */
#ifndef BANGTIN_PLAYLIST_H
#define BANGTIN_PLAYLIST_H

#include <stdbool.h>
#include <stdint.h>

#include "content.h"
#include "tzone.h"

enum slot_kind {
    SLOT_IDLE,    /* nothing eligible: the built-in idle screen */
    SLOT_ITEM,    /* index: playlist item */
    SLOT_URGENT   /* index: notice */
};

struct slot {
    enum slot_kind kind;
    int index;
    int64_t start_ms;
    int64_t end_ms;
    unsigned serial;  /* changes with every new slot */
};

struct playlist {
    const struct content *content;
    const struct tzone *tz;
    int default_duration_ms;
    struct slot slot;
    int last_item;           /* last regular item shown, -1 at start */
    int resume_item;         /* item an urgent notice interrupted, or -1 */
    int early_finishes;      /* slots in a row that ended at once */
    int64_t *urgent_shown;   /* per notice: when it last preempted */
};

/* Prepares a schedule over content, starting at now_ms with item
 * start_item (-1: the first eligible). Returns 0 or -1 (no memory). */
int playlist_init(struct playlist *s, const struct content *content,
               const struct tzone *tz, int default_duration_ms,
               int64_t now_ms, int start_item);
void playlist_release(struct playlist *s);

/* Moves to the slot playing at now_ms and returns it. */
const struct slot *playlist_advance(struct playlist *s, int64_t now_ms);

/* The item expected to follow the current slot (-1: none or idle), for
 * preparing it ahead; an urgent notice may still come first. */
int playlist_next_item(const struct playlist *s);

/* Ends the current slot at now_ms (its scene finished or failed). */
void playlist_finish(struct playlist *s, int64_t now_ms);

/* Whether a schedule allows showing at now_ms (validity, days, windows). */
bool playlist_window_open(const struct schedule *sc, const struct tzone *tz,
                       int64_t now_ms);

/* Whether campaign material is hidden at now_ms: from the campaign's end
 * until the polls close. */
bool playlist_in_silence(const struct election *e, int64_t now_ms);

/* Whether item may show at now_ms (window open and not silenced). */
bool playlist_item_eligible(const struct content *c, const struct item *item,
                         const struct tzone *tz, int64_t now_ms);

/* Whether notice is active (from <= now < until). */
bool playlist_notice_active(const struct notice *n, int64_t now_ms);

#endif
