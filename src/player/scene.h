/* scene.h - a scene shows one kind of playlist item. Scenes are tables of
 * functions; the app owns their state and calls them on the main thread. */
#ifndef BANGTIN_SCENE_H
#define BANGTIN_SCENE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "content.h"
#include "input.h"

struct text;
struct tzone;
struct config;
struct assets;
struct video_player;
struct exposure;

/* Where things go on the logical canvas. Sizes scale with unit_px, one
 * thousandth of the short side (1.08 px at 1920x1080). */
struct layout {
    int w, h;
    bool portrait;
    float unit_px;
    SDL_Rect header;    /* commission name and clock */
    SDL_Rect body;      /* where scenes draw */
    SDL_Rect footer;    /* ticker and the content version line */
    SDL_Rect corner_qr; /* the small feedback QR */
};

/* What the app lends a scene. Valid from enter to leave. */
struct scene_env {
    SDL_Renderer *renderer;
    struct text *text;
    struct assets *assets;
    const struct content *content;
    const struct tzone *tz;
    const struct layout *layout;
    const struct config *config;
    struct video_player *video;   /* NULL when libvlc is unavailable */
    struct exposure *exposure;    /* candidate screen-time totals */
};

struct scene_ops {
    const char *name;

    /* True when the scene paints the whole canvas (video): the overlay is
     * then drawn over it instead of around it. */
    bool fullscreen;

    /* Creates the state for item at now_ms. No SDL calls. NULL on
     * failure (logged); the app then skips the item. */
    void *(*enter)(const struct scene_env *env, const struct item *item,
                   int64_t now_ms);

    /* Advances to now_ms. Returns the next virtual time at which the
     * picture changes (TIME_NEVER_MS when static). No SDL calls. */
    int64_t (*update)(void *state, int64_t now_ms);

    /* Draws the picture at now_ms. May load textures through env. */
    void (*render)(void *state, const struct scene_env *env, int64_t now_ms);

    /* Optional. True once the item has nothing more to show (a video
     * ended or failed); the app moves on before its duration is up. */
    bool (*finished)(void *state, int64_t now_ms);

    void (*leave)(void *state);
};

/* Fills layout for a canvas of w x h pixels (portrait when h > w). */
void layout_compute(struct layout *layout, int w, int h);

/* The scene that shows items of this type, or NULL. */
const struct scene_ops *scene_for_item(enum item_type type);

/* The built-in screen shown when no content has been imported yet. */
extern const struct scene_ops scene_fallback;

extern const struct scene_ops scene_countdown;
extern const struct scene_ops scene_image;
extern const struct scene_ops scene_notice;
extern const struct scene_ops scene_timeline;
extern const struct scene_ops scene_qr;
extern const struct scene_ops scene_video;
extern const struct scene_ops scene_candidates;
extern const struct scene_ops scene_profiles;

#endif
