/* scene_qr.c - two large QR codes, the feedback form and the Zalo
 * official account, each with its address written out for those who
 * type it. Side by side in landscape, stacked in portrait. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "log.h"
#include "qr.h"
#include "scene.h"
#include "text.h"
#include "theme.h"

struct qr_scene {
    const struct scene_env *env;
    const struct item *item;
};

struct qr_card {
    const char *label;
    const char *url;
    const char *caption;   /* what is written under or beside the code */
};

static void *qr_enter(const struct scene_env *env, const struct item *item,
                      int64_t now_ms)
{
    if (!env->content) {
        log_warn("qr", "%s: no links loaded, skipping item", item->id);
        return NULL;
    }

    struct qr_scene *s = calloc(1, sizeof *s);
    if (!s) {
        log_error("qr", "out of memory, skipping %s", item->id);
        return NULL;
    }
    s->env = env;
    s->item = item;
    return s;
}

static int64_t qr_update(void *state, int64_t now_ms)
{
    return TIME_NEVER_MS;
}

/* The address as people type it: without "https://". */
static const char *readable(const char *url)
{
    if (strncmp(url, "https://", 8) == 0)
        return url + 8;
    if (strncmp(url, "http://", 7) == 0)
        return url + 7;
    return url;
}

/* Text lines of a card stacked in box, centred or left; returns height. */
static int draw_lines(const struct scene_env *env, const struct qr_card *card,
                      SDL_Rect box, enum text_align align, bool draw)
{
    const struct layout *l = env->layout;
    int min = theme_px(l, THEME_TEXT_MIN);
    struct text_style label = {theme_px(l, THEME_TEXT_BODY), FONT_BOLD, THEME_RED, align};
    struct text_style addr = {theme_px(l, THEME_TEXT_SMALL + 4), FONT_BOLD, THEME_INK,
                              align};
    int label_px = 0;
    int label_h = 0;
    int addr_px = 0;
    int addr_h = 0;
    int gap = theme_px(l, 12);

    text_fit(env->text, card->label, &label, min, box.w, box.h / 2, &label_px, &label_h);
    text_fit(env->text, card->caption, &addr, min, box.w, box.h / 2, &addr_px, &addr_h);
    if (!draw)
        return label_h + gap + addr_h;

    int top = box.y + (box.h - (label_h + gap + addr_h)) / 2;
    SDL_Rect lb = {box.x, top, box.w, label_h};
    text_draw_box(env->text, card->label, &label, min, lb, NULL);
    SDL_Rect ab = {box.x, top + label_h + gap, box.w, addr_h};
    text_draw_box(env->text, card->caption, &addr, min, ab, NULL);
    return label_h + gap + addr_h;
}

static void draw_card(const struct scene_env *env, const struct qr_card *card,
                      SDL_Rect area)
{
    const struct layout *l = env->layout;
    int pad = theme_px(l, THEME_GAP);
    int border = theme_px(l, 4);

    theme_fill(env->renderer, &area, THEME_RULE);
    SDL_Rect inside = theme_inset(area, border);
    theme_fill(env->renderer, &inside, THEME_CARD);
    SDL_Rect top_rule = {inside.x, inside.y, inside.w, theme_px(l, 10)};
    theme_fill(env->renderer, &top_rule, THEME_GOLD);
    inside.y += top_rule.h;
    inside.h -= top_rule.h;
    inside = theme_inset(inside, pad);

    struct qr *qr = assets_qr(env->assets, card->url);

    /* A wide card puts the code left and the words beside it; a tall one
     * puts the words under the code. */
    if (inside.w > inside.h * 8 / 5) {
        int side = inside.h;
        if (qr)
            qr_draw(qr, inside.x, inside.y, side);
        SDL_Rect text_box = {inside.x + side + pad, inside.y, inside.w - side - pad,
                             inside.h};
        draw_lines(env, card, text_box, ALIGN_LEFT, true);
        return;
    }

    SDL_Rect probe = {inside.x, inside.y, inside.w, inside.h / 3};
    int text_h = draw_lines(env, card, probe, ALIGN_CENTER, false);
    int side = inside.h - text_h - pad;
    if (side > inside.w)
        side = inside.w;
    if (qr && side > 0)
        qr_draw(qr, inside.x + (inside.w - side) / 2, inside.y, side);
    SDL_Rect text_box = {inside.x, inside.y + side + pad, inside.w, text_h};
    draw_lines(env, card, text_box, ALIGN_CENTER, true);
}

static void qr_render(void *state, const struct scene_env *env, int64_t now_ms)
{
    const struct qr_scene *s = state;
    const struct content *c = env->content;
    const struct layout *l = env->layout;
    int margin = theme_px(l, THEME_MARGIN);
    int min = theme_px(l, THEME_TEXT_MIN);

    theme_fill(env->renderer, &l->body, THEME_PAPER);
    SDL_Rect inner = theme_inset(l->body, margin);

    const char *heading = s->item->title && s->item->title[0]
                              ? s->item->title
                              : "Quét mã để góp ý, hỏi đáp về bầu cử";
    struct text_style head = {theme_px(l, THEME_TEXT_TITLE), FONT_BOLD, THEME_RED,
                              ALIGN_CENTER};
    int used_px = 0;
    int used_h = 0;
    text_fit(env->text, heading, &head, min, inner.w, inner.h / 5, &used_px, &used_h);
    SDL_Rect head_box = {inner.x, inner.y, inner.w, used_h};
    text_draw_box(env->text, heading, &head, min, head_box, NULL);

    int top = inner.y + used_h + margin;
    SDL_Rect cards = {inner.x, top, inner.w, inner.y + inner.h - top};
    char zalo[512];
    snprintf(zalo, sizeof zalo, "%s\n%s", c->zalo_name ? c->zalo_name : "",
             readable(c->zalo_url));
    const struct qr_card list[2] = {
        {"Góp ý qua biểu mẫu", c->feedback_url, readable(c->feedback_url)},
        {"Trang Zalo chính thức", c->zalo_url, zalo},
    };

    for (int i = 0; i < 2; i++) {
        SDL_Rect area = cards;
        if (l->portrait) {
            area.h = (cards.h - margin) / 2;
            area.y = cards.y + i * (area.h + margin);
        } else {
            area.w = (cards.w - margin) / 2;
            area.x = cards.x + i * (area.w + margin);
        }
        draw_card(env, &list[i], area);
    }
}

static void qr_leave(void *state)
{
    free(state);
}

const struct scene_ops scene_qr = {
    .name = "qr",
    .fullscreen = false,
    .enter = qr_enter,
    .update = qr_update,
    .render = qr_render,
    .finished = NULL,
    .leave = qr_leave,
};
