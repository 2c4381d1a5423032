// intl_portal: the members' forms show a field only when it applies. A control marked
// data-show-if="NAME" shows while the form's control NAME is ticked (a checkbox) or not blank
// (a select); data-show-if="NAME=a b" while NAME's value is one of a, b. The field's group
// (its label, help and box) is hidden, not disabled: what it holds is still sent. Without
// scripts every field shows. No dependencies.
(function () {
  "use strict";

  function valueOf(form, name) {
    var controls = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < controls.length; i += 1) {
      var control = controls[i];
      if (control.type === "checkbox") {
        return control.checked ? control.value || "on" : "";
      }
      if (control.type !== "radio" || control.checked) {
        return control.value;
      }
    }
    return "";
  }

  function applies(form, rule) {
    var parts = rule.split("=");
    var value = valueOf(form, parts[0]);
    if (parts.length < 2) {
      return value !== "";
    }
    return parts[1].split(" ").indexOf(value) !== -1;
  }

  function update(form) {
    var dependents = form.querySelectorAll("[data-show-if]");
    for (var i = 0; i < dependents.length; i += 1) {
      var group = dependents[i].closest(".field") || dependents[i].parentElement;
      group.hidden = !applies(form, dependents[i].getAttribute("data-show-if"));
    }
  }

  function start() {
    var forms = document.querySelectorAll("form");
    for (var i = 0; i < forms.length; i += 1) {
      var form = forms[i];
      if (!form.querySelector("[data-show-if]")) {
        continue;
      }
      update(form);
      form.addEventListener("change", update.bind(null, form));
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
