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

#endif
