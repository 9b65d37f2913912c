/* collate.c - Vietnamese collation: each character is decomposed with
 * utf8proc into base letter, letter modifier (breve, circumflex, horn) and tone. */
#include "collate.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#define SYLLABLE_MAX 32

enum tone { TONE_NONE, TONE_HUYEN, TONE_HOI, TONE_NGA, TONE_SAC, TONE_NANG };

enum modifier { MOD_NONE, MOD_BREVE, MOD_CIRCUMFLEX, MOD_HORN };

/* One syllable: letter weights in order and its tone. */
struct syllable {
    int len;
    int weight[SYLLABLE_MAX];
    int tone;
};

/* Weights of the Vietnamese alphabet; f, j, w, z sit where Latin puts
 * them so foreign names still sort sensibly. Digits come before letters,
 * everything else after. */
static int letter_weight(utf8proc_int32_t base, int mod)
{
    static const int latin[26] = {
        100, 200, 300, 400, 500, 550, 600, 700, 800, 850, 900, 1000, 1100,
        1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2050, 2100,
        2200, 2300,
    };

    if (base == 0x0111)
        return 401;    /* đ, right after d */
    if (base >= '0' && base <= '9')
        return 10 + (int)(base - '0');
    if (base < 'a' || base > 'z')
        return 10000 + (int)base;

    int w = latin[base - 'a'];
    if (mod == MOD_BREVE && base == 'a')
        return w + 1;  /* ă */
    if (mod == MOD_CIRCUMFLEX && (base == 'a' || base == 'e' || base == 'o'))
        return w + 2;  /* â ê ô */
    if (mod == MOD_HORN && (base == 'o' || base == 'u'))
        return w + 3;  /* ơ ư */
    return w;
}

static int tone_of(utf8proc_int32_t mark)
{
    switch (mark) {
    case 0x0300: return TONE_HUYEN;
    case 0x0309: return TONE_HOI;
    case 0x0303: return TONE_NGA;
    case 0x0301: return TONE_SAC;
    case 0x0323: return TONE_NANG;
    default: return TONE_NONE;
    }
}

static int modifier_of(utf8proc_int32_t mark)
{
    switch (mark) {
    case 0x0306: return MOD_BREVE;
    case 0x0302: return MOD_CIRCUMFLEX;
    case 0x031B: return MOD_HORN;
    default: return MOD_NONE;
    }
}

static bool is_separator(utf8proc_int32_t cp)
{
    if (cp == '-' || cp == '(' || cp == ')' || cp == ',' || cp == '.' ||
        cp == '\'' || cp == '"' || cp == '/')
        return true;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_CC;
}

/* Ends the letter being built: stores its weight. */
static void end_letter(struct syllable *out, utf8proc_int32_t base, int mod)
{
    if (base >= 0 && out->len < SYLLABLE_MAX)
        out->weight[out->len++] = letter_weight(base, mod);
}

/* Reads the next syllable from *p, advancing it. Returns false at the
 * end of the string. Invalid bytes are skipped. Decomposed input works
 * too: a combining mark belongs to the letter before it. */
static bool next_syllable(const char **p, struct syllable *out)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)*p;
    utf8proc_int32_t base = -1;
    int mod = MOD_NONE;
    bool any = false;

    out->len = 0;
    out->tone = TONE_NONE;

    while (*s) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(s, -1, &cp);
        if (n <= 0) {
            s++;
            continue;
        }
        if (is_separator(cp)) {
            if (any)
                break;
            s += n;
            continue;
        }
        s += n;
        any = true;

        utf8proc_int32_t parts[8];
        int boundclass = 0;
        utf8proc_ssize_t count = utf8proc_decompose_char(
            cp, parts, 8, UTF8PROC_DECOMPOSE, &boundclass);
        if (count <= 0 || count > 8)
            continue;

        for (int i = 0; i < count; i++) {
            if (utf8proc_get_property(parts[i])->combining_class == 0 &&
                modifier_of(parts[i]) == MOD_NONE &&
                tone_of(parts[i]) == TONE_NONE) {
                end_letter(out, base, mod);
                base = utf8proc_tolower(parts[i]);
                mod = MOD_NONE;
                continue;
            }
            int t = tone_of(parts[i]);
            if (t != TONE_NONE)
                out->tone = t;
            int m = modifier_of(parts[i]);
            if (m != MOD_NONE)
                mod = m;
        }
    }
    end_letter(out, base, mod);

    *p = (const char *)s;
    return any;
}

static int compare_syllables(const struct syllable *a, const struct syllable *b)
{
    int n = a->len < b->len ? a->len : b->len;

    for (int i = 0; i < n; i++) {
        if (a->weight[i] != b->weight[i])
            return a->weight[i] < b->weight[i] ? -1 : 1;
    }
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;

    if (a->tone != b->tone)
        return a->tone < b->tone ? -1 : 1;
    return 0;
}

int collate_compare(const char *a, const char *b)
{
    const char *pa = a ? a : "";
    const char *pb = b ? b : "";

    for (;;) {
        struct syllable sa, sb;
        bool ha = next_syllable(&pa, &sa);
        bool hb = next_syllable(&pb, &sb);

        if (!ha || !hb)
            return ha == hb ? 0 : (ha ? 1 : -1);

        int r = compare_syllables(&sa, &sb);
        if (r != 0)
            return r;
    }
}

int collate_candidates(const struct candidate *a, const struct candidate *b)
{
    int r = collate_compare(a->given_name, b->given_name);
    if (r != 0)
        return r;

    r = collate_compare(a->family_name, b->family_name);
    if (r != 0)
        return r;

    r = collate_compare(a->middle_name, b->middle_name);
    if (r != 0)
        return r;

    /* "YYYY-MM-DD" sorts as text; the earlier birth comes first. */
    r = strcmp(a->birth_date ? a->birth_date : "",
               b->birth_date ? b->birth_date : "");
    return r < 0 ? -1 : (r > 0 ? 1 : 0);
}

bool collate_same_name(const struct candidate *a, const struct candidate *b)
{
    return collate_compare(a->given_name, b->given_name) == 0 &&
           collate_compare(a->family_name, b->family_name) == 0 &&
           collate_compare(a->middle_name, b->middle_name) == 0;
}

bool collate_has_namesake(const struct content *c, int index)
{
    if (!c || index < 0 || index >= c->candidate_count)
        return false;

    for (int i = 0; i < c->candidate_count; i++) {
        if (i != index && collate_same_name(&c->candidates[i],
                                            &c->candidates[index]))
            return true;
    }
    return false;
}

static void full_name(const struct candidate *c, char *buf, size_t size)
{
    const char *mid = c->middle_name ? c->middle_name : "";

    snprintf(buf, size, "%s%s%s %s", c->family_name ? c->family_name : "",
             mid[0] ? " " : "", mid, c->given_name ? c->given_name : "");
}

int collate_check_units(const struct content *c, struct diag *diag,
                        const char *file)
{
    int warnings = 0;

    for (int u = 0; c && u < c->unit_count; u++) {
        const struct unit *unit = &c->units[u];

        for (int i = 0; i + 1 < unit->candidate_count; i++) {
            const struct candidate *a = &c->candidates[unit->candidates[i]];
            const struct candidate *b = &c->candidates[unit->candidates[i + 1]];
            if (collate_candidates(a, b) <= 0)
                continue;

            char na[256], nb[256], field[48];
            full_name(a, na, sizeof na);
            full_name(b, nb, sizeof nb);
            snprintf(field, sizeof field, "units[%d].candidates", u);
            diag_add(diag, DIAG_WARNING, file, 0, field,
                     "unit \"%s\" (%s): the official order differs from the "
                     "Vietnamese alphabetical order at position %d: \"%s\" "
                     "(%s) is listed before \"%s\" (%s)",
                     unit->id, unit->name ? unit->name : "", i + 1, na,
                     a->id, nb, b->id);
            warnings++;
            break;
        }
    }
    return warnings;
}
