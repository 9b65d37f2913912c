/* config.h - the player's settings: defaults, config/bangtin.conf
 * (key = value lines) and command-line overrides, in that order. */
#ifndef BANGTIN_CONFIG_H
#define BANGTIN_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

#define CONFIG_PATH_MAX 512
#define CONFIG_TEXT_MAX 256

struct config {
    char data_dir[CONFIG_PATH_MAX];     /* sqlite store and cached media */
    char commission[CONFIG_TEXT_MAX];   /* shown before any content */
    char font_regular[CONFIG_PATH_MAX];
    char font_bold[CONFIG_PATH_MAX];
    int width;                          /* 0: the display's own size */
    int height;
    bool fullscreen;
    char renderer[16];                  /* auto, software or gpu */
    int rotation;                       /* 0, 90, 180, 270 */
    int max_texture_px;                 /* 0: ask the renderer */
    int fade_ms;
    int idle_timeout_s;
    int default_duration_s;
    char exit_keys[CONFIG_TEXT_MAX];    /* staff key sequence that quits */
    char log_level[16];
    bool large_text;
    int volume;                         /* 0..100, all video */
    char quiet_hours[32];               /* "22:00-06:00": no sound; "" none */
    char portal_url[CONFIG_TEXT_MAX];
    int sync_interval_s;
    char screen_id[64];
};

/* Fills the built-in defaults. */
void config_defaults(struct config *cfg);

/* Sets one key from text. Returns 0, or -1 with a reason in err. */
int config_set(struct config *cfg, const char *key, const char *value,
               char *err, int err_size);

/* Reads a key = value file over cfg. Problems go to diag with the file,
 * line and key. Returns 0 when there were no errors, -1 otherwise
 * (including when the file cannot be read). */
int config_load(struct config *cfg, const char *path, struct diag *diag);

/* Writes every key with its default and its meaning (for --help). */
void config_print_keys(FILE *out);

#endif
