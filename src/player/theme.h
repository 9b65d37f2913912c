/* theme.h - the board's colours and sizes: high contrast, large type,
 * readable from two metres by elderly voters. Header only. */
#ifndef BANGTIN_THEME_H
#define BANGTIN_THEME_H

#include <SDL.h>

#include "scene.h"

/* Colours, as compound literals so nothing needs a definition. */
#define THEME_RED ((SDL_Color){0xB7, 0x1C, 0x1C, 0xFF})       /* header */
#define THEME_RED_DARK ((SDL_Color){0x8E, 0x12, 0x12, 0xFF})
#define THEME_WHITE ((SDL_Color){0xFF, 0xFF, 0xFF, 0xFF})
#define THEME_PAPER ((SDL_Color){0xFA, 0xF7, 0xF0, 0xFF})     /* body */
#define THEME_CARD ((SDL_Color){0xFF, 0xFF, 0xFF, 0xFF})
#define THEME_INK ((SDL_Color){0x1A, 0x1A, 0x1A, 0xFF})       /* body text */
#define THEME_GOLD ((SDL_Color){0xF2, 0xC2, 0x30, 0xFF})      /* accent */
#define THEME_GOLD_PALE ((SDL_Color){0xFC, 0xEE, 0xC4, 0xFF})
#define THEME_MUTED ((SDL_Color){0x8A, 0x8A, 0x8A, 0xFF})     /* past items */
#define THEME_RULE ((SDL_Color){0xD9, 0xD3, 0xC7, 0xFF})      /* thin lines */
#define THEME_FOOTER ((SDL_Color){0x1A, 0x1A, 0x1A, 0xFF})
#define THEME_FOOTER_TEXT ((SDL_Color){0xB8, 0xB8, 0xB8, 0xFF})

/* Type sizes in layout units (thousandths of the short side). Body text
 * is 46 units: 50 px at 1080p, 33 px at 720p. */
#define THEME_TEXT_HUGE 190
#define THEME_TEXT_BIG 96
#define THEME_TEXT_TITLE 64
#define THEME_TEXT_BODY 46
#define THEME_TEXT_SMALL 34
#define THEME_TEXT_MIN 26   /* fitting never goes below this */
#define THEME_TEXT_FINE 18  /* the discreet content version line */

/* Margins in layout units. */
#define THEME_MARGIN 40
#define THEME_GAP 20

/* Layout units to whole pixels, at least 1. */
static inline int theme_px(const struct layout *l, int units)
{
    int px = (int)(units * l->unit_px + 0.5f);

    return px > 0 ? px : 1;
}

/* Sets the colour for fills and lines. An opaque colour is drawn without
 * blending: on a software renderer blending costs a multiply per pixel
 * even at full alpha. */
static inline void theme_draw_color(SDL_Renderer *r, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(r, c.a == 0xff ? SDL_BLENDMODE_NONE
                                              : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

static inline void theme_fill(SDL_Renderer *r, const SDL_Rect *rect, SDL_Color c)
{
    theme_draw_color(r, c);
    SDL_RenderFillRect(r, rect);
}

/* The rect shrunk by m pixels on every side (never negative). */
static inline SDL_Rect theme_inset(SDL_Rect rect, int m)
{
    SDL_Rect out = {rect.x + m, rect.y + m, rect.w - 2 * m, rect.h - 2 * m};

    if (out.w < 0)
        out.w = 0;
    if (out.h < 0)
        out.h = 0;
    return out;
}

#endif
