/* layout.c - where the header, body, footer and corner QR go on a canvas
 * of any size: bands scale with the short side, portrait included. */
#include "scene.h"

#include <string.h>

#define HEADER_PER_MILLE 90  /* of the short side */
#define FOOTER_PER_MILLE 80
/* The corner QR rises above the footer so that even at 720p each module
 * gets two pixels: a phone must read it from a step away. */
#define CORNER_QR_PER_MILLE 120

void layout_compute(struct layout *layout, int w, int h)
{
    memset(layout, 0, sizeof *layout);
    if (w <= 0 || h <= 0)
        return;

    int short_side = w < h ? w : h;
    layout->w = w;
    layout->h = h;
    layout->portrait = h > w;
    layout->unit_px = short_side / 1000.0f;

    int header_h = (short_side * HEADER_PER_MILLE + 500) / 1000;
    int footer_h = (short_side * FOOTER_PER_MILLE + 500) / 1000;
    layout->header = (SDL_Rect){0, 0, w, header_h};
    layout->footer = (SDL_Rect){0, h - footer_h, w, footer_h};
    layout->body = (SDL_Rect){0, header_h, w, h - header_h - footer_h};

    /* The QR sits at the bottom-right corner, on the footer's right end
     * and a little into the body; the ticker gets the rest. */
    int qr = (short_side * CORNER_QR_PER_MILLE + 500) / 1000;
    if (qr < footer_h)
        qr = footer_h;
    layout->corner_qr = (SDL_Rect){w - qr, h - qr, qr, qr};
}
