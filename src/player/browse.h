/* browse.h - touch browsing: a voter's session from the home screen
 * through units, candidates and profiles (and timeline, how to vote,
 * videos, feedback), ended by the idle timer. Remembers nothing after
 * the session. Main thread only. */
#ifndef BANGTIN_BROWSE_H
#define BANGTIN_BROWSE_H

#include <stdbool.h>
#include <stdint.h>

#include "input.h"
#include "scene.h"

struct browse;

struct browse *browse_create(void);
void browse_destroy(struct browse *b);

/* Starts a session at the home screen. */
void browse_open(struct browse *b, const struct scene_env *env, int64_t now_ms);

bool browse_active(const struct browse *b);

/* Handles one input of the session (resets the idle timer). */
void browse_input(struct browse *b, const struct scene_env *env,
                  const struct input_event *ev, int64_t now_ms);

/* Advances to now_ms; ends the session when idle for the configured time.
 * Returns the next virtual time the picture changes. No SDL calls. */
int64_t browse_update(struct browse *b, const struct scene_env *env, int64_t now_ms);

void browse_render(struct browse *b, const struct scene_env *env, int64_t now_ms);

/* Ends the session at once (content changed, urgent notice). */
void browse_close(struct browse *b);

/* What the session shows, for tests and debug logs. */
struct browse_view {
    const char *screen;  /* "home", "units", "unit", "profile", "timeline",
                            "howto", "videos", "video", "feedback"; NULL
                            when no session is open */
    int unit;            /* unit index on "unit" and "profile", else -1 */
    int position;        /* the candidate's position in the unit's official
                            list on "profile", else -1 */
    int scroll_px;       /* of the long text on the screen */
    int depth;           /* screens on the back stack, home is 1 */
    int focus;           /* focused target (keyboard), -1 when hidden */
    bool large_text;
};

void browse_view(const struct browse *b, struct browse_view *out);

/* Touch targets of the current screen as of the last open, input or
 * render: the i-th target's rectangle, its action ("back", "large",
 * "units", "timeline", "howto", "videos", "feedback", "unit",
 * "candidate", "prev", "next", "video") and its argument (unit index,
 * position in the unit, item index). Returns the count, or for
 * browse_target 0 / -1 when i is out of range. */
int browse_target_count(const struct browse *b);
int browse_target(const struct browse *b, int i, SDL_Rect *rect,
                  const char **action, int *arg);

#endif
