/* The editors' forms: TinyMCE 8 leaves its editing frame without a title (WCAG 4.1.2,
   axe "frame-title"); each frame is named after the label of its field. */
(function () {
  "use strict";

  function nameFrames() {
    document.querySelectorAll("iframe.tox-edit-area__iframe:not([title])").forEach(function (frame) {
      var field = frame.id.replace(/_ifr$/, "");
      var label = document.querySelector('label[for="' + field + '"]');
      var name = label ? label.childNodes[0].textContent.trim() : "";
      frame.setAttribute("title", name || "Texteditor");
    });
  }

  new MutationObserver(nameFrames).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  nameFrames();
})();
