// intl_portal admin: names for the controls Django's admin leaves unnamed. A tabular
// inline's or an editable changelist's fields are labelled only by their column's header;
// a screen reader gets that header as the field's name. Filter widgets' help icons get
// the role their aria-label needs.
(function () {
  "use strict";

  function columnHeaders(table) {
    var row = table.tHead && table.tHead.rows[0];
    var labels = [];
    if (!row) {
      return labels;
    }
    Array.prototype.forEach.call(row.cells, function (cell) {
      for (var span = 0; span < cell.colSpan; span += 1) {
        labels.push(cell.textContent.trim());
      }
    });
    return labels;
  }

  function nameFields(table) {
    var labels = columnHeaders(table);
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          var label = labels[column];
          column += cell.colSpan;
          if (!label) {
            return;
          }
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (field) {
            if (!field.labels.length && !field.hasAttribute("aria-label")) {
              field.setAttribute("aria-label", label);
            }
          });
        });
      });
    });
  }

  // Autocomplete (select2) widgets: their combobox, its text and its search box are named
  // after the field's label; the clear-all button moves out of the list of choices, where
  // only list items belong.
  function nameAutocomplete(select) {
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    var container = select.nextElementSibling;
    if (!label || !container || !container.classList.contains("select2")) {
      return;
    }
    var name = label.textContent.trim().replace(/[:：]$/, "");
    container.querySelectorAll(
      ".select2-selection, .select2-selection__rendered[role=textbox], .select2-search__field"
    ).forEach(function (element) {
      if (element.getAttribute("aria-label") !== name) {
        element.setAttribute("aria-label", name);
      }
    });
    container.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear").forEach(function (clear) {
      clear.parentNode.parentNode.insertBefore(clear, clear.parentNode);
    });
  }

  function nameAutocompletes() {
    document.querySelectorAll("select.admin-autocomplete").forEach(nameAutocomplete);
  }

  function nameAll() {
    nameAutocompletes();
    document.querySelectorAll(".tabular table, #result_list").forEach(nameFields);
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    nameAll();
    // jQuery builds the autocomplete widgets when it is ready, which may be after "load",
    // and rebuilds parts of them on every change.
    new MutationObserver(nameAutocompletes).observe(document.body, {childList: true, subtree: true});
  });
  // The filter widgets are built on "load"; a new inline row on "formset:added".
  window.addEventListener("load", nameAll);
  document.addEventListener("formset:added", nameAll);
})();
