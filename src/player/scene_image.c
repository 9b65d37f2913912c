/* scene_image.c - a picture from the bundle, contained or covering the
 * body; one much taller (or wider) than the body pans slowly end to end. */
#include <stdlib.h>
#include <sys/stat.h>

#include "assets.h"
#include "image.h"
#include "log.h"
#include "scene.h"
#include "text.h"
#include "theme.h"

#define FRAME_MS 33
#define PAN_PAUSE_MS 2000
#define PAN_SPEED_PX_S 40.0   /* at 1080 px on the short side */
#define PAN_WHEN_SHRUNK 0.6   /* pan if containing shrinks below this of native */

struct image_scene {
    const struct scene_env *env;
    const struct item *item;
    int64_t start_ms;
    bool failed;
    bool measured;      /* geometry known; set by the first render */

    int img_w, img_h;
    SDL_Rect src;       /* static: the part shown */
    SDL_Rect dst;       /* where it goes on screen */
    bool pans;
    bool vertical;
    double scale;       /* screen px per picture px */
    int travel_px;      /* screen px between the two ends */
    int64_t travel_ms;
};

static void *image_enter(const struct scene_env *env, const struct item *item,
                         int64_t now_ms)
{
    struct image_scene *s = calloc(1, sizeof *s);
    struct stat sb;

    if (!s) {
        log_error("image", "out of memory, skipping %s", item->id);
        return NULL;
    }
    s->env = env;
    s->item = item;
    s->start_ms = now_ms;

    /* A missing file shows the notice card at once and ends the item. */
    if (!item->media.path || stat(item->media.path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        log_warn("image", "%s: no picture at %s, showing a notice card", item->id,
                 item->media.path ? item->media.path : "(none)");
        s->failed = true;
    }
    return s;
}

/* Screen offset of the pan at t ms after the start: pause, forth,
 * pause, back, again. */
static int pan_offset(const struct image_scene *s, int64_t t)
{
    int64_t cycle = 2 * (PAN_PAUSE_MS + s->travel_ms);
    int64_t p = t % cycle;

    if (p < PAN_PAUSE_MS)
        return 0;
    p -= PAN_PAUSE_MS;
    if (p < s->travel_ms)
        return (int)(s->travel_px * p / s->travel_ms);
    p -= s->travel_ms;
    if (p < PAN_PAUSE_MS)
        return s->travel_px;
    p -= PAN_PAUSE_MS;
    return s->travel_px - (int)(s->travel_px * p / s->travel_ms);
}

static int64_t image_update(void *state, int64_t now_ms)
{
    struct image_scene *s = state;

    if (s->failed)
        return TIME_NEVER_MS;
    if (!s->measured)
        return now_ms;
    if (!s->pans)
        return TIME_NEVER_MS;

    /* Nothing moves during the pauses: wake at their end. */
    int64_t t = now_ms - s->start_ms;
    if (t < 0)
        return s->start_ms;
    int64_t cycle = 2 * (PAN_PAUSE_MS + s->travel_ms);
    int64_t p = t % cycle;
    int64_t base = now_ms - p;
    if (p < PAN_PAUSE_MS)
        return base + PAN_PAUSE_MS;
    if (p >= PAN_PAUSE_MS + s->travel_ms && p < 2 * PAN_PAUSE_MS + s->travel_ms)
        return base + 2 * PAN_PAUSE_MS + s->travel_ms;
    return now_ms + FRAME_MS;
}

/* Decides contain, cover or pan for a picture of w x h in the body. */
static void measure(struct image_scene *s, int w, int h)
{
    const struct layout *l = s->env->layout;
    SDL_Rect area = s->item->fit == FIT_COVER ? l->body
                                               : theme_inset(l->body, theme_px(l, 12));
    double sx = (double)area.w / w;
    double sy = (double)area.h / h;
    double native = (l->w < l->h ? l->w : l->h) / 1080.0;

    s->img_w = w;
    s->img_h = h;
    s->measured = true;
    s->src = (SDL_Rect){0, 0, w, h};

    if (s->item->fit == FIT_COVER) {
        s->scale = sx > sy ? sx : sy;
        s->src.w = (int)(area.w / s->scale);
        s->src.h = (int)(area.h / s->scale);
        s->src.x = (w - s->src.w) / 2;
        s->src.y = (h - s->src.h) / 2;
        s->dst = area;
        return;
    }

    /* Contained, unless that makes it far smaller than it was drawn to
     * be read at: then fill the short way and pan the long way. */
    s->scale = sx < sy ? sx : sy;
    s->vertical = sy < sx;
    double fill = s->vertical ? sx : sy;
    double pan_scale = fill < native ? fill : native;
    if (s->scale < pan_scale * PAN_WHEN_SHRUNK) {
        s->pans = true;
        s->scale = pan_scale;
        int shown_w = (int)(w * s->scale);
        int shown_h = (int)(h * s->scale);
        if (s->vertical) {
            s->travel_px = shown_h - area.h;
            s->src.h = (int)(area.h / s->scale);
            s->dst = (SDL_Rect){area.x + (area.w - shown_w) / 2, area.y, shown_w, area.h};
        } else {
            s->travel_px = shown_w - area.w;
            s->src.w = (int)(area.w / s->scale);
            s->dst = (SDL_Rect){area.x, area.y + (area.h - shown_h) / 2, area.w, shown_h};
        }
        double speed = PAN_SPEED_PX_S * native;
        s->travel_ms = (int64_t)(s->travel_px / speed * 1000.0);
        if (s->travel_ms < 1)
            s->travel_ms = 1;
        return;
    }

    int shown_w = (int)(w * s->scale);
    int shown_h = (int)(h * s->scale);
    s->dst = (SDL_Rect){area.x + (area.w - shown_w) / 2, area.y + (area.h - shown_h) / 2,
                        shown_w, shown_h};
}

static void draw_failure(const struct scene_env *env)
{
    const struct layout *l = env->layout;
    SDL_Rect card = {l->body.x + l->body.w / 6, l->body.y + l->body.h / 3,
                     l->body.w * 2 / 3, l->body.h / 3};
    int border = theme_px(l, 4);
    struct text_style st = {theme_px(l, THEME_TEXT_BODY), FONT_REGULAR, THEME_MUTED,
                            ALIGN_CENTER};
    int used_px = 0;
    int used_h = 0;

    theme_fill(env->renderer, &card, THEME_RULE);
    SDL_Rect inside = theme_inset(card, border);
    theme_fill(env->renderer, &inside, THEME_CARD);

    SDL_Rect box = theme_inset(inside, theme_px(l, THEME_MARGIN));
    text_fit(env->text, "Không hiển thị được hình ảnh", &st, theme_px(l, THEME_TEXT_MIN),
             box.w, box.h, &used_px, &used_h);
    box.y += (box.h - used_h) / 2;
    box.h = used_h;
    text_draw_box(env->text, "Không hiển thị được hình ảnh", &st,
                  theme_px(l, THEME_TEXT_MIN), box, NULL);
}

static void image_render(void *state, const struct scene_env *env, int64_t now_ms)
{
    struct image_scene *s = state;
    struct image *img = NULL;

    theme_fill(env->renderer, &env->layout->body, THEME_PAPER);
    if (!s->failed) {
        img = assets_image(env->assets, s->item->media.path);
        if (!img) {
            /* assets.c has logged why; this says what happens next. */
            log_debug("image", "%s: picture cannot be shown, moving on", s->item->id);
            s->failed = true;
        }
    }
    if (s->failed) {
        draw_failure(env);
        return;
    }

    if (!s->measured) {
        int w = 0;
        int h = 0;
        image_size(img, &w, &h);
        if (w <= 0 || h <= 0) {
            s->failed = true;
            draw_failure(env);
            return;
        }
        measure(s, w, h);
    }

    SDL_Rect src = s->src;
    if (s->pans) {
        int offset = pan_offset(s, now_ms - s->start_ms < 0 ? 0 : now_ms - s->start_ms);
        int picture_px = (int)(offset / s->scale);
        if (s->vertical)
            src.y = picture_px + src.h > s->img_h ? s->img_h - src.h : picture_px;
        else
            src.x = picture_px + src.w > s->img_w ? s->img_w - src.w : picture_px;
    }
    image_draw(img, &src, &s->dst);
}

static bool image_finished(void *state, int64_t now_ms)
{
    const struct image_scene *s = state;

    return s->failed;
}

static void image_leave(void *state)
{
    free(state);
}

const struct scene_ops scene_image = {
    .name = "image",
    .fullscreen = false,
    .enter = image_enter,
    .update = image_update,
    .render = image_render,
    .finished = image_finished,
    .leave = image_leave,
};
