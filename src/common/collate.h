/* collate.h - Vietnamese alphabetical order for candidate names, the check
 * of a unit's official list against it, and namesake detection. */
#ifndef BANGTIN_COLLATE_H
#define BANGTIN_COLLATE_H

#include <stdbool.h>

#include "content.h"
#include "diag.h"

/* Compares two NFC UTF-8 strings in Vietnamese order: syllable by
 * syllable; inside a syllable first the letters (a ă â b c d đ e ê g h i
 * k l m n o ô ơ p q r s t u ư v x y, case ignored; f j w z sit where
 * Latin puts them), then, only when the letters are equal, the tone
 * (none, huyền, hỏi, ngã, sắc, nặng). A shorter name that is a prefix of
 * a longer one comes first. Returns <0, 0 or >0. NULL counts as "". */
int collate_compare(const char *a, const char *b);

/* Orders two candidates as the official list does: by given name, then
 * family name, then middle name, then the earlier date of birth first.
 * Returns <0, 0 or >0. */
int collate_candidates(const struct candidate *a, const struct candidate *b);

/* True when both candidates have the same family, middle and given name
 * (same letters and tones; case ignored). */
bool collate_same_name(const struct candidate *a, const struct candidate *b);

/* True when another candidate of the content has the same full name as
 * candidates[index]: the screens then show the date of birth beside it. */
bool collate_has_namesake(const struct content *c, int index);

/* Adds one DIAG_WARNING to diag (against file, field
 * "units[N].candidates") for every unit whose official order differs from
 * the alphabetical order, naming the unit and the first two candidates
 * out of order. Returns the number of warnings added. */
int collate_check_units(const struct content *c, struct diag *diag,
                        const char *file);

#endif
