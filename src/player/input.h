/* input.h - what a voter or a script does to the screen, in canvas
 * coordinates (already corrected for rotation and scaling). */
#ifndef BANGTIN_INPUT_H
#define BANGTIN_INPUT_H

#include <stdbool.h>

enum input_kind {
    INPUT_TAP,    /* x, y */
    INPUT_SWIPE,  /* x, y to x2, y2 */
    INPUT_KEY     /* key */
};

enum input_key {
    KEY_NONE,
    KEY_LEFT,
    KEY_RIGHT,
    KEY_UP,
    KEY_DOWN,
    KEY_ENTER,
    KEY_BACK,     /* Esc or Backspace */
    KEY_PAGE_UP,
    KEY_PAGE_DOWN
};

struct input_event {
    enum input_kind kind;
    int x, y;
    int x2, y2;
    enum input_key key;
};

/* Parses a key name as used in --events files ("left", "enter", "back",
 * "esc", ...). Returns KEY_NONE if unknown. */
enum input_key input_key_from_name(const char *name);

/* Turns raw touch or mouse presses into taps and swipes. Only a single
 * finger counts: a second finger (a palm, a pinch) cancels the gesture.
 * Pure logic; coordinates in canvas pixels. */
struct gesture {
    int fingers;          /* currently down */
    bool tracking;
    bool cancelled;
    int x0, y0;
    int x, y;
    int swipe_min_px;     /* shorter movements are taps */
};

void gesture_init(struct gesture *g, int swipe_min_px);

void gesture_down(struct gesture *g, int x, int y);
void gesture_move(struct gesture *g, int x, int y);

/* A finger lifted at x, y. Returns true and fills ev when it completed a
 * tap or swipe. */
bool gesture_up(struct gesture *g, int x, int y, struct input_event *ev);

#endif
