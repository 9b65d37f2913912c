/* assets.h - textures that outlive one frame: pictures by path and QR
 * codes by text, loaded on first use and kept while they are used.
 * Main thread only. */
#ifndef BANGTIN_ASSETS_H
#define BANGTIN_ASSETS_H

#include <SDL.h>

struct image;
struct qr;

struct assets;

struct assets *assets_create(SDL_Renderer *renderer, int max_texture_px);
void assets_destroy(struct assets *a);

/* The picture at path, loaded once. NULL if it cannot be loaded (logged
 * once; later calls return NULL without retrying for a while). */
struct image *assets_image(struct assets *a, const char *path);

/* The QR code for text, encoded once. NULL if it cannot be encoded. */
struct qr *assets_qr(struct assets *a, const char *text);

/* Frees everything not used since the last call (call on item change). */
void assets_sweep(struct assets *a);

#endif
