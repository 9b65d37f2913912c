/* assets.c - a small table of loaded pictures and QR codes, each marked
 * when used so a sweep on item change frees what the screen dropped.
 *
 * DESIGN: main thread only; the table owns every image and qr it hands
 * out, and a pointer stays valid until the sweep that finds it unused or
 * assets_destroy. A failed load is kept as an entry without an object
 * and is not retried for ASSETS_RETRY_MS, so a broken file costs one log
 * line a minute instead of a decode attempt per frame. */
#include "assets.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "log.h"
#include "qr.h"

#define ASSETS_RETRY_MS 60000

enum asset_kind { ASSET_IMAGE, ASSET_QR };

struct asset {
    enum asset_kind kind;
    char *key;                  /* path or QR text */
    struct image *image;
    struct qr *qr;
    bool used;                  /* since the last sweep */
    bool failed;
    Uint64 failed_at_ms;
};

struct assets {
    SDL_Renderer *renderer;
    int max_texture_px;
    struct asset *items;
    int count;
    int capacity;
};

struct assets *assets_create(SDL_Renderer *renderer, int max_texture_px)
{
    struct assets *a = calloc(1, sizeof *a);

    if (!a) {
        log_error("assets", "out of memory");
        return NULL;
    }
    a->renderer = renderer;
    a->max_texture_px = max_texture_px;
    return a;
}

static void release(struct asset *item)
{
    image_free(item->image);
    qr_free(item->qr);
    free(item->key);
}

void assets_destroy(struct assets *a)
{
    if (!a)
        return;
    for (int i = 0; i < a->count; i++)
        release(&a->items[i]);
    free(a->items);
    free(a);
}

static struct asset *find(struct assets *a, enum asset_kind kind, const char *key)
{
    for (int i = 0; i < a->count; i++) {
        if (a->items[i].kind == kind && strcmp(a->items[i].key, key) == 0)
            return &a->items[i];
    }
    return NULL;
}

static struct asset *add(struct assets *a, enum asset_kind kind, const char *key)
{
    if (a->count == a->capacity) {
        int capacity = a->capacity ? a->capacity * 2 : 16;
        struct asset *grown = realloc(a->items, capacity * sizeof *grown);
        if (!grown)
            return NULL;
        a->items = grown;
        a->capacity = capacity;
    }

    char *copy = strdup(key);
    if (!copy)
        return NULL;

    struct asset *item = &a->items[a->count++];
    memset(item, 0, sizeof *item);
    item->kind = kind;
    item->key = copy;
    return item;
}

/* The entry for key, loading it when new or when an earlier failure has
 * aged past the retry interval. NULL only when out of memory. */
static struct asset *get(struct assets *a, enum asset_kind kind, const char *key)
{
    struct asset *item = find(a, kind, key);

    if (!item) {
        item = add(a, kind, key);
        if (!item) {
            log_error("assets", "out of memory");
            return NULL;
        }
    } else if (!item->failed ||
               SDL_GetTicks64() - item->failed_at_ms < ASSETS_RETRY_MS) {
        item->used = true;
        return item;
    }

    if (kind == ASSET_IMAGE)
        item->image = image_load(a->renderer, key, a->max_texture_px);
    else
        item->qr = qr_create(a->renderer, key);

    item->failed = !item->image && !item->qr;
    item->failed_at_ms = item->failed ? SDL_GetTicks64() : 0;
    item->used = true;
    return item;
}

struct image *assets_image(struct assets *a, const char *path)
{
    if (!a || !path)
        return NULL;

    struct asset *item = get(a, ASSET_IMAGE, path);
    return item ? item->image : NULL;
}

struct qr *assets_qr(struct assets *a, const char *text)
{
    if (!a || !text)
        return NULL;

    struct asset *item = get(a, ASSET_QR, text);
    return item ? item->qr : NULL;
}

void assets_sweep(struct assets *a)
{
    if (!a)
        return;

    Uint64 now = SDL_GetTicks64();
    int kept = 0;
    for (int i = 0; i < a->count; i++) {
        struct asset *item = &a->items[i];

        /* A failure is remembered for its full interval even when unused,
         * or every item change would retry the broken file. */
        bool keep = item->used ||
                    (item->failed && now - item->failed_at_ms < ASSETS_RETRY_MS);
        if (!keep) {
            release(item);
            continue;
        }
        item->used = false;
        a->items[kept++] = *item;
    }
    a->count = kept;
}
