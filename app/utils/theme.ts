// The colours the browser paints around the site (the address bar, an installed app's splash
// screen): the header's blue and the page's white, as in app/styles/app.css (--blue, --bg).
export const THEME_COLOR = "#0b4f8a";
export const BACKGROUND_COLOR = "#ffffff";
