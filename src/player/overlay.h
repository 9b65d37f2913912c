/* overlay.h - what every scene shows around (or over) itself: the header
 * with the commission's name and the clock, the small feedback QR, the
 * ticker of active notices and the content version line. Main thread. */
#ifndef BANGTIN_OVERLAY_H
#define BANGTIN_OVERLAY_H

#include <stdbool.h>
#include <stdint.h>

#include "scene.h"

struct overlay;

struct overlay *overlay_create(void);
void overlay_destroy(struct overlay *o);

/* Advances to now_ms; returns the next virtual time the overlay changes
 * (clock minute, ticker page). No SDL calls. */
int64_t overlay_update(struct overlay *o, const struct scene_env *env, int64_t now_ms);

/* Draws the overlay. over_picture: the scene painted the whole canvas
 * (video), so the overlay's bands get a translucent backing. */
void overlay_render(struct overlay *o, const struct scene_env *env, int64_t now_ms,
                    bool over_picture);

#endif
