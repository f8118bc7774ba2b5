// On a narrow screen the filter panel starts folded so results come first; charts get their sizes
// from data attributes (the Content-Security-Policy allows no inline style attributes).
document.addEventListener("DOMContentLoaded", function () {
  var panel = document.querySelector("details.filters");
  if (panel && window.matchMedia("(max-width: 760px)").matches && !panel.dataset.keepOpen) {
    panel.removeAttribute("open");
  }
  document.querySelectorAll("[data-w]").forEach(function (el) {
    el.style.setProperty("--w", Number(el.dataset.w) + "%");
  });
  document.querySelectorAll("[data-v]").forEach(function (el) {
    el.style.setProperty("--v", Number(el.dataset.v));
  });
});
