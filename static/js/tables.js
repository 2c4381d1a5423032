// intl_portal: each data cell carries its column's header (data-label), so that at phone
// width, where portal.css stacks a table's rows as cards, every value keeps its label.
(function () {
  "use strict";

  function headers(table) {
    var labels = [];
    var row = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
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

  function labelCells(table) {
    var labels = headers(table);
    if (!labels.length) {
      return;
    }
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (!cell.hasAttribute("data-label") && cell.colSpan === 1 && labels[column]) {
            cell.setAttribute("data-label", labels[column]);
          }
          column += cell.colSpan;
        });
      });
    });
    table.classList.add("labelled");
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("main table:not(.month-grid)").forEach(labelCells);
  });
})();
