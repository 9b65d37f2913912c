/* scene_timeline.c - the election's milestones with their dates: past
 * ones greyed, the current one marked in gold, a window when too many. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "countdown.h"
#include "log.h"
#include "scene.h"
#include "text.h"
#include "theme.h"
#include "tzone.h"

struct timeline_scene {
    const struct scene_env *env;
    const struct item *item;
};

enum mark { MARK_PAST, MARK_CURRENT, MARK_OPEN, MARK_FUTURE };

static void *timeline_enter(const struct scene_env *env, const struct item *item,
                            int64_t now_ms)
{
    if (!env->content || !env->tz || env->content->milestone_count == 0) {
        log_warn("timeline", "%s: no milestones, skipping item", item->id);
        return NULL;
    }

    struct timeline_scene *s = calloc(1, sizeof *s);
    if (!s) {
        log_error("timeline", "out of memory, skipping %s", item->id);
        return NULL;
    }
    s->env = env;
    s->item = item;
    return s;
}

static int64_t timeline_update(void *state, int64_t now_ms)
{
    const struct timeline_scene *s = state;
    const struct content *c = s->env->content;
    int64_t next = TIME_NEVER_MS;

    for (int i = 0; i < c->milestone_count; i++) {
        const struct milestone *m = &c->milestones[i];
        if (m->at_ms > now_ms && m->at_ms < next)
            next = m->at_ms;
        if (m->until_ms > now_ms && m->until_ms < next)
            next = m->until_ms;
    }
    return next;
}

/* The last milestone that has started, if it has not ended; else -1. */
static int current_index(const struct content *c, int64_t now_ms)
{
    int last = -1;

    for (int i = 0; i < c->milestone_count; i++) {
        if (c->milestones[i].at_ms <= now_ms)
            last = i;
    }
    if (last >= 0 && c->milestones[last].until_ms <= now_ms)
        return -1;
    return last;
}

static enum mark mark_of(const struct content *c, int i, int current, int64_t now_ms)
{
    const struct milestone *m = &c->milestones[i];

    if (i == current)
        return MARK_CURRENT;
    if (m->at_ms > now_ms)
        return MARK_FUTURE;
    if (m->until_ms != TIME_NEVER_MS)
        return m->until_ms <= now_ms ? MARK_PAST : MARK_OPEN;
    return MARK_PAST;
}

static bool at_midnight(const struct tm *tm)
{
    return tm->tm_hour == 0 && tm->tm_min == 0 && tm->tm_sec == 0;
}

/* "10/11/2026", "20/12/2026, 07:00–19:00", "19/12/2026, từ 07:00" or
 * "30/11 – 19/12/2026". */
static void format_when(const struct milestone *m, const struct tzone *tz, char *buf,
                        int size)
{
    struct tm a;
    struct tm b;

    tzone_local(tz, m->at_ms / 1000, &a);
    if (m->until_ms == TIME_NEVER_MS) {
        if (at_midnight(&a))
            snprintf(buf, (size_t)size, "%02d/%02d/%04d", a.tm_mday, a.tm_mon + 1,
                     a.tm_year + 1900);
        else
            snprintf(buf, (size_t)size, "%02d/%02d/%04d, %02d:%02d", a.tm_mday,
                     a.tm_mon + 1, a.tm_year + 1900, a.tm_hour, a.tm_min);
        return;
    }

    /* until is exclusive: an end at midnight belongs to the day before. */
    tzone_local(tz, m->until_ms / 1000, &b);
    if (at_midnight(&b))
        tzone_local(tz, m->until_ms / 1000 - 1, &b);
    bool same_day = a.tm_year == b.tm_year && a.tm_yday == b.tm_yday;
    if (same_day && !at_midnight(&a) && b.tm_hour == 23 && b.tm_min == 59)
        snprintf(buf, (size_t)size, "%02d/%02d/%04d, từ %02d:%02d", a.tm_mday,
                 a.tm_mon + 1, a.tm_year + 1900, a.tm_hour, a.tm_min);
    else if (same_day && !at_midnight(&a))
        snprintf(buf, (size_t)size, "%02d/%02d/%04d, %02d:%02d–%02d:%02d", a.tm_mday,
                 a.tm_mon + 1, a.tm_year + 1900, a.tm_hour, a.tm_min, b.tm_hour,
                 b.tm_min);
    else if (same_day)
        snprintf(buf, (size_t)size, "%02d/%02d/%04d", a.tm_mday, a.tm_mon + 1,
                 a.tm_year + 1900);
    else if (a.tm_year == b.tm_year)
        snprintf(buf, (size_t)size, "%02d/%02d – %02d/%02d/%04d", a.tm_mday,
                 a.tm_mon + 1, b.tm_mday, b.tm_mon + 1, b.tm_year + 1900);
    else
        snprintf(buf, (size_t)size, "%02d/%02d/%04d – %02d/%02d/%04d", a.tm_mday,
                 a.tm_mon + 1, a.tm_year + 1900, b.tm_mday, b.tm_mon + 1,
                 b.tm_year + 1900);
}

static void fill_circle(SDL_Renderer *r, int cx, int cy, int radius, SDL_Color c)
{
    theme_draw_color(r, c);
    for (int dy = -radius; dy <= radius; dy++) {
        int dx = 0;
        while ((dx + 1) * (dx + 1) + dy * dy <= radius * radius)
            dx++;
        SDL_RenderDrawLine(r, cx - dx, cy + dy, cx + dx, cy + dy);
    }
}

struct row_geom {
    int date_x, date_w;
    int dot_x;
    int text_x, text_w;
    int row_h;
    int line_h;      /* title line */
    int date_h;      /* portrait: the date's own line above the title */
};

static void draw_row(const struct scene_env *env, const struct milestone *m,
                     enum mark mark, const struct row_geom *g, int y)
{
    const struct layout *l = env->layout;
    int min = theme_px(l, THEME_TEXT_MIN);
    int pad = theme_px(l, 10);
    SDL_Color ink = mark == MARK_PAST ? THEME_MUTED : THEME_INK;
    char when[96];

    if (mark == MARK_CURRENT) {
        SDL_Rect bar = {l->body.x + theme_px(l, THEME_MARGIN) / 2, y,
                        l->body.w - theme_px(l, THEME_MARGIN), g->row_h};
        theme_fill(env->renderer, &bar, THEME_GOLD);
        SDL_Rect edge = {bar.x, y, theme_px(l, 10), g->row_h};
        theme_fill(env->renderer, &edge, THEME_RED);
    }

    /* The dot on the line: red when current, hollow when to come. */
    int title_y = y + pad + g->date_h;
    int cy = title_y + g->line_h / 2;
    int radius = theme_px(l, mark == MARK_CURRENT ? 20 : 14);
    SDL_Color dot = mark == MARK_CURRENT ? THEME_RED
                    : mark == MARK_PAST  ? THEME_MUTED
                                         : THEME_INK;
    fill_circle(env->renderer, g->dot_x, cy, radius, dot);
    if (mark == MARK_FUTURE)
        fill_circle(env->renderer, g->dot_x, cy, radius - theme_px(l, 5), THEME_PAPER);

    format_when(m, env->tz, when, sizeof when);
    struct text_style date_st = {theme_px(l, THEME_TEXT_SMALL + 4), FONT_BOLD,
                                 mark == MARK_CURRENT ? THEME_RED_DARK : ink, ALIGN_RIGHT};
    int date_line = text_line_height(env->text, date_st.size_px, FONT_BOLD);
    SDL_Rect date_box = {g->date_x, y + pad + (g->line_h - date_line) / 2, g->date_w,
                         g->line_h};
    if (g->date_h > 0) {
        date_st.align = ALIGN_LEFT;
        date_box = (SDL_Rect){g->text_x, y + pad, g->text_w, g->date_h};
    }
    text_draw_box(env->text, when, &date_st, min, date_box, NULL);

    struct text_style title_st = {theme_px(l, THEME_TEXT_BODY), FONT_BOLD, ink,
                                  ALIGN_LEFT};
    SDL_Rect title_box = {g->text_x, title_y, g->text_w, g->line_h};
    text_draw_box(env->text, m->title, &title_st, title_st.size_px * 85 / 100, title_box,
                  NULL);

    if (m->detail && m->detail[0]) {
        struct text_style detail_st = {theme_px(l, THEME_TEXT_SMALL), FONT_REGULAR,
                                       mark == MARK_PAST ? THEME_MUTED : THEME_INK,
                                       ALIGN_LEFT};
        int top = title_y + g->line_h;
        SDL_Rect box = {g->text_x, top, g->text_w, y + g->row_h - pad - top};
        if (box.h > 0)
            text_draw_box(env->text, m->detail, &detail_st, detail_st.size_px, box, NULL);
    }
}

static void timeline_render(void *state, const struct scene_env *env, int64_t now_ms)
{
    const struct timeline_scene *s = state;
    const struct content *c = env->content;
    const struct layout *l = env->layout;
    int margin = theme_px(l, THEME_MARGIN);
    int gap = theme_px(l, THEME_GAP);
    int min = theme_px(l, THEME_TEXT_MIN);

    theme_fill(env->renderer, &l->body, THEME_PAPER);
    SDL_Rect inner = theme_inset(l->body, margin);

    /* Heading. */
    const char *heading = s->item->title && s->item->title[0]
                              ? s->item->title
                              : "Các mốc thời gian của cuộc bầu cử";
    struct text_style head = {theme_px(l, THEME_TEXT_TITLE), FONT_BOLD, THEME_RED,
                              ALIGN_LEFT};
    int head_h = text_line_height(env->text, head.size_px, FONT_BOLD);
    SDL_Rect head_box = {inner.x, inner.y, inner.w, head_h};
    text_draw_box(env->text, heading, &head, min, head_box, NULL);
    int top = inner.y + head_h + gap;
    int avail = inner.y + inner.h - top;

    /* Columns: dates right-aligned, the line with dots, then the text;
     * in portrait the date goes on its own line above the title. */
    struct row_geom g;
    g.line_h = text_line_height(env->text, theme_px(l, THEME_TEXT_BODY), FONT_BOLD);
    g.date_h = 0;
    g.row_h = g.line_h + text_line_height(env->text, theme_px(l, THEME_TEXT_SMALL),
                                          FONT_REGULAR) + theme_px(l, 30);
    g.date_x = inner.x + gap;
    g.date_w = inner.w * 26 / 100;
    if (l->portrait) {
        g.date_h = text_line_height(env->text, theme_px(l, THEME_TEXT_SMALL + 4),
                                    FONT_BOLD);
        g.row_h += g.date_h;
        g.date_w = 0;
    }
    g.dot_x = g.date_x + g.date_w + margin;
    g.text_x = g.dot_x + margin;
    g.text_w = inner.x + inner.w - g.text_x - gap;

    int visible = avail / g.row_h;
    if (visible < 1)
        visible = 1;
    int count = c->milestone_count;
    int current = current_index(c, now_ms);
    int first = 0;
    if (count > visible) {
        int focus = current;
        if (focus < 0) {
            focus = 0;
            while (focus < count && c->milestones[focus].at_ms <= now_ms)
                focus++;
        }
        first = focus - visible / 3;
        if (first > count - visible)
            first = count - visible;
        if (first < 0)
            first = 0;
    }
    int last = first + visible < count ? first + visible : count;

    /* The vertical line behind the dots, over the rows shown. */
    int shown_h = (last - first) * g.row_h;
    SDL_Rect line = {g.dot_x - theme_px(l, 3), top, theme_px(l, 6), shown_h};
    theme_fill(env->renderer, &line, THEME_RULE);

    for (int i = first; i < last; i++)
        draw_row(env, &c->milestones[i], mark_of(c, i, current, now_ms), &g,
                 top + (i - first) * g.row_h);
}

static void timeline_leave(void *state)
{
    free(state);
}

const struct scene_ops scene_timeline = {
    .name = "timeline",
    .fullscreen = false,
    .enter = timeline_enter,
    .update = timeline_update,
    .render = timeline_render,
    .finished = NULL,
    .leave = timeline_leave,
};
