/* input.c - key names for scripts and the tap/swipe recogniser. */
#include "input.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum input_key input_key_from_name(const char *name)
{
    static const struct {
        const char *name;
        enum input_key key;
    } names[] = {
        {"left", KEY_LEFT},   {"right", KEY_RIGHT},       {"up", KEY_UP},
        {"down", KEY_DOWN},   {"enter", KEY_ENTER},       {"return", KEY_ENTER},
        {"back", KEY_BACK},   {"esc", KEY_BACK},          {"escape", KEY_BACK},
        {"backspace", KEY_BACK}, {"pageup", KEY_PAGE_UP}, {"pagedown", KEY_PAGE_DOWN},
    };

    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(names[i].name, name) == 0)
            return names[i].key;
    }
    return KEY_NONE;
}

void gesture_init(struct gesture *g, int swipe_min_px)
{
    memset(g, 0, sizeof *g);
    g->swipe_min_px = swipe_min_px > 0 ? swipe_min_px : 1;
}

void gesture_down(struct gesture *g, int x, int y)
{
    g->fingers++;

    if (g->fingers > 1) {
        g->cancelled = true;
        return;
    }
    g->tracking = true;
    g->cancelled = false;
    g->x0 = g->x = x;
    g->y0 = g->y = y;
}

void gesture_move(struct gesture *g, int x, int y)
{
    if (!g->tracking || g->fingers != 1)
        return;
    g->x = x;
    g->y = y;
}

bool gesture_up(struct gesture *g, int x, int y, struct input_event *ev)
{
    if (g->fingers > 0)
        g->fingers--;

    /* The gesture ends when the last finger lifts; with more than one
     * finger involved nothing is reported. */
    if (g->fingers > 0 || !g->tracking)
        return false;

    g->tracking = false;
    if (g->cancelled) {
        g->cancelled = false;
        return false;
    }

    int dx = x - g->x0;
    int dy = y - g->y0;
    memset(ev, 0, sizeof *ev);
    ev->x = g->x0;
    ev->y = g->y0;
    if (abs(dx) < g->swipe_min_px && abs(dy) < g->swipe_min_px) {
        ev->kind = INPUT_TAP;
        return true;
    }
    ev->kind = INPUT_SWIPE;
    ev->x2 = x;
    ev->y2 = y;
    return true;
}
