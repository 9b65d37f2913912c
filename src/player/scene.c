/* scene.c - which scene shows which item type, and the built-in screen
 * shown when there is no content yet or nothing is scheduled. */
#include "scene.h"

#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "text.h"
#include "theme.h"
#include "tzone.h"

const struct scene_ops *scene_for_item(enum item_type type)
{
    switch (type) {
    case ITEM_COUNTDOWN:
        return &scene_countdown;
    case ITEM_IMAGE:
        return &scene_image;
    case ITEM_NOTICE:
        return &scene_notice;
    case ITEM_TIMELINE:
        return &scene_timeline;
    case ITEM_QR:
        return &scene_qr;
    case ITEM_VIDEO:
        return &scene_video;
    case ITEM_CANDIDATES:
        return &scene_candidates;
    case ITEM_PROFILES:
        return &scene_profiles;
    default:
        return NULL;
    }
}

/* The fallback screen: the commission's name, a sentence, and the time,
 * so a passer-by sees the board is alive. */
struct fallback {
    int64_t shown_minute;
};

static void *fallback_enter(const struct scene_env *env, const struct item *item,
                            int64_t now_ms)
{
    return calloc(1, sizeof(struct fallback));
}

static int64_t fallback_update(void *state, int64_t now_ms)
{
    return (now_ms / 60000 + 1) * 60000;
}

static void fallback_render(void *state, const struct scene_env *env, int64_t now_ms)
{
    const struct layout *l = env->layout;
    SDL_Rect all = {0, 0, l->w, l->h};
    theme_fill(env->renderer, &all, THEME_RED);

    const char *name = env->content ? env->content->commission : env->config->commission;
    const char *line = env->content
                           ? "Hiện không có nội dung theo lịch. Vui lòng quay lại sau."
                           : "Nội dung đang được cập nhật. Vui lòng quay lại sau.";
    int margin = theme_px(l, THEME_MARGIN * 2);
    SDL_Rect top = {margin, l->h / 4, l->w - 2 * margin, l->h / 4};
    SDL_Rect middle = {margin, l->h / 2 + margin / 2, l->w - 2 * margin, l->h / 5};

    struct text_style title = {theme_px(l, THEME_TEXT_BIG), FONT_BOLD, THEME_WHITE,
                               ALIGN_CENTER};
    text_draw_box(env->text, name, &title, theme_px(l, THEME_TEXT_MIN), top, NULL);

    struct text_style body = {theme_px(l, THEME_TEXT_BODY), FONT_REGULAR, THEME_GOLD_PALE,
                              ALIGN_CENTER};
    text_draw_box(env->text, line, &body, theme_px(l, THEME_TEXT_MIN), middle, NULL);

    if (!env->tz)
        return;

    struct tm local;
    tzone_local(env->tz, now_ms / 1000, &local);
    char clock[64];
    snprintf(clock, sizeof clock, "%02d:%02d  %02d/%02d/%04d", local.tm_hour, local.tm_min,
             local.tm_mday, local.tm_mon + 1, local.tm_year + 1900);
    struct text_style small = {theme_px(l, THEME_TEXT_SMALL), FONT_REGULAR, THEME_WHITE,
                               ALIGN_CENTER};
    text_draw(env->text, clock, &small, l->w / 2, l->h - theme_px(l, 160));
}

static void fallback_leave(void *state)
{
    free(state);
}

const struct scene_ops scene_fallback = {
    .name = "fallback",
    .enter = fallback_enter,
    .update = fallback_update,
    .render = fallback_render,
    .leave = fallback_leave,
};
