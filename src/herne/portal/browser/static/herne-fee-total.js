/* The application form's running total: the first fee plus the surcharges the values entered
   so far add (herne.portal.payment.amount, the same rules), kept up to date while the citizen
   fills in the form and announced politely to screen readers. Only a preview: the server
   computes the amount again from the values sent. Without JavaScript the form lists the
   surcharges instead and the total stays hidden. */
(function () {
  "use strict";

  // A number field counts at most this many pieces (amount.MAX_PIECES).
  var MAX_PIECES = 999;

  function cents(amount) {
    var parts = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount));
    if (!parts) {
      return 0;
    }
    return parseInt(parts[1], 10) * 100 + parseInt(((parts[2] || "") + "00").slice(0, 2), 10);
  }

  function euros(total) {
    // German notation without the sign, as the server writes it (amount.euro_text).
    var rest = String(total % 100);
    return Math.floor(total / 100) + "," + (rest.length < 2 ? "0" + rest : rest);
  }

  function values(form, field) {
    var names = ["form.widgets." + field, "form.widgets." + field + ":list"];
    var found = [];
    Array.prototype.forEach.call(form.elements, function (element) {
      if (names.indexOf(element.name) < 0 || element.disabled) {
        return;
      }
      if (element.type === "radio" || element.type === "checkbox") {
        if (element.checked) {
          found.push(element.value);
        }
      } else if (element.tagName === "SELECT") {
        Array.prototype.forEach.call(element.selectedOptions, function (option) {
          found.push(option.value);
        });
      } else {
        found.push(element.value);
      }
    });
    return found;
  }

  function pieces(value) {
    var text = String(value === undefined ? "" : value).trim();
    if (!/^[+-]?\d+$/.test(text)) {
      return 0;
    }
    return Math.max(0, Math.min(parseInt(text, 10), MAX_PIECES));
  }

  function quantity(rule, found) {
    if (rule.choice) {
      return found.some(function (value) {
        return rule.choice.indexOf(value) >= 0;
      })
        ? 1
        : 0;
    }
    return Math.max(0, pieces(found[0]) - (rule.included || 0));
  }

  function follow(box) {
    var form = box.closest("form");
    var shown = box.querySelector(".herne-fee-total-amount");
    var fee;
    try {
      fee = JSON.parse(box.getAttribute("data-herne-fee"));
    } catch (error) {
      return;
    }
    if (!form || !shown || !fee) {
      return;
    }

    function update() {
      var total = cents(fee.amount);
      fee.surcharges.forEach(function (rule) {
        total += cents(rule.amount) * quantity(rule, values(form, rule.field));
      });
      var text = euros(total);
      // Only a change is written: the live region announces every write.
      if (shown.textContent !== text) {
        shown.textContent = text;
      }
    }

    update();
    box.hidden = false;
    form.addEventListener("input", update);
    form.addEventListener("change", update);
  }

  function start() {
    document.querySelectorAll(".herne-fee-total[data-herne-fee]").forEach(follow);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
