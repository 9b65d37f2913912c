/* scene_notice.c - one notice from the commission: title and body fitted
 * to the body area; urgent ones under a red "THÔNG BÁO KHẨN" band. */
#include <stdio.h>
#include <stdlib.h>

#include "countdown.h"
#include "log.h"
#include "scene.h"
#include "text.h"
#include "theme.h"

struct notice_scene {
    const struct scene_env *env;
    const struct notice *notice;
};

static void *notice_enter(const struct scene_env *env, const struct item *item,
                          int64_t now_ms)
{
    const struct content *c = env->content;

    if (!c || item->notice < 0 || item->notice >= c->notice_count) {
        log_warn("notice", "%s: no such notice, skipping item", item->id);
        return NULL;
    }

    struct notice_scene *s = calloc(1, sizeof *s);
    if (!s) {
        log_error("notice", "out of memory, skipping %s", item->id);
        return NULL;
    }
    s->env = env;
    s->notice = &c->notices[item->notice];
    return s;
}

static int64_t notice_update(void *state, int64_t now_ms)
{
    return TIME_NEVER_MS;
}

/* "Có hiệu lực đến 19:00 Chủ Nhật, 20/12/2026", or "" when open-ended. */
static void validity(const struct scene_env *env, const struct notice *n, char *buf,
                     int size)
{
    char date[64];
    char hhmm[16];

    buf[0] = '\0';
    if (n->until_ms == TIME_NEVER_MS || !env->tz)
        return;

    /* An end at midnight reads better as the end of the day before. */
    int64_t shown = n->until_ms;
    countdown_format_hhmm(shown, env->tz, hhmm, sizeof hhmm);
    if (hhmm[0] == '0' && hhmm[1] == '0' && hhmm[3] == '0' && hhmm[4] == '0') {
        shown -= 1;
        countdown_format_date(shown, env->tz, date, sizeof date);
        snprintf(buf, (size_t)size, "Có hiệu lực đến hết ngày %s", date);
        return;
    }
    countdown_format_date(shown, env->tz, date, sizeof date);
    snprintf(buf, (size_t)size, "Có hiệu lực đến %s %s", hhmm, date);
}

static void notice_render(void *state, const struct scene_env *env, int64_t now_ms)
{
    const struct notice_scene *s = state;
    const struct notice *n = s->notice;
    const struct layout *l = env->layout;
    SDL_Rect body = l->body;
    int margin = theme_px(l, THEME_MARGIN);
    int gap = theme_px(l, THEME_GAP);
    int min = theme_px(l, THEME_TEXT_MIN);
    int used_px = 0;
    int used_h = 0;

    theme_fill(env->renderer, &body, THEME_PAPER);
    SDL_Rect inner = theme_inset(body, margin);

    /* The label: a red band for urgent notices, a red word otherwise. */
    if (n->urgent) {
        struct text_style st = {theme_px(l, THEME_TEXT_TITLE), FONT_BOLD, THEME_WHITE,
                                ALIGN_LEFT};
        int band_h = text_line_height(env->text, st.size_px, FONT_BOLD) + 2 * gap;
        SDL_Rect band = {body.x, body.y, body.w, band_h};
        SDL_Rect stripe = {body.x, body.y + band_h, body.w, theme_px(l, 8)};
        theme_fill(env->renderer, &band, THEME_RED);
        theme_fill(env->renderer, &stripe, THEME_GOLD);
        SDL_Rect box = {inner.x, body.y + gap, inner.w, band_h - 2 * gap};
        text_draw_box(env->text, "THÔNG BÁO KHẨN", &st, min, box, NULL);
        int top = stripe.y + stripe.h + margin;
        inner.h -= top - inner.y;
        inner.y = top;
    } else {
        struct text_style st = {theme_px(l, THEME_TEXT_SMALL), FONT_BOLD, THEME_RED,
                                ALIGN_LEFT};
        int label_h = text_line_height(env->text, st.size_px, FONT_BOLD);
        SDL_Rect box = {inner.x, inner.y, inner.w, label_h};
        text_draw_box(env->text, "THÔNG BÁO", &st, min, box, NULL);
        inner.y += label_h + gap / 2;
        inner.h -= label_h + gap / 2;
    }

    /* The validity line is kept at the bottom, small and grey. */
    char until[160];
    validity(env, n, until, sizeof until);
    if (until[0]) {
        struct text_style st = {theme_px(l, THEME_TEXT_SMALL), FONT_REGULAR, THEME_MUTED,
                                ALIGN_LEFT};
        int h = text_line_height(env->text, st.size_px, FONT_REGULAR);
        SDL_Rect box = {inner.x, inner.y + inner.h - h, inner.w, h};
        if (h < inner.h / 4) {
            text_draw_box(env->text, until, &st, min, box, NULL);
            inner.h -= h + gap;
        }
    }

    /* The title takes at most a third, the body the rest. */
    struct text_style title = {theme_px(l, THEME_TEXT_TITLE), FONT_BOLD,
                               n->urgent ? THEME_RED_DARK : THEME_INK, ALIGN_LEFT};
    text_fit(env->text, n->title, &title, min, inner.w, inner.h / 3, &used_px, &used_h);
    SDL_Rect title_box = {inner.x, inner.y, inner.w, used_h};
    if (title_box.h > inner.h / 3)
        title_box.h = inner.h / 3;
    text_draw_box(env->text, n->title, &title, min, title_box, NULL);

    int rule_y = inner.y + title_box.h + gap;
    SDL_Rect rule = {inner.x, rule_y, theme_px(l, 240), theme_px(l, 8)};
    theme_fill(env->renderer, &rule, THEME_GOLD);

    int top = rule.y + rule.h + margin;
    SDL_Rect text_box = {inner.x, top, inner.w, inner.y + inner.h - top};
    struct text_style st = {theme_px(l, THEME_TEXT_BODY + 10), FONT_REGULAR, THEME_INK,
                            ALIGN_LEFT};
    /* Long notices are cut rather than shrunk past what reads at 2 m. */
    if (text_box.h > 0)
        text_draw_box(env->text, n->body, &st, theme_px(l, THEME_TEXT_SMALL), text_box,
                      NULL);
}

static void notice_leave(void *state)
{
    free(state);
}

const struct scene_ops scene_notice = {
    .name = "notice",
    .fullscreen = false,
    .enter = notice_enter,
    .update = notice_update,
    .render = notice_render,
    .finished = NULL,
    .leave = notice_leave,
};
