// The little the pages need from script: bring the hit into view, and keep a bearer token as a cookie.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const hit = document.getElementById("hit");
  if (hit) {
    hit.scrollIntoView({ block: "center" });
    hit.focus({ preventScroll: true });
  }
  const login = document.getElementById("login");
  if (login) {
    login.addEventListener("submit", (event) => {
      event.preventDefault();
      const token = document.getElementById("token").value;
      document.cookie = `${login.dataset.cookie}=${encodeURIComponent(token)}; path=/; SameSite=Strict`;
      window.location.href = "/";
    });
  }
});
