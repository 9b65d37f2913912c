/* content.h - the in-memory model of a content bundle's manifest.
 * Loaded and validated by bundle.c; read-only for everything else. */
#ifndef BANGTIN_CONTENT_H
#define BANGTIN_CONTENT_H

#include <stdbool.h>
#include <stdint.h>

/* All instants are milliseconds since the Unix epoch, UTC. */
#define TIME_NEVER_MS INT64_MAX
#define TIME_ALWAYS_MS INT64_MIN

#define SCHED_WINDOWS_MAX 8

enum item_type {
    ITEM_COUNTDOWN,
    ITEM_IMAGE,
    ITEM_NOTICE,
    ITEM_TIMELINE,
    ITEM_QR,
    ITEM_VIDEO,
    ITEM_CANDIDATES, /* the candidate list of one electoral unit */
    ITEM_PROFILES,   /* the profiles of one unit's candidates, in turn */
    ITEM_TYPE_COUNT
};

/* Campaign items are hidden during the silence period. */
enum item_class {
    CLASS_OFFICIAL,
    CLASS_CAMPAIGN,
    CLASS_LOGISTICS
};

enum image_fit {
    FIT_CONTAIN, /* the whole image, letterboxed; very long ones pan */
    FIT_COVER    /* fill the area, cropping the overflow */
};

/* A time-of-day window in the election's zone, minutes since midnight.
 * end_min <= start_min means the window crosses midnight. */
struct day_window {
    int start_min;
    int end_min;
};

struct schedule {
    int64_t valid_from_ms;  /* TIME_ALWAYS_MS when not given */
    int64_t valid_until_ms; /* TIME_NEVER_MS when not given; exclusive */
    unsigned days;          /* bit 0 Sunday ... bit 6 Saturday */
    int window_count;       /* 0: all day */
    struct day_window windows[SCHED_WINDOWS_MAX];
    int priority;           /* only the highest eligible priority plays */
};

/* A file of the bundle, named by its SHA-256. */
struct media_ref {
    char sha256[65];  /* lowercase hex */
    int64_t size;     /* bytes, as the manifest declares */
    char *mime;       /* "image/png", "video/mp4", ... */
    char *path;       /* resolved: <bundle dir>/media/<sha256> */
};

struct item {
    char *id;
    enum item_type type;
    enum item_class klass;
    int duration_ms;
    struct schedule schedule;
    char *title;          /* optional caption */

    /* ITEM_IMAGE, ITEM_VIDEO */
    struct media_ref media;
    enum image_fit fit;

    /* ITEM_NOTICE: index into content.notices */
    int notice;

    /* ITEM_CANDIDATES, ITEM_PROFILES: index into content.units */
    int unit;

    /* ITEM_VIDEO */
    bool audio;
    int volume;           /* 0..100 */
    int start_ms;
    int max_ms;           /* 0: play to the end */
    int loops;            /* plays of the clip, at least 1 */
};

struct notice {
    char *id;
    char *title;
    char *body;
    bool urgent;           /* preempts the loop when it becomes active */
    int64_t from_ms;       /* TIME_ALWAYS_MS when not given */
    int64_t until_ms;      /* TIME_NEVER_MS when not given */
    int duration_ms;       /* on screen when it preempts */
    int repeat_ms;         /* urgent: shown again this often while active */
};

struct milestone {
    int64_t at_ms;
    int64_t until_ms;      /* TIME_NEVER_MS: lasts until the next one */
    char *title;
    char *detail;          /* optional */
};

struct election {
    char *name;
    char *time_zone;       /* IANA name, default "Asia/Ho_Chi_Minh" */
    int64_t day_start_ms;  /* local midnight starting election day */
    int64_t polls_open_ms;
    int64_t polls_close_ms;
    int64_t campaign_end_ms;
};

enum gender { GENDER_MALE, GENDER_FEMALE };

struct candidate {
    char *id;
    char *family_name;
    char *middle_name;     /* may be empty */
    char *given_name;
    char *other_name;      /* may be NULL; shown in parentheses */
    enum gender gender;
    char *birth_date;      /* "YYYY-MM-DD" */
    char *hometown;
    char *residence;
    char *ethnicity;
    char *religion;
    char *education_general;
    char *education_professional;
    char *education_political;
    char *foreign_languages;
    char *occupation;
    char *workplace;
    char *party_joined;    /* "YYYY-MM-DD" or NULL when not a member */
    bool sitting_deputy;
    int unit;              /* index into content.units */
    struct media_ref photo; /* sha256[0] == 0 when there is none */
    char *biography;
};

struct unit {
    char *id;
    int number;
    char *name;
    char *areas;           /* the wards and areas it covers */
    int seats;
    int candidate_count;
    int *candidates;       /* indices into content.candidates, official order */
};

struct elected {
    char *name;
    int unit;
    double vote_pct;
};

struct results {
    bool present;
    int64_t published_ms;
    double turnout_pct;
    int64_t voters_total;
    int64_t voters_voted;
    int elected_count;
    struct elected *elected;
};

struct content {
    char *dir;             /* the bundle directory it was loaded from */
    int64_t version;
    int64_t published_ms;
    char *commission;      /* the election commission's name */
    struct election election;
    char *feedback_url;
    char *zalo_url;
    char *zalo_name;

    int item_count;
    struct item *items;
    int notice_count;
    struct notice *notices;
    int milestone_count;
    struct milestone *milestones;
    int unit_count;
    struct unit *units;
    int candidate_count;
    struct candidate *candidates;
    struct results results;
};

const char *item_type_name(enum item_type type);

#endif
