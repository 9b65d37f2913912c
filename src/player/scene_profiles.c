/* scene_profiles.c - one item shows each candidate of a unit in turn, the
 * profile page for duration / n each, starting at the rotated candidate. */
#include <stdlib.h>

#include "candview.h"
#include "config.h"
#include "exposure.h"
#include "log.h"
#include "text.h"
#include "theme.h"

struct profiles {
    const struct content *content;
    struct exposure *exposure;
    int unit;
    const char **ids;       /* candidate ids in official order */
    struct exposure_cycle cycle;
    float scale;
};

static void *profiles_enter(const struct scene_env *env, const struct item *item,
                            int64_t now_ms)
{
    const struct content *c = env->content;

    if (!c || item->unit < 0 || item->unit >= c->unit_count ||
        c->units[item->unit].candidate_count <= 0) {
        log_error("profiles", "item %s has no unit with candidates, skipping it",
                  item->id);
        return NULL;
    }

    struct profiles *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    const struct unit *u = &c->units[item->unit];
    s->ids = calloc((size_t)u->candidate_count, sizeof *s->ids);
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

static int64_t profiles_update(void *state, int64_t now_ms)
{
    struct profiles *s = state;

    exposure_cycle_account(s->exposure, &s->cycle, now_ms, s->ids, false);
    return exposure_cycle_next_change(&s->cycle, now_ms);
}

/* Dots under the page: which of the unit's candidates this is. */
static void draw_dots(const struct scene_env *env, int n, int current,
                      SDL_Rect band)
{
    int d = band.h / 2;
    int gap = d;
    int total = n * d + (n - 1) * gap;
    int x = band.x + (band.w - total) / 2;

    for (int i = 0; i < n; i++) {
        SDL_Rect dot = {x + i * (d + gap), band.y + (band.h - d) / 2, d, d};
        theme_fill(env->renderer, &dot, i == current ? THEME_RED : THEME_RULE);
    }
}

static void profiles_render(void *state, const struct scene_env *env,
                            int64_t now_ms)
{
    struct profiles *s = state;
    const struct layout *l = env->layout;
    const struct unit *u = &s->content->units[s->unit];

    exposure_cycle_account(s->exposure, &s->cycle, now_ms, s->ids, false);
    theme_fill(env->renderer, &l->body, THEME_PAPER);

    int pos = exposure_cycle_position(&s->cycle, now_ms);
    int dots_h = theme_px(l, 18);
    SDL_Rect page = theme_inset(l->body, theme_px(l, THEME_MARGIN));
    page.h -= dots_h + theme_px(l, THEME_GAP);
    candview_profile(env, u->candidates[pos], page, s->scale, -1);

    SDL_Rect band = {page.x, page.y + page.h + theme_px(l, THEME_GAP), page.w,
                     dots_h};
    draw_dots(env, u->candidate_count, pos, band);
}

static bool profiles_finished(void *state, int64_t now_ms)
{
    struct profiles *s = state;

    exposure_cycle_account(s->exposure, &s->cycle, now_ms, s->ids, false);
    return false;
}

static void profiles_leave(void *state)
{
    struct profiles *s = state;

    if (!s)
        return;
    exposure_cycle_end(s->exposure, &s->cycle);
    free(s->ids);
    free(s);
}

const struct scene_ops scene_profiles = {
    .name = "profiles",
    .fullscreen = false,
    .enter = profiles_enter,
    .update = profiles_update,
    .render = profiles_render,
    .finished = profiles_finished,
    .leave = profiles_leave,
};
