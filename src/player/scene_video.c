/* scene_video.c - the scene for video items: plays the clip full screen
 * through video.c, with a still card while there is no picture. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "text.h"
#include "theme.h"
#include "tzone.h"
#include "video.h"

struct video_scene {
    const struct scene_env *env;
    const struct item *item;
    struct video *video;
    bool failed;
};

/* Reads "HH:MM" at s; returns minutes or -1. */
static int parse_hhmm(const char *s)
{
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' || s[2] != ':' ||
        s[3] < '0' || s[3] > '9' || s[4] < '0' || s[4] > '9')
        return -1;

    int hours = (s[0] - '0') * 10 + (s[1] - '0');
    int minutes = (s[3] - '0') * 10 + (s[4] - '0');
    if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0))
        return -1;
    return hours * 60 + minutes;
}

bool scene_video_quiet(const char *quiet, int minute_of_day)
{
    /* Exactly "HH:MM-HH:MM"; config.c checked it, this only reads it. */
    if (!quiet || strlen(quiet) != 11 || quiet[5] != '-')
        return false;

    int start = parse_hhmm(quiet);
    int end = parse_hhmm(quiet + 6);
    if (start < 0 || end < 0)
        return false;

    if (start == end)
        return false;
    if (start < end)
        return minute_of_day >= start && minute_of_day < end;
    return minute_of_day >= start || minute_of_day < end;
}

int scene_video_volume(const struct scene_env *env, const struct item *item,
                       int64_t now_ms)
{
    if (!item->audio)
        return 0;

    int global = env->config ? env->config->volume : 100;
    int volume = global * item->volume / 100;

    if (env->config && env->tz) {
        struct tm local;
        tzone_local(env->tz, now_ms / 1000, &local);
        if (scene_video_quiet(env->config->quiet_hours,
                              local.tm_hour * 60 + local.tm_min))
            volume = 0;
    }
    return volume < 0 ? 0 : volume > 100 ? 100 : volume;
}

void scene_video_request(const struct scene_env *env, const struct item *item,
                         int64_t now_ms, struct video_request *req)
{
    req->path = item->media.path;
    req->key = item->media.sha256;
    req->volume = scene_video_volume(env, item, now_ms);
    req->audio = req->volume > 0;
    req->start_ms = item->start_ms;
    req->max_ms = item->max_ms;
    req->loops = item->loops < 1 ? 1 : item->loops;
}

void scene_video_prepare(const struct scene_env *env, const struct item *item,
                         int64_t now_ms)
{
    if (!env->video || !item || item->type != ITEM_VIDEO || !item->media.path)
        return;

    struct video_request req;
    scene_video_request(env, item, now_ms, &req);
    video_player_prepare(env->video, &req);
}

struct video *scene_video_clip(void *state)
{
    struct video_scene *s = state;

    return s ? s->video : NULL;
}

static void *video_enter(const struct scene_env *env, const struct item *item,
                         int64_t now_ms)
{
    struct video_scene *s = calloc(1, sizeof *s);
    if (!s) {
        log_error("video", "out of memory entering item %s", item->id);
        return NULL;
    }
    s->env = env;
    s->item = item;

    /* Without libvlc, or for a file known to be bad, the item ends at once
     * and the app moves on. */
    if (!env->video || !item->media.path) {
        s->failed = true;
        return s;
    }

    struct video_request req;
    scene_video_request(env, item, now_ms, &req);
    s->video = video_open(env->video, &req);
    if (!s->video)
        s->failed = true;
    return s;
}

static int64_t video_update(void *state, int64_t now_ms)
{
    struct video_scene *s = state;

    if (s->failed)
        return TIME_NEVER_MS;

    enum video_state vs = video_poll(s->video);
    if (vs == VIDEO_FAILED) {
        s->failed = true;
        return now_ms;
    }

    /* Quiet hours may begin while a clip plays. */
    if (s->item->audio)
        video_set_volume(s->video, scene_video_volume(s->env, s->item, now_ms));

    /* libvlc delivers pictures in real time: the next change is when the
     * next picture is due, so the app draws once per picture. */
    if (vs == VIDEO_ENDED && !video_has_new_frame(s->video))
        return TIME_NEVER_MS;
    if (vs == VIDEO_PAUSED)
        return TIME_NEVER_MS;
    return now_ms + video_frame_due_ms(s->video);
}

/* What shows while a clip has no picture yet: a dark card with the
 * title, never plain black. */
static void draw_card(const struct video_scene *s, const struct scene_env *env)
{
    const struct layout *l = env->layout;

    theme_fill(env->renderer, NULL, (SDL_Color){0x1c, 0x2b, 0x3a, 0xff});

    if (!env->text || !s->item->title || !l)
        return;
    struct text_style style = {
        .size_px = (int)(48 * l->unit_px),
        .weight = FONT_BOLD,
        .color = {0xf2, 0xf2, 0xf2, 0xff},
        .align = ALIGN_CENTER,
    };
    SDL_Rect box = l->body;
    box.y += box.h / 3;
    box.h /= 3;
    text_draw_box(env->text, s->item->title, &style, (int)(24 * l->unit_px),
                  box, NULL);
}

static void video_render(void *state, const struct scene_env *env, int64_t now_ms)
{
    struct video_scene *s = state;
    SDL_Rect all = {0, 0, 0, 0};

    if (env->layout) {
        all.w = env->layout->w;
        all.h = env->layout->h;
    } else {
        SDL_GetRendererOutputSize(env->renderer, &all.w, &all.h);
    }

    /* The frame starts cleared to black: bars need no drawing. */
    if (s->failed || !video_draw(s->video, env->renderer, &all))
        draw_card(s, env);
}

/* Ended counts only once the last picture has been shown. */
static bool video_finished(void *state, int64_t now_ms)
{
    struct video_scene *s = state;

    if (s->failed)
        return true;
    return video_poll(s->video) == VIDEO_ENDED &&
           !video_has_new_frame(s->video);
}

static void video_leave(void *state)
{
    struct video_scene *s = state;

    if (!s)
        return;
    video_close(s->video);
    free(s);
}

const struct scene_ops scene_video = {
    .name = "video",
    .fullscreen = true,
    .enter = video_enter,
    .update = video_update,
    .render = video_render,
    .finished = video_finished,
    .leave = video_leave,
};
