/* bangtin-mkdemo.c - makes the demo content's pictures with SDL, the same
 * bytes on every run: bangtin-mkdemo media/demo OUT_DIR. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <spawn.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include "log.h"

#define MANIFEST_IN "manifest.in.json"
#define MANIFEST_MAX_BYTES (4 * 1024 * 1024)
#define FONTS_MAX 24
#define PATH_MAX_LEN 1024

/* Colours of the board (see src/player/theme.h). */
#define RED 0xB71C1C
#define RED_DARK 0x8E1212
#define PAPER 0xFAF7F0
#define INK 0x1A1A1A
#define GOLD 0xF2C230
#define GOLD_PALE 0xFCEEC4
#define WHITE 0xFFFFFF
#define GREY 0x5A5A5A

enum weight { REGULAR, BOLD };

struct font_slot {
    enum weight weight;
    int px;
    TTF_Font *font;
};

/* What every picture is drawn with: the fonts at the sizes used. */
struct maker {
    char font_path[2][PATH_MAX_LEN];
    int font_count;
    struct font_slot fonts[FONTS_MAX];
    const char *out_dir;
};

static TTF_Font *font(struct maker *m, enum weight weight, int px)
{
    for (int i = 0; i < m->font_count; i++) {
        if (m->fonts[i].weight == weight && m->fonts[i].px == px)
            return m->fonts[i].font;
    }
    if (m->font_count >= FONTS_MAX) {
        log_error("mkdemo", "too many font sizes");
        return NULL;
    }

    TTF_Font *f = TTF_OpenFont(m->font_path[weight], px);
    if (!f) {
        log_error("mkdemo", "cannot open %s: %s", m->font_path[weight], TTF_GetError());
        return NULL;
    }
    m->fonts[m->font_count++] = (struct font_slot){weight, px, f};
    return f;
}

static SDL_Color colour(Uint32 rgb)
{
    SDL_Color c = {(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 0xFF};

    return c;
}

static void fill(SDL_Surface *s, int x, int y, int w, int h, Uint32 rgb)
{
    SDL_Rect r = {x, y, w, h};
    SDL_Color c = colour(rgb);

    SDL_FillRect(s, &r, SDL_MapRGB(s->format, c.r, c.g, c.b));
}

static void fill_circle(SDL_Surface *s, int cx, int cy, int radius, Uint32 rgb)
{
    for (int dy = -radius; dy <= radius; dy++) {
        int dx = 0;
        while ((dx + 1) * (dx + 1) + dy * dy <= radius * radius)
            dx++;
        fill(s, cx - dx, cy + dy, 2 * dx + 1, 1, rgb);
    }
}

enum align { LEFT, CENTER };

/* Draws utf8 wrapped at wrap_w (0: one line) with x the left edge or the
 * centre. Returns the height drawn, or -1. */
static int text(struct maker *m, SDL_Surface *dst, const char *utf8, enum weight weight,
                int px, Uint32 rgb, int x, int y, int wrap_w, enum align align)
{
    TTF_Font *f = font(m, weight, px);
    SDL_Surface *line = NULL;

    if (!f)
        return -1;
    TTF_SetFontWrappedAlign(f, align == CENTER ? TTF_WRAPPED_ALIGN_CENTER
                                               : TTF_WRAPPED_ALIGN_LEFT);
    if (wrap_w > 0)
        line = TTF_RenderUTF8_Blended_Wrapped(f, utf8, colour(rgb), (Uint32)wrap_w);
    else
        line = TTF_RenderUTF8_Blended(f, utf8, colour(rgb));
    if (!line) {
        log_error("mkdemo", "cannot render \"%s\": %s", utf8, TTF_GetError());
        return -1;
    }

    SDL_Rect at = {align == CENTER ? x - line->w / 2 : x, y, line->w, line->h};
    SDL_SetSurfaceBlendMode(line, SDL_BLENDMODE_BLEND);
    SDL_BlitSurface(line, NULL, dst, &at);
    int h = line->h;
    SDL_FreeSurface(line);
    return h;
}

static SDL_Surface *canvas(int w, int h, Uint32 rgb)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);

    if (!s) {
        log_error("mkdemo", "cannot create a %dx%d picture: %s", w, h, SDL_GetError());
        return NULL;
    }
    fill(s, 0, 0, w, h, rgb);
    return s;
}

static int save(struct maker *m, SDL_Surface *s, const char *name)
{
    char path[PATH_MAX_LEN];

    snprintf(path, sizeof path, "%s/%s", m->out_dir, name);
    if (IMG_SavePNG(s, path) != 0) {
        log_error("mkdemo", "cannot write %s: %s", path, IMG_GetError());
        return -1;
    }
    log_info("mkdemo", "wrote %s (%dx%d)", path, s->w, s->h);
    return 0;
}

/* A title band in the board's red with a gold rule under it. Returns
 * the height used. */
static int title_band(struct maker *m, SDL_Surface *s, const char *title,
                      const char *subtitle, int px)
{
    TTF_Font *big = font(m, BOLD, px);
    TTF_Font *small = font(m, REGULAR, px / 2);
    int pad = px / 2;

    if (!big || !small)
        return 0;

    int h = pad + TTF_FontLineSkip(big) + (subtitle ? TTF_FontLineSkip(small) : 0) + pad;
    fill(s, 0, 0, s->w, h, RED);
    text(m, s, title, BOLD, px, WHITE, s->w / 2, pad, s->w - 2 * pad, CENTER);
    if (subtitle)
        text(m, s, subtitle, REGULAR, px / 2, GOLD_PALE, s->w / 2,
             pad + TTF_FontLineSkip(big), s->w - 2 * pad, CENTER);
    fill(s, 0, h, s->w, px / 6, GOLD);
    return h + px / 6;
}

/* 1920x1080: the five steps of voting, as numbered cards. */
static int make_steps(struct maker *m)
{
    static const char *const steps[5][2] = {
        {"Đến khu vực bỏ phiếu",
         "Mang thẻ cử tri đến khu vực bỏ phiếu ghi trên thẻ, từ 07:00 đến 19:00."},
        {"Nhận phiếu bầu",
         "Xuất trình thẻ cử tri cho Tổ bầu cử để nhận phiếu bầu có đóng dấu."},
        {"Viết phiếu kín",
         "Vào buồng viết phiếu. Gạch ngang cả họ và tên người mình không bầu."},
        {"Bỏ phiếu vào hòm",
         "Tự tay gấp phiếu và bỏ vào hòm phiếu. Không nhờ người khác bỏ thay."},
        {"Nhận lại thẻ cử tri",
         "Thẻ được đóng dấu “Đã bỏ phiếu”. Cảm ơn cử tri!"},
    };
    SDL_Surface *s = canvas(1920, 1080, PAPER);
    int rc = -1;

    if (!s)
        return -1;

    int top = title_band(m, s, "Các bước bỏ phiếu",
                         "Mỗi cử tri tự mình đi bầu, bỏ phiếu kín", 84);

    /* Five cards in a row, a gold numbered disc on each. */
    int gap = 28;
    int card_w = (1920 - 2 * 60 - 4 * gap) / 5;
    int card_y = top + 50;
    int card_h = 1080 - card_y - 100;
    for (int i = 0; i < 5; i++) {
        int x = 60 + i * (card_w + gap);
        char number[4];
        fill(s, x, card_y, card_w, card_h, WHITE);
        fill(s, x, card_y, card_w, 12, RED);
        fill_circle(s, x + card_w / 2, card_y + 120, 78, GOLD);
        snprintf(number, sizeof number, "%d", i + 1);
        text(m, s, number, BOLD, 110, RED_DARK, x + card_w / 2, card_y + 40, 0, CENTER);
        int th = text(m, s, steps[i][0], BOLD, 46, INK, x + card_w / 2, card_y + 230,
                      card_w - 40, CENTER);
        text(m, s, steps[i][1], REGULAR, 36, GREY, x + card_w / 2,
             card_y + 250 + (th > 0 ? th : 60), card_w - 44, CENTER);
        if (i < 4)
            fill(s, x + card_w, card_y + 116, gap, 8, GOLD);
    }
    text(m, s, "Cần hỗ trợ? Hỏi thành viên Tổ bầu cử tại khu vực bỏ phiếu.", REGULAR, 36,
         INK, 960, 1080 - 78, 0, CENTER);

    rc = save(m, s, "infographic-steps.png");
    SDL_FreeSurface(s);
    return rc;
}

/* 1080x4000: voters' rights and duties, long enough that it must pan. */
static int make_rights(struct maker *m)
{
    static const char *const sections[][2] = {
        {"Quyền bầu cử",
         "Công dân Việt Nam đủ 18 tuổi trở lên tính đến ngày bầu cử có quyền bầu cử, "
         "không phân biệt dân tộc, giới tính, thành phần xã hội, tín ngưỡng, tôn giáo, "
         "trình độ học vấn, nghề nghiệp, thời hạn cư trú."},
        {"Bốn nguyên tắc bầu cử",
         "Việc bầu cử được tiến hành theo nguyên tắc phổ thông, bình đẳng, trực tiếp và "
         "bỏ phiếu kín."},
        {"Kiểm tra danh sách cử tri",
         "Cử tri có quyền xem danh sách cử tri được niêm yết. Nếu thấy sai sót hoặc chưa "
         "có tên, cử tri khiếu nại với Ủy ban nhân dân phường trong thời hạn niêm yết."},
        {"Mỗi cử tri một phiếu",
         "Mỗi cử tri có quyền bỏ một phiếu bầu cho mỗi cấp. Cử tri phải tự mình đi bầu, "
         "không được nhờ người khác bầu thay, không được bầu bằng cách gửi thư."},
        {"Nếu không tự viết được phiếu",
         "Cử tri không tự viết được phiếu bầu thì nhờ người khác viết hộ, nhưng phải tự "
         "mình bỏ phiếu vào hòm phiếu. Người viết hộ phải giữ bí mật phiếu bầu."},
        {"Nếu ốm đau, già yếu",
         "Cử tri ốm đau, già yếu, khuyết tật không thể đến phòng bỏ phiếu thì Tổ bầu cử "
         "mang hòm phiếu phụ và phiếu bầu đến chỗ ở, nơi điều trị để cử tri nhận phiếu "
         "và thực hiện việc bầu cử."},
        {"Viết hỏng phiếu",
         "Nếu viết hỏng, cử tri có quyền đổi phiếu bầu khác với Tổ bầu cử."},
        {"Giữ trật tự",
         "Mọi người phải tuân theo nội quy phòng bỏ phiếu. Không ai được xem cử tri viết "
         "phiếu, kể cả thành viên Tổ bầu cử."},
        {"Nghĩa vụ của cử tri",
         "Tham gia bầu cử là quyền và nghĩa vụ của công dân: tìm hiểu người ứng cử, đi bầu "
         "đúng giờ, đúng nơi, và góp phần bầu ra người đại biểu xứng đáng."},
    };
    int count = (int)(sizeof sections / sizeof sections[0]);
    SDL_Surface *s = canvas(1080, 4000, PAPER);
    int rc = -1;

    if (!s)
        return -1;

    int y = title_band(m, s, "Quyền và nghĩa vụ của cử tri",
                       "Những điều cử tri cần biết trước ngày bầu cử", 64) + 50;
    for (int i = 0; i < count && y < 4000 - 200; i++) {
        char number[4];
        snprintf(number, sizeof number, "%d", i + 1);
        fill_circle(s, 90, y + 40, 40, RED);
        text(m, s, number, BOLD, 50, WHITE, 90, y + 6, 0, CENTER);
        int th = text(m, s, sections[i][0], BOLD, 52, RED_DARK, 160, y, 860, LEFT);
        y += (th > 0 ? th : 70) + 14;
        int bh = text(m, s, sections[i][1], REGULAR, 43, INK, 160, y, 860, LEFT);
        y += (bh > 0 ? bh : 60) + 40;
        fill(s, 160, y, 860, 4, GOLD);
        y += 50;
    }
    fill(s, 0, 4000 - 140, 1080, 140, RED);
    text(m, s, "Theo Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
         REGULAR, 34, WHITE, 540, 4000 - 100, 1000, CENTER);

    rc = save(m, s, "infographic-rights.png");
    SDL_FreeSurface(s);
    return rc;
}

/* 300x400 each: portrait-01.png .. portrait-32.png, the demo candidates'
 * photos. Drawn shapes only (no real person's face): a background, the
 * clothes, hair and a plain face, varied by number and gender. */
static int make_portraits(struct maker *m)
{
    /* Genders of uv01..uv32 in media/demo/manifest.in.json. */
    static const char genders[] = "FMFMMFMFMMFMFMFMFMFMFMFMFMFMFMFM";
    static const Uint32 backs[] = {0xDCE6F0, 0xE8E0D0, 0xD8E8DC, 0xF0E0E0,
                                   0xE4E4EC, 0xF2EAD6};
    static const Uint32 clothes[] = {0x1F3A5F, 0xFFFFFF, 0x2E4A2E, 0x5A1E2E,
                                     0x3A3A3A, 0x2B5D8A, 0x7A4A8A, 0xB03030};
    static const Uint32 skins[] = {0xF1C9A5, 0xE0AC82, 0xC68B63, 0xF6D7BC,
                                   0xD9A27A};
    static const Uint32 hairs[] = {0x1A1410, 0x2B1E16, 0x3A2A20, 0x555555,
                                   0x8A8A8A};
    int count = (int)(sizeof genders - 1);

    for (int i = 0; i < count; i++) {
        int female = genders[i] == 'F';
        Uint32 skin = skins[(i * 3) % 5];
        Uint32 hair = hairs[(i * 7) % 5];
        SDL_Surface *s = canvas(300, 400, backs[i % 6]);
        if (!s)
            return -1;

        /* Ellipses back to front: long hair, neck, body, hair, face. */
        struct { int cx, cy, rx, ry; Uint32 rgb; int on; } shapes[] = {
            {150, 250, 92, 130, hair, female && i % 3 != 0},
            {150, 290, 28, 50, skin, 1},
            {150, 450, 150, 140, clothes[(i * 5) % 8], 1},
            {150, 165, 76, 72, hair, 1},
            {150, 100, 30, 30, hair, female && i % 3 == 0},
            {150, 215, 64, 78, skin, 1},
            {124, 210, 7, 6, 0x2A2020, 1},
            {176, 210, 7, 6, 0x2A2020, 1},
            {150, 256, 18, 4, 0xA05050, 1},
        };
        for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
            if (!shapes[k].on)
                continue;
            int rx = shapes[k].rx, ry = shapes[k].ry;
            for (int dy = -ry; dy <= ry; dy++) {
                double f = 1.0 - (double)dy * dy / ((double)ry * ry);
                int dx = 0;
                while ((double)(dx + 1) * (dx + 1) <= f * rx * rx)
                    dx++;
                fill(s, shapes[k].cx - dx, shapes[k].cy + dy, 2 * dx + 1, 1,
                     shapes[k].rgb);
            }
        }
        char name[32];
        snprintf(name, sizeof name, "portrait-%02d.png", i + 1);
        int rc = save(m, s, name);
        SDL_FreeSurface(s);
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* Two short videos made by ffmpeg from the pictures above, so the demo
 * plays video too: a slow zoom over the steps with a soft two-note tone
 * (1280x720, sound), and the rights pictures scrolling in portrait
 * (720x1280, silent). Single-threaded and bit-exact: the same bytes on
 * every run. */
static int make_videos(struct maker *m)
{
    extern char **environ;
    char steps_in[PATH_MAX_LEN], steps_out[PATH_MAX_LEN];
    char rights_in[PATH_MAX_LEN], rights_out[PATH_MAX_LEN];

    snprintf(steps_in, sizeof steps_in, "%s/infographic-steps.png", m->out_dir);
    snprintf(steps_out, sizeof steps_out, "%s/video-steps.mp4", m->out_dir);
    snprintf(rights_in, sizeof rights_in, "%s/infographic-rights.png", m->out_dir);
    snprintf(rights_out, sizeof rights_out, "%s/video-rights-portrait.mp4", m->out_dir);

    char *const steps[] = {
        "ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", steps_in,
        "-f", "lavfi", "-i", "sine=f=392:r=48000:d=8",
        "-f", "lavfi", "-i", "sine=f=523.25:r=48000:d=8",
        "-filter_complex",
        "[0:v]loop=loop=199:size=1,setpts=N/25/TB,scale=1280:720,"
        "zoompan=z='1.0+on*0.0008':d=1:x='iw/2-(iw/zoom/2)':"
        "y='ih/2-(ih/zoom/2)':s=1280x720:fps=25,format=yuv420p[v];"
        "[1:a][2:a]amix=inputs=2,volume=0.25,afade=t=in:d=1,"
        "afade=t=out:st=7:d=1[a]",
        "-map", "[v]", "-map", "[a]",
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-threads", "1",
        "-c:a", "aac", "-b:a", "64k",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        "-map_metadata", "-1", "-movflags", "+faststart", steps_out, NULL,
    };
    char *const rights[] = {
        "ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", rights_in,
        "-vf",
        "loop=loop=199:size=1,setpts=N/25/TB,"
        "crop=1080:1920:0:'min(ih-1920,t*(ih-1920)/7)',scale=720:1280,"
        "format=yuv420p",
        "-r", "25", "-c:v", "libx264", "-preset", "veryfast", "-crf", "26",
        "-threads", "1", "-fflags", "+bitexact", "-flags:v", "+bitexact",
        "-map_metadata", "-1", "-movflags", "+faststart", rights_out, NULL,
    };
    char *const *const jobs[] = {steps, rights};
    const char *const outs[] = {steps_out, rights_out};

    for (int i = 0; i < 2; i++) {
        pid_t pid;
        int status = 0;
        int err = posix_spawnp(&pid, "ffmpeg", NULL, NULL, jobs[i], environ);
        if (err != 0) {
            log_error("mkdemo", "cannot run ffmpeg: %s", strerror(err));
            return -1;
        }
        if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
            WEXITSTATUS(status) != 0) {
            log_error("mkdemo", "ffmpeg failed making %s", outs[i]);
            return -1;
        }
        log_info("mkdemo", "wrote %s", outs[i]);
    }
    return 0;
}

/* Makes dir and its parents, like mkdir -p. */
static int make_dirs(const char *dir)
{
    char path[PATH_MAX_LEN];

    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST)
            goto fail;
        *p = '/';
    }
    if (mkdir(path, 0755) != 0 && errno != EEXIST)
        goto fail;
    return 0;

fail:
    log_error("mkdemo", "cannot create %s: %s", path, strerror(errno));
    return -1;
}

static int copy_manifest(const char *src_dir, const char *out_dir)
{
    char in_path[PATH_MAX_LEN];
    char out_path[PATH_MAX_LEN];
    char *buf = NULL;
    FILE *in = NULL;
    FILE *out = NULL;
    int rc = -1;

    snprintf(in_path, sizeof in_path, "%s/%s", src_dir, MANIFEST_IN);
    snprintf(out_path, sizeof out_path, "%s/%s", out_dir, MANIFEST_IN);

    in = fopen(in_path, "rb");
    if (!in) {
        log_error("mkdemo", "cannot read %s: %s", in_path, strerror(errno));
        goto fail;
    }
    buf = malloc(MANIFEST_MAX_BYTES);
    if (!buf)
        goto fail;
    size_t n = fread(buf, 1, MANIFEST_MAX_BYTES, in);
    if (n == MANIFEST_MAX_BYTES) {
        log_error("mkdemo", "%s is larger than %d bytes", in_path, MANIFEST_MAX_BYTES);
        goto fail;
    }

    out = fopen(out_path, "wb");
    if (!out) {
        log_error("mkdemo", "cannot write %s: %s", out_path, strerror(errno));
        goto fail;
    }
    if (fwrite(buf, 1, n, out) != n) {
        log_error("mkdemo", "cannot write %s: %s", out_path, strerror(errno));
        goto fail;
    }
    rc = 0;

fail:
    if (out && fclose(out) != 0 && rc == 0) {
        log_error("mkdemo", "cannot write %s: %s", out_path, strerror(errno));
        rc = -1;
    }
    if (in)
        fclose(in);
    free(buf);
    return rc;
}

/* Fonts next to the source tree (media/demo/../../fonts), else ./fonts. */
static void find_fonts(struct maker *m, const char *src_dir)
{
    static const char *const names[2] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"};
    struct stat sb;

    for (int i = 0; i < 2; i++) {
        snprintf(m->font_path[i], sizeof m->font_path[i], "%s/../../fonts/%s", src_dir,
                 names[i]);
        if (stat(m->font_path[i], &sb) != 0)
            snprintf(m->font_path[i], sizeof m->font_path[i], "fonts/%s", names[i]);
    }
}

int main(int argc, char **argv)
{
    /* Each picture of the demo is made by one function; add yours here. */
    static int (*const makers[])(struct maker *) = {
        make_steps,
        make_rights,
        make_portraits,
        make_videos,
    };
    struct maker m = {0};
    int rc = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: %s SOURCE_DIR OUT_DIR\n"
                "  copies SOURCE_DIR/%s to OUT_DIR and draws the pictures it names\n",
                argv[0], MANIFEST_IN);
        return 2;
    }
    m.out_dir = argv[2];
    find_fonts(&m, argv[1]);

    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        log_error("mkdemo", "cannot start SDL: %s", SDL_GetError());
        return 1;
    }

    if (make_dirs(m.out_dir) != 0 || copy_manifest(argv[1], m.out_dir) != 0)
        goto fail;

    for (size_t i = 0; i < sizeof makers / sizeof makers[0]; i++) {
        if (makers[i](&m) != 0)
            goto fail;
    }
    rc = 0;

fail:
    for (int i = 0; i < m.font_count; i++)
        TTF_CloseFont(m.fonts[i].font);
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    return rc;
}
