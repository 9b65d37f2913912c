/* image.h - pictures from the bundle on screen: PNG, JPEG and WebP via
 * SDL2_image, split into tiles when larger than the renderer's texture
 * limit, scaled down at load when absurdly large. Main thread only. */
#ifndef BANGTIN_IMAGE_H
#define BANGTIN_IMAGE_H

#include <SDL.h>

/* Pictures with more pixels than this are scaled down at load. */
#define IMAGE_MAX_PIXELS (40 * 1000 * 1000)

struct image;

/* Loads path into textures no larger than max_texture_px a side.
 * Returns NULL (logged with IMG_GetError and the path) on failure. */
struct image *image_load(SDL_Renderer *renderer, const char *path,
                         int max_texture_px);
void image_free(struct image *img);

/* Size of the picture in pixels (after any load-time scaling). */
void image_size(const struct image *img, int *w, int *h);

int image_tile_count(const struct image *img);

/* Draws the src part of the picture (picture pixels) into dst (screen
 * pixels), across tiles. Returns 0 or -1. */
int image_draw(struct image *img, const SDL_Rect *src, const SDL_Rect *dst);

#endif
