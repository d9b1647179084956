// Program page: next to each time given in the venue's zone, the same time in the visitor's
// own zone. The page reads correctly without this script; it only adds text.
(function () {
  "use strict";

  // Minutes east of UTC written at the end of an ISO 8601 time ("+08:00", "Z"), or null.
  function offsetOf(iso) {
    var m = /([+-])(\d{2}):(\d{2})$|Z$/.exec(iso);
    if (!m) return null;
    if (m[0] === "Z") return 0;
    var minutes = Number(m[2]) * 60 + Number(m[3]);
    return m[1] === "-" ? -minutes : minutes;
  }

  function zoneName(date) {
    var parts = new Intl.DateTimeFormat(undefined, { timeZoneName: "short" }).formatToParts(date);
    var zone = parts.find(function (p) { return p.type === "timeZoneName"; });
    return zone ? zone.value : "";
  }

  function localLabel(start, end) {
    var clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
    var day = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" });
    return day.format(start) + ", " + clock.format(start) + "–" + clock.format(end) + " " +
      zoneName(start);
  }

  function addLocalTimes() {
    document.querySelectorAll("time.program-time[datetime][data-end]").forEach(function (el) {
      var iso = el.getAttribute("datetime");
      var start = new Date(iso);
      var end = new Date(el.getAttribute("data-end"));
      var venue = offsetOf(iso);
      if (isNaN(start.getTime()) || isNaN(end.getTime()) || venue === null) return;
      if (venue === -start.getTimezoneOffset()) return;  // the visitor keeps the venue's time
      var next = el.nextElementSibling;
      if (next && next.classList.contains("program-local")) return;
      var span = document.createElement("span");
      span.className = "program-local";
      span.textContent = " (your time: " + localLabel(start, end) + ")";
      el.insertAdjacentElement("afterend", span);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addLocalTimes);
  } else {
    addLocalTimes();
  }
})();
