"use client";
// Downloads for the chart in view: CSV of the displayed rows or of the full
// data (server, streamed), and PNG or SVG of the chart with its title, source
// line and date burned in (browser, from the chart's own SVG).

const SVG_NS = "http://www.w3.org/2000/svg";
const FOOTER_LINE = 16;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

export interface ChartCaption {
  title: string;
  subtitle: string;
  sourceLine: string;
  fileStem: string;
}

function text(x: number, y: number, content: string, size: number, weight = 400, fill = "#14202b"): SVGTextElement {
  const element = document.createElementNS(SVG_NS, "text");
  element.setAttribute("x", String(x));
  element.setAttribute("y", String(y));
  element.setAttribute("font-size", String(size));
  element.setAttribute("font-weight", String(weight));
  element.setAttribute("fill", fill);
  element.textContent = content;
  return element;
}

/** Breaks text into lines that fit a width, by an average glyph width: good enough for captions. */
export function wrapText(content: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(20, Math.floor(width / (fontSize * 0.56)));
  const lines: string[] = [];
  let line = "";
  for (const word of content.split(/\s+/)) {
    if (line && (line + " " + word).length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A standalone SVG: the chart under its title, with source and date beneath. */
export function composeChartSvg(chart: SVGSVGElement, caption: ChartCaption, today = new Date().toISOString().slice(0, 10)): { svg: string; width: number; height: number } {
  const box = chart.getBoundingClientRect();
  const width = Math.round(box.width);
  const chartHeight = Math.round(box.height);
  const subtitle = wrapText(caption.subtitle, width - 32, 12);
  const footer = [
    ...wrapText(caption.sourceLine, width - 32, 11),
    ...wrapText(`Exported ${today} · Reported figures are claims, shown with their qualifiers; figures from different reports are not added.`, width - 32, 11),
  ];
  const HEADER = 40 + subtitle.length * 16;
  const height = HEADER + chartHeight + 24 + footer.length * FOOTER_LINE;
  const root = document.createElementNS(SVG_NS, "svg");
  root.setAttribute("xmlns", SVG_NS);
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("font-family", FONT);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  root.append(background, text(16, 28, caption.title, 18, 700));
  subtitle.forEach((line, index) => root.append(text(16, 48 + index * 16, line, 12, 400, "#4a5866")));
  const body = chart.cloneNode(true) as SVGSVGElement;
  body.setAttribute("x", "0");
  body.setAttribute("y", String(HEADER));
  body.setAttribute("width", String(width));
  body.setAttribute("height", String(chartHeight));
  if (!body.getAttribute("viewBox")) body.setAttribute("viewBox", `0 0 ${width} ${chartHeight}`);
  root.append(body);
  footer.forEach((line, index) => root.append(text(16, HEADER + chartHeight + 20 + index * FOOTER_LINE, line, 11, 400, "#4a5866")));
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext("2d")!;
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
}

function chartSvg(containerId: string): SVGSVGElement | null {
  const container = document.getElementById(containerId);
  return (container?.querySelector(".recharts-wrapper > svg.recharts-surface, svg.world-map__svg") as SVGSVGElement | null) ?? null;
}

export function ExportMenu({
  csvDisplayed,
  csvFull,
  containerId,
  caption,
  imageAvailable,
}: {
  csvDisplayed: string;
  csvFull: string;
  containerId: string;
  caption: ChartCaption;
  imageAvailable: boolean;
}) {
  const image = async (format: "png" | "svg") => {
    const svg = chartSvg(containerId);
    if (!svg) return;
    const composed = composeChartSvg(svg, caption);
    if (format === "svg") download(new Blob([composed.svg], { type: "image/svg+xml" }), `${caption.fileStem}.svg`);
    else download(await svgToPng(composed.svg, composed.width, composed.height), `${caption.fileStem}.png`);
  };
  return (
    <details className="export-menu">
      <summary className="button">Download</summary>
      <ul className="export-menu__list">
        <li>
          <a href={csvDisplayed} download>
            CSV — displayed rows
          </a>
          <span className="muted">what this chart shows</span>
        </li>
        <li>
          <a href={csvFull} download>
            CSV — full data
          </a>
          <span className="muted">every observation, all filters off</span>
        </li>
        <li>
          <button type="button" onClick={() => image("png")} disabled={!imageAvailable}>
            PNG image
          </button>
          <button type="button" onClick={() => image("svg")} disabled={!imageAvailable}>
            SVG image
          </button>
          {!imageAvailable && <span className="muted">switch to the chart view</span>}
        </li>
      </ul>
    </details>
  );
}
