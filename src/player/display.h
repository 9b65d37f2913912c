/* display.h - the screen: a fullscreen kiosk window, or an off-screen
 * surface in headless mode; a canvas in the viewer's orientation that is
 * rotated onto the panel; screenshots. Main thread only. */
#ifndef BANGTIN_DISPLAY_H
#define BANGTIN_DISPLAY_H

#include <SDL.h>
#include <stdbool.h>

#include "config.h"

struct display {
    SDL_Window *window;        /* NULL in headless mode */
    SDL_Surface *surface;      /* headless: the panel's pixels */
    SDL_Renderer *renderer;
    int out_w, out_h;          /* the panel, in pixels */
    int rotation;              /* degrees clockwise: 0, 90, 180, 270 */
    int canvas_w, canvas_h;    /* what scenes draw on, upright */
    SDL_Texture *canvas;       /* only on a sideways panel; else NULL and
                                  scenes draw straight to the panel */
    SDL_Texture *previous;     /* during a fade: the last frame of the old item */
    int max_texture_px;
};

/* Opens the screen. headless: an off-screen panel of w x h; otherwise a
 * window (desktop fullscreen when cfg->fullscreen), w x h or the
 * display's size when 0. Returns NULL (logged) when there is no screen. */
struct display *display_create(const struct config *cfg, bool headless, int w, int h);
void display_destroy(struct display *d);

/* Makes the canvas (or the panel) the drawing target. */
void display_begin(struct display *d);

/* Makes a texture for the old item's last frame the drawing target, for
 * a cross-fade. Returns 0, or -1 (logged) when there is no room. */
int display_capture_begin(struct display *d);

/* Frees the previous frame once a fade is over. */
void display_drop_previous(struct display *d);

/* Draws the previous frame over the canvas with opacity 0..1. */
void display_blend_previous(struct display *d, float opacity);

/* Puts the canvas on the panel, rotated, and shows it. */
void display_present(struct display *d);

/* Saves the canvas as a PNG. Returns 0 or -1 (logged). */
int display_screenshot(struct display *d, const char *path);

/* The pixel format of what scenes draw on (canvas, window or panel):
 * pictures made in it are drawn without a conversion. */
Uint32 display_pixel_format(const struct display *d);

/* Maps panel (touch) coordinates to canvas coordinates. */
void display_to_canvas(const struct display *d, int x, int y, int *cx, int *cy);

#endif
