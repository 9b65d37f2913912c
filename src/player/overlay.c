/* overlay.c - the bands around every scene: commission name and clock on
 * top, ticker of active notices, content version and feedback QR below. */
#include "overlay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assets.h"
#include "config.h"
#include "countdown.h"
#include "qr.h"
#include "text.h"
#include "theme.h"
#include "tzone.h"

#define TICKER_PAGE_MS 8000
#define MINUTE_MS 60000
#define FALLBACK_OFFSET_S (7 * 3600)  /* Vietnam, when no zone is known */
#define BAND_ALPHA 215                /* bands over a full-canvas picture */

struct overlay {
    int64_t last_update_ms;
};

struct overlay *overlay_create(void)
{
    struct overlay *o = calloc(1, sizeof *o);

    if (!o)
        return NULL;
    o->last_update_ms = TIME_ALWAYS_MS;
    return o;
}

void overlay_destroy(struct overlay *o)
{
    free(o);
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;

    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static bool notice_active(const struct notice *n, int64_t now_ms)
{
    return n->from_ms <= now_ms && now_ms < n->until_ms;
}

static int active_count(const struct content *c, int64_t now_ms)
{
    int count = 0;

    for (int i = 0; i < c->notice_count; i++) {
        if (notice_active(&c->notices[i], now_ms))
            count++;
    }
    return count;
}

/* The notice on ticker page `page`: urgent ones first, then the rest,
 * each in manifest order. NULL when nothing is active. */
static const struct notice *ticker_notice(const struct content *c, int64_t now_ms,
                                          int *page, int *pages)
{
    *pages = active_count(c, now_ms);
    *page = 0;
    if (*pages == 0)
        return NULL;

    *page = (int)(floor_div(now_ms, TICKER_PAGE_MS) % *pages);
    int seen = 0;
    for (int pass = 0; pass < 2; pass++) {
        bool want_urgent = pass == 0;
        for (int i = 0; i < c->notice_count; i++) {
            const struct notice *n = &c->notices[i];
            if (n->urgent != want_urgent || !notice_active(n, now_ms))
                continue;
            if (seen == *page)
                return n;
            seen++;
        }
    }
    return NULL;
}

int64_t overlay_update(struct overlay *o, const struct scene_env *env, int64_t now_ms)
{
    int64_t next = (floor_div(now_ms, MINUTE_MS) + 1) * MINUTE_MS;
    const struct content *c = env->content;

    o->last_update_ms = now_ms;
    if (!c)
        return next;

    for (int i = 0; i < c->notice_count; i++) {
        const struct notice *n = &c->notices[i];
        if (n->from_ms > now_ms && n->from_ms < next)
            next = n->from_ms;
        if (n->until_ms > now_ms && n->until_ms < next)
            next = n->until_ms;
    }

    if (active_count(c, now_ms) > 1) {
        int64_t page_end = (floor_div(now_ms, TICKER_PAGE_MS) + 1) * TICKER_PAGE_MS;
        if (page_end < next)
            next = page_end;
    }
    return next;
}

static void local_time(const struct scene_env *env, int64_t ms, struct tm *tm)
{
    int64_t s = floor_div(ms, 1000);

    if (env->tz) {
        tzone_local(env->tz, s, tm);
        return;
    }
    time_t t = (time_t)(s + FALLBACK_OFFSET_S);
    gmtime_r(&t, tm);
}

static void fill_band(SDL_Renderer *r, const SDL_Rect *rect, SDL_Color c,
                      bool over_picture)
{
    if (over_picture)
        c.a = BAND_ALPHA;
    theme_fill(r, rect, c);
}

/* Draws one line vertically centred in band, returns its width or -1. */
static int draw_centred_line(struct text *t, const char *s, const struct text_style *st,
                             int x, const SDL_Rect *band)
{
    int line_h = text_line_height(t, st->size_px, st->weight);

    return text_draw(t, s, st, x, band->y + (band->h - line_h) / 2);
}

static void render_header(const struct scene_env *env, int64_t now_ms, bool over_picture)
{
    const struct layout *l = env->layout;
    SDL_Rect band = l->header;
    int stripe = theme_px(l, 6);
    int margin = theme_px(l, THEME_MARGIN);
    int gap = theme_px(l, THEME_MARGIN);

    fill_band(env->renderer, &band, THEME_RED, over_picture);
    SDL_Rect gold = {band.x, band.y + band.h - stripe, band.w, stripe};
    theme_fill(env->renderer, &gold, THEME_GOLD);
    band.h -= stripe;

    /* The clock, minute resolution; without the weekday when narrow. */
    struct tm tm;
    local_time(env, now_ms, &tm);
    char clock[96];
    snprintf(clock, sizeof clock, "%s, %02d/%02d/%04d · %02d:%02d",
             countdown_weekday(tm.tm_wday), tm.tm_mday, tm.tm_mon + 1,
             tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
    struct text_style clock_style = {theme_px(l, 42), FONT_BOLD, THEME_GOLD, ALIGN_RIGHT};
    int clock_w = 0;
    int clock_h = 0;
    text_measure(env->text, clock, clock_style.size_px, FONT_BOLD, &clock_w, &clock_h);
    if (clock_w > band.w * 2 / 5) {
        snprintf(clock, sizeof clock, "%02d/%02d/%04d · %02d:%02d", tm.tm_mday,
                 tm.tm_mon + 1, tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
        text_measure(env->text, clock, clock_style.size_px, FONT_BOLD, &clock_w,
                     &clock_h);
    }
    draw_centred_line(env->text, clock, &clock_style, band.x + band.w - margin, &band);

    /* The commission's name fills what is left, two lines if it must. */
    const char *name = "Bảng tin bầu cử";
    if (env->content)
        name = env->content->commission;
    else if (env->config && env->config->commission[0])
        name = env->config->commission;
    struct text_style name_style = {theme_px(l, 46), FONT_BOLD, THEME_WHITE, ALIGN_LEFT};
    int name_w = band.w - 2 * margin - clock_w - gap;
    int pad = theme_px(l, 8);
    int used_px = 0;
    int used_h = 0;
    if (name_w <= 0)
        return;
    text_fit(env->text, name, &name_style, theme_px(l, 24), name_w, band.h - 2 * pad,
             &used_px, &used_h);
    SDL_Rect box = {band.x + margin, band.y + (band.h - used_h) / 2, name_w, used_h};
    if (box.y < band.y + pad)
        box.y = band.y + pad;
    text_draw_box(env->text, name, &name_style, theme_px(l, 24), box, NULL);
}

/* "Nội dung phiên bản 41" over "cập nhật 12/03/2026 08:00", right-aligned
 * at right. Returns the left edge of the block. */
static int render_version(const struct scene_env *env, const SDL_Rect *band, int right)
{
    const struct layout *l = env->layout;
    const struct content *c = env->content;
    struct text_style st = {theme_px(l, THEME_TEXT_FINE), FONT_REGULAR,
                            THEME_FOOTER_TEXT, ALIGN_RIGHT};
    char line1[64];
    char line2[64];
    struct tm tm;
    int w1 = 0;
    int w2 = 0;
    int h = 0;

    snprintf(line1, sizeof line1, "Nội dung phiên bản %lld", (long long)c->version);
    local_time(env, c->published_ms, &tm);
    snprintf(line2, sizeof line2, "cập nhật %02d/%02d/%04d %02d:%02d", tm.tm_mday,
             tm.tm_mon + 1, tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
    text_measure(env->text, line1, st.size_px, st.weight, &w1, &h);
    text_measure(env->text, line2, st.size_px, st.weight, &w2, &h);

    int line_h = text_line_height(env->text, st.size_px, st.weight);
    int top = band->y + (band->h - 2 * line_h) / 2;
    text_draw(env->text, line1, &st, right, top);
    text_draw(env->text, line2, &st, right, top + line_h);
    return right - (w1 > w2 ? w1 : w2);
}

/* A small filled label ("THÔNG BÁO", "KHẨN") at x; returns its width. */
static int render_badge(const struct scene_env *env, const char *label, int x,
                        const SDL_Rect *band, SDL_Color bg, SDL_Color fg)
{
    const struct layout *l = env->layout;
    struct text_style st = {theme_px(l, 30), FONT_BOLD, fg, ALIGN_LEFT};
    int w = 0;
    int h = 0;
    int pad = theme_px(l, 14);

    text_measure(env->text, label, st.size_px, st.weight, &w, &h);
    int line_h = text_line_height(env->text, st.size_px, st.weight);
    SDL_Rect r = {x, band->y + (band->h - line_h) / 2 - pad / 3, w + 2 * pad,
                  line_h + 2 * pad / 3};
    theme_fill(env->renderer, &r, bg);
    text_draw(env->text, label, &st, x + pad, band->y + (band->h - line_h) / 2);
    return r.w;
}

static void render_ticker(const struct scene_env *env, int64_t now_ms, SDL_Rect area)
{
    const struct layout *l = env->layout;
    const struct content *c = env->content;
    int gap = theme_px(l, THEME_GAP);
    int page = 0;
    int pages = 0;
    const struct notice *n = ticker_notice(c, now_ms, &page, &pages);
    int size = theme_px(l, 38);

    if (area.w <= 0)
        return;

    if (!n) {
        struct text_style st = {size, FONT_REGULAR, THEME_WHITE, ALIGN_LEFT};
        SDL_Rect box = area;
        int line_h = text_line_height(env->text, size, FONT_REGULAR);
        box.y = area.y + (area.h - line_h) / 2;
        box.h = line_h;
        text_draw_box(env->text,
                      "Góp ý về công tác bầu cử: "
                      "quét mã QR ở góc màn hình",
                      &st, size, box, NULL);
        return;
    }

    /* Badge, then the page number at the right, then the text between. */
    int x = area.x;
    if (n->urgent)
        x += render_badge(env, "KHẨN", x, &area, THEME_GOLD, THEME_RED_DARK);
    else
        x += render_badge(env, "THÔNG BÁO", x, &area, THEME_GOLD, THEME_INK);
    x += gap;

    int right = area.x + area.w;
    if (pages > 1) {
        char counter[32];
        struct text_style cs = {theme_px(l, 28), FONT_REGULAR, THEME_FOOTER_TEXT,
                                ALIGN_RIGHT};
        int cw = 0;
        int ch = 0;
        snprintf(counter, sizeof counter, "%d/%d", page + 1, pages);
        text_measure(env->text, counter, cs.size_px, cs.weight, &cw, &ch);
        draw_centred_line(env->text, counter, &cs, right, &area);
        right -= cw + gap;
    }

    int line_h = text_line_height(env->text, size, FONT_BOLD);
    int top = area.y + (area.h - line_h) / 2;
    struct text_style title_st = {size, FONT_BOLD, THEME_WHITE, ALIGN_LEFT};
    int title_w = 0;
    int title_h = 0;
    if (right - x <= size * 2)
        return;

    /* The title whole if it fits, then as much of the body as there is
     * room for; a title too long gets the whole line to itself. */
    text_measure(env->text, n->title, size, FONT_BOLD, &title_w, &title_h);
    if (title_w > right - x)
        title_w = right - x;
    SDL_Rect title_box = {x, top, title_w, line_h};
    text_draw_box(env->text, n->title, &title_st, size, title_box, NULL);
    x += title_w + gap;

    struct text_style body_st = {size, FONT_REGULAR, THEME_WHITE, ALIGN_LEFT};
    SDL_Rect body_box = {x, top, right - x, line_h};
    if (body_box.w > (right - area.x) / 4)
        text_draw_box(env->text, n->body, &body_st, size, body_box, NULL);
}

static void render_footer(const struct scene_env *env, int64_t now_ms, bool over_picture)
{
    const struct layout *l = env->layout;
    const struct content *c = env->content;
    SDL_Rect band = l->footer;
    int margin = theme_px(l, THEME_MARGIN);
    int gap = theme_px(l, THEME_GAP);
    int page = 0;
    int pages = 0;
    const struct notice *n = c ? ticker_notice(c, now_ms, &page, &pages) : NULL;

    fill_band(env->renderer, &band, n && n->urgent ? THEME_RED : THEME_FOOTER,
              over_picture);
    if (!c)
        return;

    /* The feedback QR: its white quiet zone frames it on the dark band. */
    struct qr *qr = assets_qr(env->assets, c->feedback_url);
    if (qr) {
        theme_fill(env->renderer, &l->corner_qr, THEME_WHITE);
        qr_draw(qr, l->corner_qr.x, l->corner_qr.y, l->corner_qr.w);
    }

    int right = (qr ? l->corner_qr.x : band.x + band.w) - gap;
    int left_of_version = render_version(env, &band, right);
    SDL_Rect area = {band.x + margin, band.y, left_of_version - 2 * gap - band.x - margin,
                     band.h};
    render_ticker(env, now_ms, area);
}

void overlay_render(struct overlay *o, const struct scene_env *env, int64_t now_ms,
                    bool over_picture)
{
    if (!env->layout || !env->text)
        return;
    render_header(env, now_ms, over_picture);
    render_footer(env, now_ms, over_picture);
}
