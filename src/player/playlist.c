/* playlist.c - the loop's order: the next eligible item of the highest
 * priority after the last one shown, cut where its window closes, and
 * urgent notices slotted in front when they become due. */
#include "playlist.h"

#include <stdlib.h>

#define MINUTE_MS 60000
#define IDLE_RECHECK_MS MINUTE_MS
/* An urgent notice with no duration stays this long. */
#define URGENT_DEFAULT_MS 20000

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static int64_t next_minute(int64_t ms)
{
    return (floor_div(ms, MINUTE_MS) + 1) * MINUTE_MS;
}

static bool in_day_window(const struct day_window *w, int minute)
{
    if (w->end_min > w->start_min)
        return minute >= w->start_min && minute < w->end_min;

    /* Crosses midnight: the evening part or the morning part. */
    return minute >= w->start_min || minute < w->end_min;
}

/* Whether the window w (crossing midnight) started the day before. */
static bool day_for_window(const struct schedule *sc, const struct day_window *w,
                           const struct tm *local, int minute)
{
    int wday = local->tm_wday;

    if (w->end_min <= w->start_min && minute < w->end_min)
        wday = (wday + 6) % 7;
    return sc->days & (1u << wday);
}

bool playlist_window_open(const struct schedule *sc, const struct tzone *tz,
                       int64_t now_ms)
{
    if (now_ms < sc->valid_from_ms || now_ms >= sc->valid_until_ms)
        return false;

    struct tm local;
    tzone_local(tz, floor_div(now_ms, 1000), &local);
    int minute = local.tm_hour * 60 + local.tm_min;

    if (sc->window_count == 0)
        return sc->days & (1u << local.tm_wday);

    for (int i = 0; i < sc->window_count; i++) {
        const struct day_window *w = &sc->windows[i];
        if (in_day_window(w, minute) && day_for_window(sc, w, &local, minute))
            return true;
    }
    return false;
}

bool playlist_in_silence(const struct election *e, int64_t now_ms)
{
    return now_ms >= e->campaign_end_ms && now_ms < e->polls_close_ms;
}

bool playlist_item_eligible(const struct content *c, const struct item *item,
                         const struct tzone *tz, int64_t now_ms)
{
    if (item->klass == CLASS_CAMPAIGN && playlist_in_silence(&c->election, now_ms))
        return false;
    return playlist_window_open(&item->schedule, tz, now_ms);
}

bool playlist_notice_active(const struct notice *n, int64_t now_ms)
{
    return now_ms >= n->from_ms && now_ms < n->until_ms;
}

/* The first instant after now at which item stops being eligible, looked
 * for up to limit_ms. Windows and days change on minute boundaries; the
 * validity and the silence can end anywhere. */
static int64_t eligible_until(const struct playlist *s, const struct item *item,
                              int64_t now_ms, int64_t limit_ms)
{
    const struct election *e = &s->content->election;
    int64_t end = limit_ms;

    if (item->schedule.valid_until_ms < end)
        end = item->schedule.valid_until_ms;
    if (item->klass == CLASS_CAMPAIGN && now_ms < e->campaign_end_ms &&
        e->campaign_end_ms < end)
        end = e->campaign_end_ms;

    for (int64_t m = next_minute(now_ms); m < end; m += MINUTE_MS) {
        if (!playlist_window_open(&item->schedule, s->tz, m))
            return m;
    }
    return end;
}

static int item_duration_ms(const struct playlist *s, const struct item *item)
{
    return item->duration_ms > 0 ? item->duration_ms : s->default_duration_ms;
}

/* The earliest start of an urgent notice after now, or TIME_NEVER_MS. */
static int64_t next_urgent_start(const struct playlist *s, int64_t now_ms)
{
    int64_t next = TIME_NEVER_MS;

    for (int i = 0; i < s->content->notice_count; i++) {
        const struct notice *n = &s->content->notices[i];
        if (!n->urgent || n->from_ms <= now_ms)
            continue;
        if (n->from_ms < next)
            next = n->from_ms;
    }
    return next;
}

/* An urgent notice due at now: active, and not shown within its repeat
 * interval. Returns its index or -1. */
static int due_urgent(const struct playlist *s, int64_t now_ms)
{
    for (int i = 0; i < s->content->notice_count; i++) {
        const struct notice *n = &s->content->notices[i];
        if (!n->urgent || !playlist_notice_active(n, now_ms))
            continue;
        if (s->urgent_shown[i] == TIME_ALWAYS_MS)
            return i;
        if (n->repeat_ms > 0 && now_ms - s->urgent_shown[i] >= n->repeat_ms)
            return i;
    }
    return -1;
}

/* The next regular item to show at now: among eligible items, those of
 * the highest priority, the first after `after` in playlist order. */
static int pick_item(const struct playlist *s, int after, int64_t now_ms)
{
    const struct content *c = s->content;
    bool found = false;
    int best_priority = 0;

    for (int i = 0; i < c->item_count; i++) {
        const struct item *item = &c->items[i];
        if (!playlist_item_eligible(c, item, s->tz, now_ms))
            continue;
        if (!found || item->schedule.priority > best_priority)
            best_priority = item->schedule.priority;
        found = true;
    }
    if (!found)
        return -1;

    for (int step = 1; step <= c->item_count; step++) {
        int i = ((after < 0 ? -1 : after) + step) % c->item_count;
        const struct item *item = &c->items[i];
        if (item->schedule.priority == best_priority &&
            playlist_item_eligible(c, item, s->tz, now_ms))
            return i;
    }
    return -1;
}

/* The earliest time an item's validity begins after now. */
static int64_t next_item_start(const struct playlist *s, int64_t now_ms)
{
    int64_t next = TIME_NEVER_MS;

    for (int i = 0; i < s->content->item_count; i++) {
        int64_t from = s->content->items[i].schedule.valid_from_ms;
        if (from > now_ms && from < next)
            next = from;
    }
    return next;
}

static void start_slot(struct playlist *s, enum slot_kind kind, int index,
                       int64_t start_ms, int64_t end_ms)
{
    s->slot.kind = kind;
    s->slot.index = index;
    s->slot.start_ms = start_ms;
    s->slot.end_ms = end_ms;
    s->slot.serial++;
}

static void start_urgent(struct playlist *s, int notice, int64_t now_ms)
{
    const struct notice *n = &s->content->notices[notice];
    int64_t length = n->duration_ms > 0 ? n->duration_ms : URGENT_DEFAULT_MS;
    int64_t end = now_ms + length;

    if (n->until_ms < end)
        end = n->until_ms;
    s->urgent_shown[notice] = now_ms;
    start_slot(s, SLOT_URGENT, notice, now_ms, end);
}

static void start_next(struct playlist *s, int64_t now_ms, int preferred)
{
    int urgent = due_urgent(s, now_ms);
    if (urgent >= 0) {
        start_urgent(s, urgent, now_ms);
        return;
    }

    int item = -1;
    if (preferred >= 0 &&
        playlist_item_eligible(s->content, &s->content->items[preferred], s->tz, now_ms))
        item = preferred;
    else
        item = pick_item(s, s->last_item, now_ms);

    /* Everything failing at once must not spin: rest on the idle screen. */
    if (item >= 0 && s->early_finishes > s->content->item_count)
        item = -1;

    if (item < 0) {
        int64_t end = next_minute(now_ms);
        int64_t wake = next_urgent_start(s, now_ms);
        if (wake < end)
            end = wake;
        wake = next_item_start(s, now_ms);
        if (wake < end)
            end = wake;
        s->early_finishes = 0;
        start_slot(s, SLOT_IDLE, -1, now_ms, end);
        return;
    }

    const struct item *it = &s->content->items[item];
    int64_t end = eligible_until(s, it, now_ms, now_ms + item_duration_ms(s, it));
    int64_t wake = next_urgent_start(s, now_ms);
    if (wake < end)
        end = wake;
    s->last_item = item;
    start_slot(s, SLOT_ITEM, item, now_ms, end);
}

int playlist_init(struct playlist *s, const struct content *content,
               const struct tzone *tz, int default_duration_ms, int64_t now_ms,
               int start_item)
{
    s->content = content;
    s->tz = tz;
    s->default_duration_ms = default_duration_ms;
    s->last_item = -1;
    s->resume_item = -1;
    s->early_finishes = 0;
    s->slot.serial = 0;

    int count = content->notice_count > 0 ? content->notice_count : 1;
    s->urgent_shown = malloc(count * sizeof *s->urgent_shown);
    if (!s->urgent_shown)
        return -1;
    for (int i = 0; i < content->notice_count; i++)
        s->urgent_shown[i] = TIME_ALWAYS_MS;

    start_next(s, now_ms, start_item);
    return 0;
}

void playlist_release(struct playlist *s)
{
    free(s->urgent_shown);
    s->urgent_shown = NULL;
}

const struct slot *playlist_advance(struct playlist *s, int64_t now_ms)
{
    /* An urgent notice that became due interrupts a regular item. */
    if (s->slot.kind != SLOT_URGENT && now_ms < s->slot.end_ms) {
        int urgent = due_urgent(s, now_ms);
        if (urgent >= 0) {
            if (s->slot.kind == SLOT_ITEM)
                s->resume_item = s->slot.index;
            start_urgent(s, urgent, now_ms);
            return &s->slot;
        }
    }

    /* Catch up slot by slot, so the order does not depend on how often
     * the caller looks. */
    while (now_ms >= s->slot.end_ms) {
        struct slot prev = s->slot;
        int resume = prev.kind == SLOT_URGENT ? s->resume_item : -1;

        if (prev.kind == SLOT_URGENT)
            s->resume_item = -1;
        if (prev.end_ms - prev.start_ms >= 1000)
            s->early_finishes = 0;

        start_next(s, prev.end_ms, resume);

        /* An item cut short by an urgent notice plays again after it. */
        if (s->slot.kind == SLOT_URGENT && prev.kind == SLOT_ITEM &&
            prev.end_ms - prev.start_ms <
                item_duration_ms(s, &s->content->items[prev.index]))
            s->resume_item = prev.index;
    }
    return &s->slot;
}

int playlist_next_item(const struct playlist *s)
{
    return pick_item(s, s->last_item, s->slot.end_ms);
}

void playlist_finish(struct playlist *s, int64_t now_ms)
{
    if (now_ms - s->slot.start_ms < 1000)
        s->early_finishes++;
    else
        s->early_finishes = 0;

    s->slot.end_ms = now_ms;
    playlist_advance(s, now_ms);
}
