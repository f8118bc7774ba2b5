// The only script: on a narrow screen the filter panel starts folded so results come first.
document.addEventListener("DOMContentLoaded", function () {
  var panel = document.querySelector("details.filters");
  if (panel && window.matchMedia("(max-width: 760px)").matches && !panel.dataset.keepOpen) {
    panel.removeAttribute("open");
  }
});
