/* qr.h - QR codes (libqrencode) drawn crisp: whole pixels per module,
 * black on white, with the 4-module quiet zone. Main thread only. */
#ifndef BANGTIN_QR_H
#define BANGTIN_QR_H

#include <SDL.h>

struct qr;

/* Encodes text (UTF-8, byte mode, error correction level M).
 * Returns NULL (logged) if it does not fit a QR code. */
struct qr *qr_create(SDL_Renderer *renderer, const char *text);
void qr_free(struct qr *qr);

/* Modules a side, including the quiet zone. */
int qr_modules(const struct qr *qr);

/* Draws the code as large as fits in a square of side px at x, y, with
 * an integer number of pixels per module, centred. Returns the side
 * actually used, or -1. */
int qr_draw(struct qr *qr, int x, int y, int side_px);

#endif
