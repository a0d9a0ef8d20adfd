// Light, dark, or the system's: <html data-theme> holds the theme in effect (what app.css styles), and
// data-theme-choice the person's choice, so "system" follows the desktop as it changes.
const media = matchMedia("(prefers-color-scheme: dark)");

export function applyTheme(theme) {
  const t = theme || "system";
  document.documentElement.dataset.theme = t === "system" ? (media.matches ? "dark" : "light") : t;
  document.documentElement.dataset.themeChoice = t;
}
media.addEventListener("change", () => applyTheme(document.documentElement.dataset.themeChoice));
