// Calendar reminders: an iCalendar file (RFC 5545) of payment dates, made on the reader's
// device and saved with a[download]. Used by the options, debts and letter tools (and by any
// page that imports it). The amounts are strings computed by calc; nothing is computed here
// except calendar dates (a month later, clamped to the month's end, as calc does).
//
//   buildCalendar({ name, events: [{ date: "2026-02-28", summary, description }], alarm })
//     -> text with CRLF line ends, lines folded at 75 octets, one all-day VEVENT per event
//        (UID, DTSTAMP, DTSTART;VALUE=DATE, SUMMARY), and a VALARM at 09:00 the day before
//        when alarm is true.
//   addMonths("2026-01-31", 1) -> "2026-02-28"
//   monthlyDates("2026-01-31", 3) -> ["2026-01-31", "2026-02-28", "2026-03-31"]

import { newId } from "../lib/common.js";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseISO(text) {
  const m = ISO.exec(String(text || "").trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, mo, d };
}

function daysInMonth(y, mo) {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const pad = (n, w = 2) => String(n).padStart(w, "0");

/** The same day k months later, clamped to the end of a shorter month. */
export function addMonths(iso, k) {
  const p = parseISO(iso);
  if (!p) return null;
  const index = p.y * 12 + (p.mo - 1) + k;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  return `${pad(y, 4)}-${pad(mo)}-${pad(Math.min(p.d, daysInMonth(y, mo)))}`;
}

/** n monthly dates starting on start (start itself is the first). Each date is counted
 *  from start, not from the previous one, so the 31st stays the 31st after February. */
export function monthlyDates(start, n) {
  const out = [];
  for (let k = 0; k < n; k += 1) out.push(addMonths(start, k));
  return out;
}

/** TEXT escaping of RFC 5545 §3.3.11. */
export function escapeText(text) {
  return String(text)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Fold one content line at 75 octets (UTF-8), never inside a character (§3.1). */
export function fold(line) {
  const encoder = new TextEncoder();
  const parts = [];
  let current = "";
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      parts.push(current);
      current = "";
      size = 0;
      limit = 74; // continuation lines begin with one space
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function stamp(now) {
  const d = now || new Date();
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** The calendar text. events: [{date, summary, description?}]; dates that do not parse
 *  are skipped. */
export function buildCalendar({ name, events, alarm = true, alarmText, now }) {
  const dtstamp = stamp(now);
  const batch = newId();
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//yqxs//repayment reminders//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  if (name) lines.push(`X-WR-CALNAME:${escapeText(name)}`);
  events.forEach((event, index) => {
    const p = parseISO(event.date);
    if (!p) return;
    const day = `${pad(p.y, 4)}${pad(p.mo)}${pad(p.d)}`;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${day}-${index + 1}-${batch}@yqxs.invalid`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    lines.push("TRANSP:TRANSPARENT");
    if (alarm) {
      lines.push(
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${escapeText(alarmText || event.summary)}`,
        "TRIGGER:-PT15H", // 09:00 the day before an all-day event
        "END:VALARM",
      );
    }
    lines.push("END:VEVENT");
  });
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
