/* qr.c - QR codes as one small texture (one pixel per module, quiet zone
 * included) scaled up by a whole factor with nearest-pixel sampling. */
#include "qr.h"

#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

#define QUIET_MODULES 4

struct qr {
    SDL_Renderer *renderer;
    SDL_Texture *texture;
    int modules;                /* a side, quiet zone included */
};

/* Black modules on white, quiet zone white, in a fresh 32-bit surface. */
static SDL_Surface *paint(const QRcode *code, int modules)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, modules, modules, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        log_error("qr", "cannot create a %dx%d surface: %s", modules, modules,
                  SDL_GetError());
        return NULL;
    }

    Uint32 white = SDL_MapRGB(s->format, 255, 255, 255);
    Uint32 black = SDL_MapRGB(s->format, 0, 0, 0);
    SDL_FillRect(s, NULL, white);

    for (int y = 0; y < code->width; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels +
                                 (y + QUIET_MODULES) * s->pitch);
        for (int x = 0; x < code->width; x++) {
            /* Bit 0 of each libqrencode byte says "dark module". */
            if (code->data[y * code->width + x] & 1)
                row[x + QUIET_MODULES] = black;
        }
    }
    return s;
}

struct qr *qr_create(SDL_Renderer *renderer, const char *text)
{
    struct qr *qr = NULL;
    QRcode *code = NULL;
    SDL_Surface *surface = NULL;

    errno = 0;
    code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
    if (!code) {
        log_error("qr", "cannot encode %zu bytes as a QR code: %s",
                  text ? strlen(text) : 0, strerror(errno ? errno : EINVAL));
        goto fail;
    }

    int modules = code->width + 2 * QUIET_MODULES;
    surface = paint(code, modules);
    if (!surface)
        goto fail;

    qr = calloc(1, sizeof *qr);
    if (!qr) {
        log_error("qr", "out of memory");
        goto fail;
    }
    qr->renderer = renderer;
    qr->modules = modules;

    qr->texture = SDL_CreateTextureFromSurface(renderer, surface);
    if (!qr->texture) {
        log_error("qr", "cannot create the QR texture: %s", SDL_GetError());
        goto fail;
    }

    /* Linear filtering would blur module edges, which scanners dislike. */
    SDL_SetTextureScaleMode(qr->texture, SDL_ScaleModeNearest);
    SDL_SetTextureBlendMode(qr->texture, SDL_BLENDMODE_NONE);

    SDL_FreeSurface(surface);
    QRcode_free(code);
    return qr;

fail:
    qr_free(qr);
    SDL_FreeSurface(surface);
    QRcode_free(code);
    return NULL;
}

void qr_free(struct qr *qr)
{
    if (!qr)
        return;
    if (qr->texture)
        SDL_DestroyTexture(qr->texture);
    free(qr);
}

int qr_modules(const struct qr *qr)
{
    return qr ? qr->modules : 0;
}

int qr_draw(struct qr *qr, int x, int y, int side_px)
{
    if (!qr || side_px < qr->modules)
        return -1;

    int scale = side_px / qr->modules;
    int side = scale * qr->modules;
    int margin = (side_px - side) / 2;
    SDL_Rect dst = {x + margin, y + margin, side, side};

    if (SDL_RenderCopy(qr->renderer, qr->texture, NULL, &dst) < 0)
        return -1;
    return side;
}
