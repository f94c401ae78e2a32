/** Okabe–Ito, reordered so neighbours contrast: series colours that stay apart for colour-blind readers. */
export const SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7f6d00", "#000000"];

export const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length];
