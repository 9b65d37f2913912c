/* text.h - Vietnamese text on screen: SDL2_ttf fonts, NFC input, word
 * wrapping, fitting into boxes, and a cache of rendered textures so a
 * steady frame rasterises no glyphs. Main thread only. */
#ifndef BANGTIN_TEXT_H
#define BANGTIN_TEXT_H

#include <SDL.h>
#include <stdbool.h>

enum font_weight { FONT_REGULAR, FONT_BOLD };
enum text_align { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

struct text_style {
    int size_px;            /* font pixel size (point size at 72 dpi) */
    enum font_weight weight;
    SDL_Color color;
    enum text_align align;
};

struct text_stats {
    long cache_hits;
    long cache_misses;      /* each miss rasterised glyphs */
    int cached_textures;
};

struct text;

/* Opens the two font files. Returns NULL (logged) if either fails. */
struct text *text_create(SDL_Renderer *renderer, const char *regular_path,
                         const char *bold_path);
void text_destroy(struct text *t);

/* Size of one line in pixels. Returns 0 or -1. */
int text_measure(struct text *t, const char *utf8, int size_px,
                 enum font_weight weight, int *w, int *h);

/* Line height (skip) for a size, in pixels. */
int text_line_height(struct text *t, int size_px, enum font_weight weight);

/* Draws one line; x is the left, centre or right edge per style->align,
 * y the top. Returns the drawn width, or -1. */
int text_draw(struct text *t, const char *utf8, const struct text_style *style,
              int x, int y);

/* Draws utf8 wrapped at word boundaries inside box, largest size from
 * style->size_px down to min_px that fits; at min_px what does not fit
 * is cut and ends with an ellipsis. Explicit '\n' starts a new line.
 * Never draws outside box. Returns the height used; *used_px (may be
 * NULL) receives the size chosen. */
int text_draw_box(struct text *t, const char *utf8, const struct text_style *style,
                  int min_px, SDL_Rect box, int *used_px);

/* Same fitting as text_draw_box without drawing: the size chosen and the
 * height used. Returns 0, or -1 if even min_px had to be cut. */
int text_fit(struct text *t, const char *utf8, const struct text_style *style,
             int min_px, int box_w, int box_h, int *used_px, int *used_h);

void text_get_stats(const struct text *t, struct text_stats *out);

/* Drops every cached texture (after the renderer lost them, or on
 * content change). */
void text_flush(struct text *t);

#endif
