/* countdown.c - the election's phase at an instant and its wording.
 * Counts round up, so the last second shows 1 and the phase turns at 0. */
#include "countdown.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;

    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static enum countdown_phase phase_at(const struct election *e,
                                     const struct results *r, int64_t now_ms)
{
    if (r && r->present && now_ms >= r->published_ms && now_ms >= e->polls_close_ms)
        return COUNTDOWN_RESULTS;
    if (now_ms >= e->polls_close_ms)
        return COUNTDOWN_CLOSED;
    if (now_ms >= e->polls_open_ms)
        return COUNTDOWN_VOTING;
    if (now_ms >= e->day_start_ms)
        return COUNTDOWN_MORNING;
    if (now_ms >= e->campaign_end_ms)
        return COUNTDOWN_SILENCE;
    return COUNTDOWN_BEFORE;
}

/* The next instant after now_ms at which the phase changes. */
static int64_t next_boundary(const struct election *e, const struct results *r,
                             int64_t now_ms)
{
    int64_t bounds[5] = {e->campaign_end_ms, e->day_start_ms, e->polls_open_ms,
                         e->polls_close_ms, TIME_NEVER_MS};
    int64_t next = TIME_NEVER_MS;

    if (r && r->present)
        bounds[4] = r->published_ms;
    for (int i = 0; i < 5; i++) {
        if (bounds[i] > now_ms && bounds[i] < next)
            next = bounds[i];
    }
    return next;
}

void countdown_compute(const struct election *e, const struct results *r,
                       int64_t now_ms, struct countdown *out)
{
    memset(out, 0, sizeof *out);
    out->phase = phase_at(e, r, now_ms);
    out->target_ms = TIME_NEVER_MS;
    out->next_ms = next_boundary(e, r, now_ms);

    switch (out->phase) {
    case COUNTDOWN_BEFORE:
    case COUNTDOWN_SILENCE:
    case COUNTDOWN_MORNING:
        out->target_ms = e->polls_open_ms;
        break;
    case COUNTDOWN_VOTING:
        out->target_ms = e->polls_close_ms;
        break;
    case COUNTDOWN_CLOSED:
    case COUNTDOWN_RESULTS:
        return;
    }

    /* Whole seconds left, rounded up; the shown number drops each time
     * now crosses target - k seconds. */
    int64_t left_ms = out->target_ms - now_ms;
    out->left_s = floor_div(left_ms + 999, 1000);
    out->days = (int)(out->left_s / 86400);
    out->hours = (int)(out->left_s % 86400 / 3600);
    out->minutes = (int)(out->left_s % 3600 / 60);
    out->seconds = (int)(out->left_s % 60);

    int64_t tick = out->target_ms - (out->left_s - 1) * 1000;
    if (tick < out->next_ms)
        out->next_ms = tick;
}

const char *countdown_phase_name(enum countdown_phase phase)
{
    switch (phase) {
    case COUNTDOWN_BEFORE: return "before";
    case COUNTDOWN_SILENCE: return "silence";
    case COUNTDOWN_MORNING: return "morning";
    case COUNTDOWN_VOTING: return "voting";
    case COUNTDOWN_CLOSED: return "closed";
    case COUNTDOWN_RESULTS: return "results";
    }
    return "?";
}

void countdown_format_hms(int64_t seconds, char *buf, int size)
{
    if (seconds < 0)
        seconds = 0;
    snprintf(buf, (size_t)size, "%02lld:%02d:%02d", (long long)(seconds / 3600),
             (int)(seconds % 3600 / 60), (int)(seconds % 60));
}

void countdown_format_pct(double pct, char *buf, int size)
{
    long long hundredths = llround(pct * 100.0);

    if (hundredths < 0)
        hundredths = 0;
    snprintf(buf, (size_t)size, "%lld,%02lld%%", hundredths / 100, hundredths % 100);
}

void countdown_format_count(int64_t n, char *buf, int size)
{
    char digits[32];
    char out[48];
    int len;
    int o = 0;

    if (n < 0)
        n = 0;
    len = snprintf(digits, sizeof digits, "%lld", (long long)n);
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            out[o++] = '.';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    snprintf(buf, (size_t)size, "%s", out);
}

const char *countdown_weekday(int wday)
{
    static const char *const names[7] = {
        "Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy",
    };

    if (wday < 0 || wday > 6)
        return "";
    return names[wday];
}

static void local_tm(int64_t ms, const struct tzone *tz, struct tm *tm)
{
    tzone_local(tz, floor_div(ms, 1000), tm);
}

void countdown_format_date(int64_t ms, const struct tzone *tz, char *buf, int size)
{
    struct tm tm;

    local_tm(ms, tz, &tm);
    snprintf(buf, (size_t)size, "%s, %02d/%02d/%04d", countdown_weekday(tm.tm_wday),
             tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
}

void countdown_format_hhmm(int64_t ms, const struct tzone *tz, char *buf, int size)
{
    struct tm tm;

    local_tm(ms, tz, &tm);
    snprintf(buf, (size_t)size, "%02d:%02d", tm.tm_hour, tm.tm_min);
}

void countdown_headline(const struct countdown *cd, char *buf, int size)
{
    char hms[32];

    switch (cd->phase) {
    case COUNTDOWN_BEFORE:
        if (cd->days > 0)
            snprintf(buf, (size_t)size,
                     "Còn %d ngày %02d giờ %02d phút %02d giây đến ngày bầu cử",
                     cd->days, cd->hours, cd->minutes, cd->seconds);
        else
            snprintf(buf, (size_t)size,
                     "Còn %02d giờ %02d phút %02d giây đến ngày bầu cử",
                     cd->hours, cd->minutes, cd->seconds);
        return;
    case COUNTDOWN_SILENCE:
        snprintf(buf, (size_t)size, "Thời gian vận động bầu cử đã kết thúc");
        return;
    case COUNTDOWN_MORNING:
        snprintf(buf, (size_t)size, "Hôm nay là ngày bầu cử");
        return;
    case COUNTDOWN_VOTING:
        countdown_format_hms(cd->left_s, hms, sizeof hms);
        snprintf(buf, (size_t)size, "Đang bỏ phiếu · còn %s", hms);
        return;
    case COUNTDOWN_CLOSED:
        snprintf(buf, (size_t)size, "Việc bỏ phiếu đã kết thúc. Cảm ơn cử tri!");
        return;
    case COUNTDOWN_RESULTS:
        snprintf(buf, (size_t)size, "Kết quả bầu cử");
        return;
    }
    snprintf(buf, (size_t)size, "%s", "");
}

void countdown_detail(const struct countdown *cd, const struct election *e,
                      const struct results *r, const struct tzone *tz,
                      char *buf, int size)
{
    char date[64];
    char open[16];
    char close[16];
    char hms[32];
    char pct[32];

    countdown_format_date(e->day_start_ms, tz, date, sizeof date);
    countdown_format_hhmm(e->polls_open_ms, tz, open, sizeof open);
    countdown_format_hhmm(e->polls_close_ms, tz, close, sizeof close);

    switch (cd->phase) {
    case COUNTDOWN_BEFORE:
        snprintf(buf, (size_t)size, "Ngày bầu cử: %s · bỏ phiếu từ %s đến %s",
                 date, open, close);
        return;
    case COUNTDOWN_SILENCE:
        snprintf(buf, (size_t)size, "Ngày bầu cử: %s · các khu vực bỏ phiếu mở cửa lúc %s",
                 date, open);
        return;
    case COUNTDOWN_MORNING:
        countdown_format_hms(cd->left_s, hms, sizeof hms);
        snprintf(buf, (size_t)size, "Các khu vực bỏ phiếu mở cửa lúc %s · còn %s",
                 open, hms);
        return;
    case COUNTDOWN_VOTING:
        snprintf(buf, (size_t)size, "Các khu vực bỏ phiếu đóng cửa lúc %s", close);
        return;
    case COUNTDOWN_CLOSED:
        snprintf(buf, (size_t)size,
                 "Kết quả bầu cử sẽ được công bố theo quy định của pháp luật");
        return;
    case COUNTDOWN_RESULTS:
        if (r && r->present) {
            countdown_format_pct(r->turnout_pct, pct, sizeof pct);
            snprintf(buf, (size_t)size, "Tỷ lệ cử tri đi bầu %s", pct);
        } else {
            snprintf(buf, (size_t)size, "%s", "");
        }
        return;
    }
    snprintf(buf, (size_t)size, "%s", "");
}
