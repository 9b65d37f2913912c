/* video.h - video clips through libvlc, decoded into memory and shown as
 * an SDL texture; bad files are remembered and skipped with a backoff. */
#ifndef BANGTIN_VIDEO_H
#define BANGTIN_VIDEO_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "scene.h"

/* A file that gives no frame this long after opening, or stops giving
 * frames this long while playing, is abandoned (well inside 5 s). */
#define VIDEO_FIRST_FRAME_MS 4000
#define VIDEO_STALL_MS 4000

/* How often a clip without a picture yet is looked at. */
#define VIDEO_POLL_MS 10

/* A bad file is retried after VIDEO_RETRY_MIN_S, doubling each time it
 * fails again, up to VIDEO_RETRY_MAX_S. */
#define VIDEO_RETRY_MIN_S 60
#define VIDEO_RETRY_MAX_S 3600

/* What libvlc hands over (measured side by side in bench/video.sh). */
enum video_chroma {
    VIDEO_CHROMA_I420, /* planar YUV 4:2:0, as decoded (default) */
    VIDEO_CHROMA_RV32  /* libvlc converts to 32-bit RGB itself */
};

struct video_player_options {
    bool audio_output;         /* false: no sound device at all (tests) */
    enum video_chroma chroma;
    /* The pixel format scenes draw in (display_pixel_format). A renderer
     * that takes YUV textures gets the planes as they are; otherwise each
     * picture is converted once, straight into a texture of this format,
     * so that drawing it is a plain scaled copy. 0: ARGB8888. */
    Uint32 texture_format;
};

/* One clip to play. Strings are copied. */
struct video_request {
    const char *path;
    const char *key;           /* sha256 of the file: the bad-file key */
    bool audio;
    int volume;                /* 0..100, already global x item x quiet */
    int start_ms;
    int max_ms;                /* 0: to the end */
    int loops;                 /* plays, at least 1 */
};

enum video_state {
    VIDEO_OPENING,   /* no frame yet */
    VIDEO_PLAYING,
    VIDEO_PAUSED,
    VIDEO_ENDED,     /* played all its loops */
    VIDEO_FAILED     /* abandoned; the file is marked bad */
};

struct video_stats {
    long frames_decoded;   /* pictures libvlc handed over */
    long frames_presented; /* of those, uploaded to the texture */
    long open_to_first_ms; /* -1 before the first frame */
    int plays;             /* of the request's loops, started so far */
};

struct video_player;
struct video;

/* One libvlc instance for the whole process; its log goes to ours.
 * options may be NULL (sound on, I420). The process should run under
 * mempolicy_apply (see mempolicy.h) to stay flat over many clips.
 * Returns NULL (logged) when libvlc cannot start; the app then runs
 * without video. Main thread. */
struct video_player *video_player_create(const struct video_player_options *options);

/* Closes every clip still open and frees the textures: call before the
 * renderer is destroyed. NULL-safe. */
void video_player_destroy(struct video_player *p);

/* True while key failed recently and its retry time has not come. */
bool video_player_is_bad(struct video_player *p, const char *key);

/* Opens the clip and starts it, or takes over the one video_player_prepare
 * opened for the same request. Returns NULL (logged) if the file is bad
 * or libvlc refuses it. Close with video_close. Main thread. */
struct video *video_open(struct video_player *p, const struct video_request *req);

/* Opens req paused on its first frame so a later video_open of the same
 * request starts without a gap. Replaces an earlier prepared clip.
 * Returns 0, or -1 if the file is bad or cannot be opened. */
int video_player_prepare(struct video_player *p, const struct video_request *req);

/* Stops and frees the clip; its last picture stays in the player's
 * texture for a moment so the next clip starts without black. NULL-safe. */
void video_close(struct video *v);

/* Reads what libvlc reported, enforces the time limits, and marks the
 * file bad on failure. Call each frame the scene updates. */
enum video_state video_poll(struct video *v);

/* How soon to look again: 0 when a picture is waiting to be drawn, else
 * the milliseconds until the next one is due (from the clip's frame
 * rate), or VIDEO_POLL_MS while opening. */
int video_frame_due_ms(struct video *v);

/* True when a picture arrived since the last video_draw. */
bool video_has_new_frame(struct video *v);

/* Uploads the newest picture (if any) and draws it fitted inside dst
 * (letterboxed). With no picture yet it draws the previous clip's last
 * one when that ended less than a second ago. Returns true if something
 * was drawn, false when the caller should paint its own still card. */
bool video_draw(struct video *v, SDL_Renderer *r, const SDL_Rect *dst);

/* Pauses or resumes. Returns 0 or -1. */
int video_set_pause(struct video *v, bool pause);

/* True while paused by video_set_pause. */
bool video_paused(const struct video *v);

/* Sets the sound volume 0..100 (0 mutes). Returns 0 or -1. */
int video_set_volume(struct video *v, int volume);

/* Playback position in ms from the start of the file, -1 if unknown. */
int64_t video_time_ms(struct video *v);

void video_get_stats(const struct video *v, struct video_stats *out);

/* The decoder threads a clip gets the next time it plays: one more (up
 * to max_threads) when libvlc dropped more than 2 % of its decoded
 * pictures as late, over at least a second of them; else as many as it
 * had. Each thread holds pictures of its own, so clips start with one. */
int video_decode_threads_next(int threads, long decoded, long late,
                              int max_threads);

/* Draws a still frame of the clip (the picture at about one second)
 * fitted inside box, for lists. Stills are decoded in the background, one
 * clip at a time: returns false while it is being made or when it cannot
 * be, and the caller shows its own placeholder. Call again on later
 * frames. */
bool video_player_draw_still(struct video_player *p, SDL_Renderer *r,
                             const char *path, const char *key,
                             const SDL_Rect *box);

/* True while a still frame is being made: keep calling
 * video_player_draw_still (redraw the list every 50 ms or so) until it
 * is false. */
bool video_player_still_busy(const struct video_player *p);

/* The effective volume of item under env's config (global volume x item
 * volume), 0 when the item has no sound or in quiet hours at now_ms in
 * the election's zone. Implemented in scene_video.c. */
int scene_video_volume(const struct scene_env *env, const struct item *item,
                       int64_t now_ms);

/* Fills req for item (path, key, audio, volume, start, max, loops). */
void scene_video_request(const struct scene_env *env, const struct item *item,
                         int64_t now_ms, struct video_request *req);

/* Opens item paused ahead of time so scene_video's enter starts it at
 * once: the app calls this about a second before a video item is due.
 * Does nothing when env->video is NULL. */
void scene_video_prepare(const struct scene_env *env, const struct item *item,
                         int64_t now_ms);

/* The clip a scene_video state plays, NULL when it has none (for tests
 * and the benchmark). */
struct video *scene_video_clip(void *state);

/* Whether minute_of_day (0..1439) falls inside quiet ("HH:MM-HH:MM",
 * may cross midnight; "" is never). */
bool scene_video_quiet(const char *quiet, int minute_of_day);

#endif
