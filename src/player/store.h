/* store.h - the device's local store: a sqlite3 database (WAL) with the
 * imported bundles and the player's state, beside content-addressed media
 * files shared by all bundles:
 *   DATA/bangtin.db  DATA/media/<sha256>  DATA/bundles/<version>/manifest.json
 * Used from one thread at a time. */
#ifndef BANGTIN_STORE_H
#define BANGTIN_STORE_H

#include <stdint.h>

#include "content.h"
#include "diag.h"

struct store;

/* Opens (creating) the store in data_dir. Returns NULL (logged). */
struct store *store_open(const char *data_dir);
void store_close(struct store *s);

/* Validates the bundle in src_dir (hashes included) and copies it into
 * the store, then makes it the current content. Problems go to diag. An
 * invalid bundle changes nothing: the current content stays.
 * Returns 0 (imported, or the same version already current) or -1. */
int store_import(struct store *s, const char *src_dir, struct diag *diag);

/* Loads the current content, or NULL when none was imported (or the
 * stored copy became unreadable: logged, and the previous one is tried). */
struct content *store_load_current(struct store *s);

/* When the current content was imported, ms since the epoch; 0 if none. */
int64_t store_imported_ms(struct store *s);

/* Small named values of the player's state. Returns 0 or -1. */
int store_set_state(struct store *s, const char *key, const char *value);
/* Copies the value into buf; returns 0, or -1 when absent. */
int store_get_state(struct store *s, const char *key, char *buf, int size);

/* Saves a candidate's total on-screen time. Returns 0 or -1. */
int store_set_exposure(struct store *s, const char *candidate_id, int64_t ms);
/* The saved total, or 0. */
int64_t store_exposure_ms(struct store *s, const char *candidate_id);
/* Calls fn for every saved total. Returns 0 or -1. */
int store_each_exposure(struct store *s,
                        void (*fn)(void *arg, const char *candidate_id, int64_t ms),
                        void *arg);

#endif
