/* scene_candidates.c - a unit's candidate list on one screen, in the
 * official order, with a spotlight that gives each candidate equal time.
 *
 * DESIGN: the law fixes the list's order, so the grid never reorders:
 * candidate 1 is always top left and every card is on screen for the
 * whole item. Fairness comes from the spotlight (a gold frame) that visits
 * each card for duration / n, starting at a different card every cycle
 * (exposure_cycle). Every candidate is credited the item's full
 * on-screen time. */
#include <stdlib.h>
#include <stdio.h>

#include "candview.h"
#include "config.h"
#include "exposure.h"
#include "log.h"
#include "text.h"
#include "theme.h"

struct candidates {
    const struct content *content;
    struct exposure *exposure;
    int unit;
    const char **ids;       /* candidate ids in official order */
    struct exposure_cycle cycle;
    float scale;
};

static void *cands_enter(const struct scene_env *env, const struct item *item,
                         int64_t now_ms)
{
    const struct content *c = env->content;

    if (!c || item->unit < 0 || item->unit >= c->unit_count) {
        log_error("candidates", "item %s names no unit, skipping it", item->id);
        return NULL;
    }

    struct candidates *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    const struct unit *u = &c->units[item->unit];
    s->ids = calloc((size_t)u->candidate_count + 1, sizeof *s->ids);
    if (!s->ids) {
        free(s);
        return NULL;
    }

    s->content = c;
    s->exposure = env->exposure;
    s->unit = item->unit;
    for (int i = 0; i < u->candidate_count; i++)
        s->ids[i] = c->candidates[u->candidates[i]].id;
    s->scale = env->config && env->config->large_text ? 1.25f : 1.0f;
    exposure_cycle_begin(s->exposure, &s->cycle, item->id, s->ids,
                         u->candidate_count,
                         now_ms, item->duration_ms);
    return s;
}

static int64_t cands_update(void *state, int64_t now_ms)
{
    struct candidates *s = state;

    exposure_cycle_account(s->exposure, &s->cycle, now_ms, s->ids, true);
    return exposure_cycle_next_change(&s->cycle, now_ms);
}

static void cands_render(void *state, const struct scene_env *env,
                         int64_t now_ms)
{
    struct candidates *s = state;
    const struct layout *l = env->layout;
    const struct unit *u = &s->content->units[s->unit];
    int margin = theme_px(l, THEME_MARGIN);
    int gap = theme_px(l, THEME_GAP);
    SDL_Rect body = theme_inset(l->body, margin);

    exposure_cycle_account(s->exposure, &s->cycle, now_ms, s->ids, true);
    theme_fill(env->renderer, &l->body, THEME_PAPER);

    /* Heading: the unit, its seats and areas. */
    char line[512];
    snprintf(line, sizeof line, "Danh sách người ứng cử · Đơn vị bầu cử số %d",
             u->number);
    int title_px = theme_px(l, (int)(THEME_TEXT_TITLE * s->scale));
    int title_h = text_line_height(env->text, title_px, FONT_BOLD);
    struct text_style st = {title_px, FONT_BOLD, THEME_RED, ALIGN_LEFT};
    SDL_Rect box = {body.x, body.y, body.w, title_h};
    int y = body.y + text_draw_box(env->text, line, &st,
                                   theme_px(l, THEME_TEXT_MIN), box, NULL);

    snprintf(line, sizeof line, "%s%sBầu %d đại biểu trong %d người ứng cử",
             u->areas && u->areas[0] ? u->areas : "",
             u->areas && u->areas[0] ? " · " : "", u->seats,
             u->candidate_count);
    st = (struct text_style){theme_px(l, THEME_TEXT_SMALL), FONT_REGULAR,
                             THEME_INK, ALIGN_LEFT};
    box = (SDL_Rect){body.x, y, body.w,
                     text_line_height(env->text, st.size_px, FONT_REGULAR)};
    y += text_draw_box(env->text, line, &st, theme_px(l, THEME_TEXT_MIN) * 3 / 4,
                       box, NULL) + gap;

    /* The cards, in official order; the spotlight on one. */
    int n = u->candidate_count;
    if (n <= 0)
        return;
    SDL_Rect *cells = calloc((size_t)n, sizeof *cells);
    if (!cells)
        return;
    SDL_Rect area = {body.x, y, body.w, body.y + body.h - y};
    candview_card_grid(env, n, area, gap, s->scale, cells);
    int spot = exposure_cycle_position(&s->cycle, now_ms);
    for (int i = 0; i < n; i++)
        candview_card(env, u->candidates[i], i + 1, cells[i], s->scale,
                      i == spot);
    free(cells);
}

static bool cands_finished(void *state, int64_t now_ms)
{
    struct candidates *s = state;

    exposure_cycle_account(s->exposure, &s->cycle, now_ms, s->ids, true);
    return false;
}

static void cands_leave(void *state)
{
    struct candidates *s = state;

    if (!s)
        return;
    exposure_cycle_end(s->exposure, &s->cycle);
    free(s->ids);
    free(s);
}

const struct scene_ops scene_candidates = {
    .name = "candidates",
    .fullscreen = false,
    .enter = cands_enter,
    .update = cands_update,
    .render = cands_render,
    .finished = cands_finished,
    .leave = cands_leave,
};
