// Reads an iCalendar body on stdin with ical.js (the parser of many web calendar apps) and
// prints, per VEVENT, what a client would show: {uid: [kind, value, sequence, status]} where
// kind is "date" (value YYYY-MM-DD) or "instant" (value an ISO 8601 UTC instant).
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
const out = {};
for (const vevent of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  const value = start.isDate ? start.toString() : start.toJSDate().toISOString();
  out[event.uid] = [
    start.isDate ? "date" : "instant",
    value,
    vevent.getFirstPropertyValue("sequence"),
    vevent.getFirstPropertyValue("status"),
  ];
}
process.stdout.write(JSON.stringify(out));
