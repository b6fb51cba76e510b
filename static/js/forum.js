// The forum's few interactions, without a library (machina's bundle brought jQuery 1.9 and Bootstrap for them):
// "Add a poll option" / "Add another file" add a form to a formset, a dropdown toggle opens its menu, and the
// tabs of a post form (options, poll, attachments) show one section at a time.
// Without JavaScript every form still works with the forms the page was sent with.
(function () {
  "use strict";

  // Copy the last form of a formset, numbered as the next one, emptied, and count it in TOTAL_FORMS.
  function addForm(container, formSelector, prefix) {
    var forms = container.querySelectorAll(formSelector);
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    if (!forms.length || !total) { return; }
    var count = parseInt(total.value, 10);
    var max = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
    if (max && count >= parseInt(max.value, 10)) { return; }
    var copy = forms[forms.length - 1].cloneNode(true);
    var from = "-" + (count - 1) + "-";
    var to = "-" + count + "-";
    copy.querySelectorAll("[name], [id], label[for]").forEach(function (element) {
      ["name", "id", "for"].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value) { element.setAttribute(attribute, value.replace(from, to)); }
      });
    });
    copy.querySelectorAll("input, select, textarea").forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = false;
      } else if (field.type !== "hidden" || /-id$/.test(field.name)) {
        field.value = "";
      }
    });
    copy.querySelectorAll(".initial, .error, .has-error .help-block").forEach(function (element) {
      element.remove();
    });
    forms[forms.length - 1].after(copy);
    total.value = String(count + 1);
    var first = copy.querySelector("input:not([type=hidden]), select, textarea");
    if (first) { first.focus(); }
  }

  [
    ["add_more_poll_option", "poll_formset", ".poll-option-form", "poll"],
    ["add_more_attachment", "attachment_formset", ".attachment-form", "attachment"],
  ].forEach(function (spec) {
    var button = document.getElementById(spec[0]);
    var container = document.getElementById(spec[1]);
    if (!button || !container) { return; }
    button.setAttribute("role", "button");
    button.addEventListener("click", function (event) {
      event.preventDefault();
      addForm(container, spec[2], spec[3]);
    });
  });

  // Dropdowns: the toggle opens or closes the menu that follows it; Escape or a click elsewhere closes it.
  function menuOf(toggle) {
    var menu = toggle.nextElementSibling;
    return menu && menu.classList.contains("dropdown-menu") ? menu : null;
  }
  function close(toggle) {
    var menu = menuOf(toggle);
    if (menu) { menu.classList.remove("show"); }
    toggle.setAttribute("aria-expanded", "false");
  }
  var toggles = Array.prototype.slice.call(document.querySelectorAll("[data-toggle=dropdown]"));
  toggles.forEach(function (toggle) {
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      var menu = menuOf(toggle);
      if (!menu) { return; }
      var open = !menu.classList.contains("show");
      toggles.forEach(close);
      menu.classList.toggle("show", open);
      toggle.setAttribute("aria-expanded", String(open));
    });
  });
  document.addEventListener("click", function (event) {
    toggles.forEach(function (toggle) {
      var menu = menuOf(toggle);
      if (menu && !toggle.contains(event.target) && !menu.contains(event.target)) { close(toggle); }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    toggles.forEach(function (toggle) {
      var menu = menuOf(toggle);
      if (menu && menu.classList.contains("show")) { close(toggle); toggle.focus(); }
    });
  });

  // Tabs (templates/machina/forum_conversation/partials/form_tabs.html): without JavaScript the tabs are links to
  // sections that are all shown. Here one section shows at a time; arrow keys, Home and End move between the tabs
  // (ARIA's tabs pattern), and a section with an error in it opens first.
  Array.prototype.slice.call(document.querySelectorAll("[data-tabs]")).forEach(function (box) {
    var tabs = Array.prototype.slice.call(box.querySelectorAll("[role=tab]"));
    var panels = tabs.map(function (tab) { return document.getElementById(tab.getAttribute("aria-controls")); });
    if (!tabs.length || panels.indexOf(null) !== -1) { return; }
    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === index;
        tab.setAttribute("aria-selected", String(on));
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) { tabs[index].focus(); }
    }
    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function (event) { event.preventDefault(); select(i, false); });
      tab.addEventListener("keydown", function (event) {
        var last = tabs.length - 1;
        var rtl = getComputedStyle(box).direction === "rtl";
        var next = { ArrowRight: rtl ? i - 1 : i + 1, ArrowLeft: rtl ? i + 1 : i - 1, Home: 0, End: last }[event.key];
        if (next === undefined) { return; }
        event.preventDefault();
        select((next + tabs.length) % tabs.length, true);
      });
    });
    var withError = panels.findIndex(function (panel) {
      return panel.querySelector(".has-error, .error, .errorlist, .message--error");
    });
    select(withError === -1 ? 0 : withError, false);
  });
})();
