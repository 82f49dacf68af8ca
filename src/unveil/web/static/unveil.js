// unveil workspace: the only script. Reveals a blurred image when clicked (and blurs it again).
"use strict";
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-reveal]") : null;
  if (!button) { return; }
  button.classList.toggle("revealed");
  button.setAttribute("aria-pressed", button.classList.contains("revealed") ? "true" : "false");
});
