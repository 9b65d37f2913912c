/* candview.h - how a candidate looks on screen, shared by the loop scenes
 * (candidates, profiles) and touch browsing: names, photo, card, profile. */
#ifndef BANGTIN_CANDVIEW_H
#define BANGTIN_CANDVIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "content.h"
#include "scene.h"

#define CANDVIEW_NAME_MAX 256

/* Width : height of a list card, photo on top and four lines under it. */
#define CANDVIEW_CARD_ASPECT 0.9f

/* "Nguyễn Văn An" (no double space when the middle name is empty). */
void candview_full_name(const struct candidate *c, char *buf, int size);

/* "Ông Nguyễn Văn An (Ba An)": Ông or Bà by gender, the other name in
 * parentheses when there is one. */
void candview_display_name(const struct candidate *c, char *buf, int size);

/* Year of birth from birth_date, or 0 when it is malformed. */
int candview_birth_year(const struct candidate *c);

/* Date of birth as "12/03/1970" (the manifest's text when malformed). */
void candview_birth_date(const struct candidate *c, char *buf, int size);

/* Draws the photo cropped to fill r, or a neutral drawn silhouette when
 * the candidate has none or it cannot be loaded. */
void candview_photo(const struct scene_env *env, const struct candidate *c,
                    SDL_Rect r);

/* Draws the list card of content->candidates[index] in r: photo, the
 * number in the official list, the name (with the date of birth when a
 * namesake exists), birth year and occupation. scale > 1 enlarges the
 * type (large-text mode); highlight draws the gold frame. */
void candview_card(const struct scene_env *env, int index, int number,
                   SDL_Rect r, float scale, bool highlight);

/* Draws the profile page of content->candidates[index] in r. In the loop
 * (scroll_px < 0) the biography shrinks to fit what is left of r. When
 * browsing the whole page is drawn shifted up by scroll_px, clipped to r,
 * with a scroll bar (r is repainted in THEME_PAPER when scroll_px was
 * past the end). Returns how far the page can scroll (0 when it fits). */
int candview_profile(const struct scene_env *env, int index, SDL_Rect r,
                     float scale, int scroll_px);

/* Lays out n cells of the given width:height aspect as large as they fit
 * in area with gap pixels between them, the grid centred. Fills cells[0..n)
 * and returns the number of columns (0 when n <= 0). */
int candview_grid(int n, SDL_Rect area, int gap, float aspect, SDL_Rect *cells);

/* Lays out n list cards in area: tall cards (photo on top) or wide ones
 * (photo at the left), whichever gives larger photos with the text at
 * scale. Returns the columns. */
int candview_card_grid(const struct scene_env *env, int n, SDL_Rect area,
                       int gap, float scale, SDL_Rect *cells);

#endif
