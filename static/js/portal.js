// intl_portal: live countdowns, copy buttons and the browser's time zone. No dependencies.
(function () {
  "use strict";

  function pad(number) {
    return String(number).padStart(2, "0");
  }

  function formatLeft(milliseconds, dayLabel) {
    var seconds = Math.floor(milliseconds / 1000);
    var days = Math.floor(seconds / 86400);
    seconds -= days * 86400;
    var hours = Math.floor(seconds / 3600);
    seconds -= hours * 3600;
    var minutes = Math.floor(seconds / 60);
    seconds -= minutes * 60;
    var clock = pad(hours) + ":" + pad(minutes) + ":" + pad(seconds);
    return days > 0 ? days + dayLabel + " " + clock : clock;
  }

  function tickCountdowns() {
    var now = Date.now();
    document.querySelectorAll(".countdown[data-due]").forEach(function (element) {
      var due = Date.parse(element.getAttribute("data-due"));
      if (isNaN(due)) {
        return;
      }
      var units = element.closest("[data-countdown-units]");
      var dayLabel = units ? units.getAttribute("data-day") : "d";
      var left = due - now;
      if (left <= 0) {
        element.textContent = units ? units.getAttribute("data-closed") : "closed";
        element.classList.add("countdown-closed");
        element.removeAttribute("data-due");
      } else {
        element.textContent = formatLeft(left, dayLabel);
        element.classList.toggle("countdown-soon", left < 3 * 86400 * 1000);
      }
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function setUpCopyButtons() {
    document.addEventListener("click", function (event) {
      var button = event.target.closest("button.copy[data-copy]");
      if (!button) {
        return;
      }
      var original = button.getAttribute("data-label") || button.textContent;
      button.setAttribute("data-label", original);
      copyText(button.getAttribute("data-copy")).then(function () {
        button.textContent = button.getAttribute("data-copied") || "✓";
        window.setTimeout(function () {
          button.textContent = original;
        }, 2000);
      }, function () {
        window.prompt("", button.getAttribute("data-copy"));
      });
    });
  }

  var BROWSER_ZONE_COOKIE = "browser_zone";

  function browserZone() {
    var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone === "Etc/UTC" ? "UTC" : zone;
  }

  function cookieValue(name) {
    var found = document.cookie.split("; ").filter(function (pair) {
      return pair.indexOf(name + "=") === 0;
    })[0];
    return found ? found.slice(name.length + 1) : null;
  }

  // A visitor's times are shown in their browser's zone: the server reads it from a cookie
  // (it cannot know it otherwise). On the first page (or after travelling) the cookie is
  // set and the page reloaded once; a zone the visitor or a member chose is never replaced.
  // Without JavaScript or cookies the page stays in UTC, labelled so, with the zone form.
  function adoptBrowserZone(input, zone) {
    var source = input.getAttribute("data-zone-source");
    if (source !== "default" && source !== "browser") {
      return;
    }
    // IANA names need no escaping in a cookie ("Asia/Shanghai", "America/Port-au-Prince").
    if (!zone || !/^[A-Za-z0-9_+\/-]+$/.test(zone) || cookieValue(BROWSER_ZONE_COOKIE) === zone) {
      return;
    }
    document.cookie = BROWSER_ZONE_COOKIE + "=" + zone +
      "; path=/; max-age=31536000; SameSite=Lax" + (window.isSecureContext && location.protocol === "https:" ? "; Secure" : "");
    if (cookieValue(BROWSER_ZONE_COOKIE) === zone && zone !== input.value) {
      window.location.reload();
    }
  }

  function setUpBrowserZone() {
    var button = document.querySelector("[data-browser-zone]");
    var input = document.getElementById("viewer-timezone");
    var zone = browserZone();
    if (input) {
      adoptBrowserZone(input, zone);
    }
    if (!button || !input || !zone || zone === input.value) {
      return;
    }
    button.hidden = false;
    button.title = zone;
    button.addEventListener("click", function () {
      input.value = zone;
      input.form.requestSubmit();
    });
  }

  // The phone-width menu: the button opens and closes the links and tools below it.
  function setUpMenu() {
    var button = document.querySelector("[data-menu-toggle]");
    if (!button) {
      return;
    }
    var header = button.closest(".site-header");
    button.addEventListener("click", function () {
      var open = header.classList.toggle("menu-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpMenu();
    setUpCopyButtons();
    setUpBrowserZone();
    if (document.querySelector(".countdown[data-due]")) {
      tickCountdowns();
      window.setInterval(tickCountdowns, 1000);
    }
  });
})();
