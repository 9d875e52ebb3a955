// The little the pages need from script: bring the hit into view with its speaker's header (the sign-in
// form needs none).
"use strict";
function showHit() {
  const hit = document.getElementById("hit");
  if (!hit) return;
  const turn = hit.closest(".turn") || hit;
  // a turn that fits is centred; a longer one starts at the top, its header below the margin
  const fits = turn.getBoundingClientRect().height < window.innerHeight * 0.8;
  turn.scrollIntoView({ block: fits ? "center" : "start" });
  hit.focus({ preventScroll: true });
}
document.addEventListener("DOMContentLoaded", showHit);
// the browser's own jump to #hit comes after the document is parsed: centre again once it has happened
window.addEventListener("load", () => window.requestAnimationFrame(showHit));
