import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from "@mantine/core";

/**
 * Zona's look: calm, official, legible. One deep-blue accent; every text/background pair used by the
 * default variants meets WCAG 2.1 AA (4.5:1) — Mantine's stock greens, oranges and yellows do not on
 * their light backgrounds, so their darkest shades are deepened here, and `dimmed` text is darker.
 */
const zona: MantineColorsTuple = [
  "#edf2fa",
  "#d9e2f3",
  "#b1c4e6",
  "#87a4d8",
  "#6389cc",
  "#4b76c4",
  "#3663b5",
  "#2a55a0",
  "#1f4a8c",
  "#173a70",
];

const green: MantineColorsTuple = [
  "#ebfbee",
  "#d3f9d8",
  "#b2f2bb",
  "#8ce99a",
  "#69db7c",
  "#51cf66",
  "#40c057",
  "#2f9e44",
  "#23773a",
  "#1e6b32",
];
const orange: MantineColorsTuple = [
  "#fff4e6",
  "#ffe8cc",
  "#ffd8a8",
  "#ffc078",
  "#ffa94d",
  "#ff922b",
  "#fd7e14",
  "#e8590c",
  "#b5400b",
  "#9a3412",
];
const yellow: MantineColorsTuple = [
  "#fff9db",
  "#fff3bf",
  "#ffec99",
  "#ffe066",
  "#ffd43b",
  "#fcc419",
  "#fab005",
  "#f08c00",
  "#9c5c00",
  "#7a4a00",
];
const red: MantineColorsTuple = [
  "#fff5f5",
  "#ffe3e3",
  "#ffc9c9",
  "#ffa8a8",
  "#ff8787",
  "#ff6b6b",
  "#fa5252",
  "#e03131",
  "#c92a2a",
  "#a61e1e",
];

export const theme = createTheme({
  primaryColor: "zona",
  primaryShade: 8,
  colors: { zona, green, orange, yellow, red },
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  defaultRadius: "md",
  focusRing: "auto",
  cursorType: "pointer",
  components: {
    Button: { defaultProps: { fw: 600 } },
    Badge: { defaultProps: { tt: "none", radius: "sm" } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "#5c636a",
    "--mantine-color-anchor": "var(--mantine-color-zona-8)",
  },
  dark: {},
});
