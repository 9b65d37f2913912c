/* board.js - the bench pages' behaviour: fills the header and footer from
 * the query string and keeps the clock (and the countdown) current. */
"use strict";

const WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu",
                  "Thứ Bảy"];
const params = new URLSearchParams(location.search);
const ZONE = params.get("zone") || "Asia/Ho_Chi_Minh";
const TICKER_PAGE_MS = 8000;

/* The virtual clock: `clock=` sets the start instant, like --clock. */
const clockStart = params.has("clock") ? Date.parse(params.get("clock")) : NaN;
const skewMs = isNaN(clockStart) ? 0 : clockStart - Date.now();
function now() { return Date.now() + skewMs; }

function param(name, fallback) { return params.has(name) ? params.get(name) : fallback; }
function pad2(n) { return String(n).padStart(2, "0"); }

function localParts(ms) {
    const f = new Intl.DateTimeFormat("en-GB", {
        timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23"});
    const p = {};
    for (const part of f.formatToParts(new Date(ms)))
        p[part.type] = part.value;
    const wd = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(p.weekday);
    return {wd: wd, day: p.day, month: p.month, year: p.year, hour: p.hour,
            minute: p.minute};
}

function setText(id, s) {
    const el = document.getElementById(id);
    if (el && el.textContent !== s)
        el.textContent = s;
}

function drawClock() {
    const t = localParts(now());
    setText("clock", WEEKDAYS[t.wd] + ", " + t.day + "/" + t.month + "/" + t.year +
            " · " + t.hour + ":" + t.minute);
}

/* Calls fn now and then at every boundary of period_ms (virtual time). */
function every(periodMs, fn) {
    fn();
    setTimeout(() => every(periodMs, fn), periodMs - (now() % periodMs) + 5);
}

/* The active notices, urgent first, one page each, like overlay.c. */
function drawTicker(notices) {
    const badge = document.getElementById("badge");
    if (notices.length === 0) {
        badge.style.display = "none";
        setText("notice-body", "Góp ý về công tác bầu cử: quét mã QR ở góc màn hình");
        return;
    }
    const page = Math.floor(now() / TICKER_PAGE_MS) % notices.length;
    const n = notices[page];
    badge.style.display = "";
    setText("badge", n.urgent ? "KHẨN" : "THÔNG BÁO");
    setText("notice-title", n.title);
    setText("notice-body", n.body);
    setText("counter", notices.length > 1 ? (page + 1) + "/" + notices.length : "");
}

function fillFrame() {
    setText("name", param("commission", "Ủy ban bầu cử phường Hòa Bình"));
    const notices = JSON.parse(param("notices", "[]"));
    if (notices.length > 1)
        every(TICKER_PAGE_MS, () => drawTicker(notices));
    else
        drawTicker(notices);
    setText("version1", "Nội dung phiên bản " + param("version", "1"));
    setText("version2", "cập nhật " + param("updated", "01/12/2026 08:00"));
    if (params.has("qr")) {
        const img = document.createElement("img");
        img.alt = "";
        img.src = params.get("qr");
        document.getElementById("qr").appendChild(img);
    }
    every(60000, drawClock);
}
