/* image.c - pictures decoded by SDL2_image into a grid of textures, each
 * within the renderer's size limit, drawn as one picture without seams. */
#include "image.h"

#include <SDL_image.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "log.h"

#define FALLBACK_TEXTURE_PX 4096
#define IMAGE_FORMAT SDL_PIXELFORMAT_ARGB8888

struct tile {
    SDL_Texture *texture;
    SDL_Rect area;              /* picture pixels this tile holds */
};

struct image {
    SDL_Renderer *renderer;
    int w, h;
    int count;
    struct tile *tiles;
};

/* The largest texture side to use: the caller's, capped by what the
 * renderer reports; some renderers report 0, meaning "no stated limit". */
static int texture_limit(SDL_Renderer *renderer, int max_texture_px)
{
    SDL_RendererInfo info;
    int limit = 0;

    if (SDL_GetRendererInfo(renderer, &info) == 0) {
        limit = info.max_texture_width;
        if (info.max_texture_height > 0 &&
            (limit == 0 || info.max_texture_height < limit))
            limit = info.max_texture_height;
    }

    if (max_texture_px > 0 && (limit == 0 || max_texture_px < limit))
        return max_texture_px;
    return limit > 0 ? limit : FALLBACK_TEXTURE_PX;
}

/* Averages each 2x2 block into one pixel: a box filter that keeps the
 * later bilinear step from aliasing when the reduction is large. */
static SDL_Surface *halve(SDL_Surface *src)
{
    int w = src->w / 2;
    int h = src->h / 2;
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, IMAGE_FORMAT);
    if (!dst)
        return NULL;

    for (int y = 0; y < h; y++) {
        const Uint8 *a = (const Uint8 *)src->pixels + (2 * y) * src->pitch;
        const Uint8 *b = a + src->pitch;
        Uint8 *out = (Uint8 *)dst->pixels + y * dst->pitch;
        for (int x = 0; x < w * 4; x++) {
            int c = (x / 4) * 8 + x % 4;
            out[x] = (Uint8)((a[c] + a[c + 4] + b[c] + b[c + 4] + 2) / 4);
        }
    }
    return dst;
}

/* Returns a surface of at most IMAGE_MAX_PIXELS; frees src when it
 * returns a different one. NULL (logged) on failure, src freed. */
static SDL_Surface *shrink(SDL_Surface *src, const char *path)
{
    double pixels = (double)src->w * src->h;

    if (pixels <= IMAGE_MAX_PIXELS)
        return src;

    double factor = sqrt(IMAGE_MAX_PIXELS / pixels);
    int w = (int)(src->w * factor);
    int h = (int)(src->h * factor);
    if (w < 1)
        w = 1;
    if (h < 1)
        h = 1;
    log_warn("image", "%s: %dx%d is too large, scaling to %dx%d", path,
             src->w, src->h, w, h);

    while (src->w / 2 >= w && src->h / 2 >= h) {
        SDL_Surface *half = halve(src);
        SDL_FreeSurface(src);
        if (!half) {
            log_error("image", "%s: cannot scale down: %s", path, SDL_GetError());
            return NULL;
        }
        src = half;
    }

    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, IMAGE_FORMAT);
    if (!dst || SDL_SoftStretchLinear(src, NULL, dst, NULL) < 0) {
        log_error("image", "%s: cannot scale down: %s", path, SDL_GetError());
        SDL_FreeSurface(dst);
        SDL_FreeSurface(src);
        return NULL;
    }
    SDL_FreeSurface(src);
    return dst;
}

/* Decodes path into a 32-bit surface no larger than IMAGE_MAX_PIXELS. */
static SDL_Surface *decode(const char *path)
{
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG | IMG_INIT_WEBP);

    SDL_Surface *loaded = IMG_Load(path);
    if (!loaded) {
        log_error("image", "cannot load %s: %s; skipping it", path,
                  IMG_GetError());
        return NULL;
    }

    SDL_Surface *converted = SDL_ConvertSurfaceFormat(loaded, IMAGE_FORMAT, 0);
    SDL_FreeSurface(loaded);
    if (!converted) {
        log_error("image", "cannot convert %s: %s; skipping it", path,
                  SDL_GetError());
        return NULL;
    }

    return shrink(converted, path);
}

static int upload_tile(struct image *img, SDL_Surface *s, struct tile *t)
{
    const Uint8 *pixels = (const Uint8 *)s->pixels + t->area.y * s->pitch +
                          t->area.x * 4;

    t->texture = SDL_CreateTexture(img->renderer, IMAGE_FORMAT,
                                   SDL_TEXTUREACCESS_STATIC, t->area.w, t->area.h);
    if (!t->texture)
        return -1;

    if (SDL_UpdateTexture(t->texture, NULL, pixels, s->pitch) < 0)
        return -1;

    /* A tile one pixel thin gains nothing from filtering, and SDL's
     * software scaler reads past its edge when filtering it. */
    bool thin = t->area.w == 1 || t->area.h == 1;
    SDL_SetTextureBlendMode(t->texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(t->texture, thin ? SDL_ScaleModeNearest
                                             : SDL_ScaleModeLinear);
    return 0;
}

struct image *image_load(SDL_Renderer *renderer, const char *path,
                         int max_texture_px)
{
    struct image *img = NULL;
    SDL_Surface *s = decode(path);

    if (!s)
        return NULL;

    img = calloc(1, sizeof *img);
    if (!img) {
        log_error("image", "%s: out of memory", path);
        goto fail;
    }
    img->renderer = renderer;
    img->w = s->w;
    img->h = s->h;

    /* Tiles of even size: no sliver of a few pixels at the far edge. */
    int limit = texture_limit(renderer, max_texture_px);
    int cols = (s->w + limit - 1) / limit;
    int rows = (s->h + limit - 1) / limit;
    int tile_w = (s->w + cols - 1) / cols;
    int tile_h = (s->h + rows - 1) / rows;
    img->tiles = calloc((size_t)cols * rows, sizeof *img->tiles);
    if (!img->tiles) {
        log_error("image", "%s: out of memory", path);
        goto fail;
    }

    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            struct tile *t = &img->tiles[img->count++];
            t->area.x = c * tile_w;
            t->area.y = r * tile_h;
            t->area.w = SDL_min(tile_w, s->w - t->area.x);
            t->area.h = SDL_min(tile_h, s->h - t->area.y);
            if (upload_tile(img, s, t) < 0) {
                log_error("image", "%s: cannot create a %dx%d texture: %s", path,
                          t->area.w, t->area.h, SDL_GetError());
                goto fail;
            }
        }
    }

    SDL_FreeSurface(s);
    return img;

fail:
    image_free(img);
    SDL_FreeSurface(s);
    return NULL;
}

void image_free(struct image *img)
{
    if (!img)
        return;
    for (int i = 0; i < img->count; i++) {
        if (img->tiles[i].texture)
            SDL_DestroyTexture(img->tiles[i].texture);
    }
    free(img->tiles);
    free(img);
}

void image_size(const struct image *img, int *w, int *h)
{
    if (w)
        *w = img ? img->w : 0;
    if (h)
        *h = img ? img->h : 0;
}

int image_tile_count(const struct image *img)
{
    return img ? img->count : 0;
}

/* Screen coordinate of picture coordinate p along one axis. Every tile
 * edge goes through this one rounding, so neighbours meet exactly. */
static int map(int p, int src_pos, int src_len, int dst_pos, int dst_len)
{
    int64_t num = (int64_t)(p - src_pos) * dst_len;
    int64_t q = num >= 0 ? (num + src_len / 2) / src_len
                         : -((-num + src_len / 2) / src_len);
    return dst_pos + (int)q;
}

int image_draw(struct image *img, const SDL_Rect *src, const SDL_Rect *dst)
{
    SDL_Rect whole_src, whole_dst;

    if (!img)
        return -1;

    if (!src) {
        whole_src = (SDL_Rect){0, 0, img->w, img->h};
        src = &whole_src;
    }
    if (!dst) {
        SDL_RenderGetViewport(img->renderer, &whole_dst);
        whole_dst.x = 0;
        whole_dst.y = 0;
        dst = &whole_dst;
    }
    if (src->w <= 0 || src->h <= 0 || dst->w <= 0 || dst->h <= 0)
        return 0;

    int rc = 0;
    for (int i = 0; i < img->count; i++) {
        const struct tile *t = &img->tiles[i];
        SDL_Rect part;
        if (!SDL_IntersectRect(src, &t->area, &part))
            continue;

        int x0 = map(part.x, src->x, src->w, dst->x, dst->w);
        int x1 = map(part.x + part.w, src->x, src->w, dst->x, dst->w);
        int y0 = map(part.y, src->y, src->h, dst->y, dst->h);
        int y1 = map(part.y + part.h, src->y, src->h, dst->y, dst->h);
        if (x1 <= x0 || y1 <= y0)
            continue;

        SDL_Rect from = {part.x - t->area.x, part.y - t->area.y, part.w, part.h};
        SDL_Rect to = {x0, y0, x1 - x0, y1 - y0};
        if (SDL_RenderCopy(img->renderer, t->texture, &from, &to) < 0)
            rc = -1;
    }
    return rc;
}
