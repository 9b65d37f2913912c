/* countdown.h - where the election stands at an instant (before, campaign
 * silence, election morning, voting, closed, results) and the numbers and
 * Vietnamese words to show for it. Pure logic, no SDL; any thread. */
#ifndef BANGTIN_COUNTDOWN_H
#define BANGTIN_COUNTDOWN_H

#include <stdint.h>

#include "content.h"
#include "tzone.h"

enum countdown_phase {
    COUNTDOWN_BEFORE,   /* campaign under way; counting to polls open */
    COUNTDOWN_SILENCE,  /* campaign over, election day not yet begun */
    COUNTDOWN_MORNING,  /* election day, polls not yet open */
    COUNTDOWN_VOTING,   /* polls open; counting to polls close */
    COUNTDOWN_CLOSED,   /* polls closed, no results yet */
    COUNTDOWN_RESULTS   /* results published */
};

struct countdown {
    enum countdown_phase phase;
    int64_t target_ms;  /* what the numbers count to; TIME_NEVER_MS if none */
    int64_t left_s;     /* whole seconds to target, rounded up; 0 if none */
    int days, hours, minutes, seconds; /* left_s split up */
    int64_t next_ms;    /* when the numbers or the phase change next */
};

/* Where the election stands at now_ms. results may be NULL. Results show
 * once present, published and the polls are closed. */
void countdown_compute(const struct election *e, const struct results *r,
                       int64_t now_ms, struct countdown *out);

/* "before", "silence", ... for logs and tests. */
const char *countdown_phase_name(enum countdown_phase phase);

/* The phase's main sentence, e.g. "Còn 12 ngày 03 giờ 15 phút 09 giây
 * đến ngày bầu cử", "Đang bỏ phiếu · còn 05:12:40". */
void countdown_headline(const struct countdown *cd, char *buf, int size);

/* The phase's second line, e.g. "Các khu vực bỏ phiếu mở cửa lúc 07:00",
 * with times and dates local in tz. r may be NULL. */
void countdown_detail(const struct countdown *cd, const struct election *e,
                      const struct results *r, const struct tzone *tz,
                      char *buf, int size);

/* "05:12:40" (hours not wrapped at 24). */
void countdown_format_hms(int64_t seconds, char *buf, int size);

/* A percentage with a decimal comma and two decimals: "98,72%". */
void countdown_format_pct(double pct, char *buf, int size);

/* A count with dots between thousands: "12.345". */
void countdown_format_count(int64_t n, char *buf, int size);

/* Vietnamese day name for tm_wday (0 Sunday): "Chủ Nhật", "Thứ Hai"... */
const char *countdown_weekday(int wday);

/* "Chủ Nhật, 20/12/2026" for the local date of ms in tz. */
void countdown_format_date(int64_t ms, const struct tzone *tz, char *buf, int size);

/* "07:00": the local time of day of ms in tz. */
void countdown_format_hhmm(int64_t ms, const struct tzone *tz, char *buf, int size);

#endif
