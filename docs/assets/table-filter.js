/*
 * Filters and sorting for the item tables, on the reader's machine; no library, nothing fetched.
 * Tables marked data-filterable carry, per row, data-lead, data-coord, data-when, data-dkind,
 * data-group, data-kind, data-level and, once reports exist, data-status; and per table the labels
 * of those values in data-filter-options. Without JavaScript the tables are simply complete.
 * The filter state lives in the address (?co-quan=...&vai-tro=...), so a filtered view can be shared.
 */
(function () {
  "use strict";
  var PARAMS = { agency: "co-quan", role: "vai-tro", when: "thoi-han", dkind: "loai-han", group: "nhom", kind: "loai", level: "muc-do", status: "trang-thai", text: "q" };
  var LABELS = { agency: "Cơ quan", role: "Vai trò", when: "Tháng / năm", dkind: "Loại thời hạn", group: "Nhóm tiện ích", kind: "Loại việc", level: "Cấp độ", status: "Trạng thái" };

  function words(value) { return (value || "").split(" ").filter(Boolean); }
  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function init() {
    var tables = Array.prototype.slice.call(document.querySelectorAll("table[data-filterable]"));
    if (!tables.length) return;
    // Per facet, [value, label] pairs in the order the bar lists them, from every table, each value once.
    var options = {};
    tables.forEach(function (table) {
      var own = JSON.parse(table.getAttribute("data-filter-options") || "{}");
      Object.keys(own).forEach(function (facet) {
        options[facet] = options[facet] || [];
        own[facet].forEach(function (pair) {
          if (!options[facet].some(function (known) { return known[0] === pair[0]; })) options[facet].push(pair);
        });
      });
    });
    var state = new URLSearchParams(window.location.search);
    var form = document.createElement("form");
    form.className = "table-filters";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Lọc bảng");
    var controls = {};
    // On a phone the controls fold behind one button, which says how many filters are on (site.css);
    // the count of results stays in sight.
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "filters-toggle";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", "bo-loc");
    form.appendChild(toggle);
    var body = document.createElement("div");
    body.className = "filters-body";
    body.id = "bo-loc";
    form.appendChild(body);
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      form.classList.toggle("open", open);
    });

    function addSelect(facet, values) {
      if (!values || values.length < 2) return;
      var label = document.createElement("label");
      label.textContent = LABELS[facet] + " ";
      var select = document.createElement("select");
      select.name = PARAMS[facet];
      var all = document.createElement("option");
      all.value = ""; all.textContent = "Tất cả";
      select.appendChild(all);
      values.forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0]; option.textContent = pair[1];
        select.appendChild(option);
      });
      select.value = state.get(PARAMS[facet]) || "";
      label.appendChild(select);
      body.appendChild(label);
      controls[facet] = select;
    }

    addSelect("agency", options.agency);
    if (options.agency) addSelect("role", [["lead", "Chủ trì"], ["coord", "Phối hợp"]]);
    ["status", "when", "dkind", "kind", "group", "level"].forEach(function (facet) { addSelect(facet, options[facet]); });
    var text = document.createElement("label");
    text.textContent = "Nội dung ";
    var input = document.createElement("input");
    input.type = "search"; input.name = PARAMS.text; input.value = state.get(PARAMS.text) || "";
    input.placeholder = "gõ có hoặc không dấu";
    text.appendChild(input);
    body.appendChild(text);
    controls.text = input;
    var count = document.createElement("output");
    count.setAttribute("aria-live", "polite");
    form.appendChild(count);
    // Before the headings that introduce the first table, so the bar reads as the page's, not a section's.
    var anchor = tables[0].closest(".table-wrap");
    while (anchor.previousElementSibling && /^(H2|H3)$|^P$/.test(anchor.previousElementSibling.tagName) &&
           !anchor.previousElementSibling.matches("p.downloads, p.lead, p.note:not(.mentioned)") &&
           (anchor.previousElementSibling.tagName !== "P" || anchor.previousElementSibling.classList.contains("group"))) {
      anchor = anchor.previousElementSibling;
    }
    anchor.parentNode.insertBefore(form, anchor);

    function value(facet) { return controls[facet] ? controls[facet].value : ""; }

    function matches(row) {
      var agency = value("agency"), role = value("role");
      if (agency) {
        var leads = words(row.dataset.lead).indexOf(agency) >= 0, coordinates = words(row.dataset.coord).indexOf(agency) >= 0;
        if (role === "lead" ? !leads : role === "coord" ? !coordinates : !(leads || coordinates)) return false;
      } else if (role) {
        return false;
      }
      var checks = [["when", "when"], ["dkind", "dkind"], ["kind", "kind"], ["group", "group"], ["level", "level"], ["status", "status"]];
      for (var i = 0; i < checks.length; i++) {
        var wanted = value(checks[i][0]);
        if (wanted && words(row.dataset[checks[i][1]]).indexOf(wanted) < 0) return false;
      }
      var query = fold(value("text").trim());
      return !query || fold(row.textContent).indexOf(query) >= 0;
    }

    function apply(record) {
      var shown = 0, total = 0;
      tables.forEach(function (table) {
        var visible = 0;
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          var keep = matches(row);
          row.hidden = !keep;
          visible += keep ? 1 : 0;
          total += 1;
        });
        var wrap = table.closest(".table-wrap");
        wrap.hidden = visible === 0;
        // The heading of a section whose items are all filtered out goes with them.
        for (var before = wrap.previousElementSibling; before && (before.tagName === "H3" || before.matches("p.group"));
             before = before.previousElementSibling) {
          before.hidden = visible === 0;
          if (before.tagName === "H3") break;
        }
        shown += visible;
      });
      count.textContent = shown === total ? total + " việc" : "Hiện " + shown + " / " + total + " việc";
      var active = Object.keys(controls).filter(function (facet) { return controls[facet].value; }).length;
      toggle.textContent = active ? "Bộ lọc (" + active + " đang dùng)" : "Bộ lọc";
      if (record) {
        var params = new URLSearchParams();
        Object.keys(controls).forEach(function (facet) {
          if (controls[facet].value) params.set(PARAMS[facet], controls[facet].value);
        });
        var query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }

    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    tables.forEach(makeSortable);
    apply(false);
  }

  function sortKey(cell) {
    var key = cell.getAttribute("data-sort");
    return key !== null ? key : cell.textContent.trim();
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = header.textContent;
      button.setAttribute("aria-label", "Sắp xếp theo " + header.textContent);
      header.textContent = "";
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.setAttribute("aria-sort", "none"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[column]), y = sortKey(b.cells[column]);
          var order = x.localeCompare(y, "vi", { numeric: true, sensitivity: "base" });
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
