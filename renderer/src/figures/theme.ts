// Figure themes: the colours and type every builder draws with. Screen themes follow the app's
// light/dark palette; the print theme is white paper, dark ink and lecture-sized type.

export interface FigureTheme {
  name: 'light' | 'dark' | 'print';
  background: string;
  ink: string;
  muted: string;
  grid: string;
  /** The main series (singular values, bars). */
  accent: string;
  /** The second series (cumulative energy). */
  secondary: string;
  /** Thresholds: tolerance lines, bulk edges. */
  threshold: string;
  /** The numerical-rank marker. */
  rank: string;
  /** Other markers: stable and effective rank, spectral gap. */
  marker: string;
  fontFamily: string;
  fontSize: number;
}

const fontFamily =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const lightTheme: FigureTheme = {
  name: 'light',
  background: '#ffffff',
  ink: '#1c1c21',
  muted: '#62626e',
  grid: '#e6e6ec',
  accent: '#4f46e5',
  secondary: '#0f7a55',
  threshold: '#c8281b',
  rank: '#9a5b00',
  marker: '#7a3fb0',
  fontFamily,
  fontSize: 12,
};

export const darkTheme: FigureTheme = {
  name: 'dark',
  background: '#1b1b1f',
  ink: '#e7e7ec',
  muted: '#a0a0ab',
  grid: '#2f2f37',
  accent: '#8f8cff',
  secondary: '#4fd1a0',
  threshold: '#ff7b6e',
  rank: '#f0b65a',
  marker: '#d6a4ff',
  fontFamily,
  fontSize: 12,
};

export const printTheme: FigureTheme = {
  name: 'print',
  background: '#ffffff',
  ink: '#000000',
  muted: '#333333',
  grid: '#d4d4d4',
  accent: '#1f3aa8',
  secondary: '#0b6b45',
  threshold: '#b3140a',
  rank: '#7a4500',
  marker: '#5a1f8f',
  fontFamily,
  fontSize: 16,
};

/** The theme for the screen: dark when the OS (or the test) asks for it. */
export function screenTheme(dark: boolean): FigureTheme {
  return dark ? darkTheme : lightTheme;
}
