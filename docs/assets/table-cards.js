/*
 * On a narrow screen the tables of items (class "cards") read as one block per row (site.css). Each cell is labelled with
 * its column's header, taken from the table itself (data-label, shown by CSS), and every part of the
 * table says its role, so that screen readers still read a table whatever the layout.
 */
(function () {
  "use strict";
  var TABLES = "article table.cards";

  function label(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    var names = Array.prototype.map.call(head.cells, function (th) { return th.textContent.trim(); });
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody"), function (group) { group.setAttribute("role", "rowgroup"); });
    Array.prototype.forEach.call(table.rows, function (row) { row.setAttribute("role", "row"); });
    Array.prototype.forEach.call(head.cells, function (th) { th.setAttribute("role", "columnheader"); });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, column) {
          cell.setAttribute("role", "cell");
          if (names[column]) cell.setAttribute("data-label", names[column]);
        });
      });
    });
  }

  function init() { Array.prototype.forEach.call(document.querySelectorAll(TABLES), label); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
