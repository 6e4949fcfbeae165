import { qrMatrix } from "../../../kernel/qr/qr";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An A4 portrait poster (SVG, prints at any size): title, QR code of the short link, the link in large type. */
export function posterSvg(p: { url: string; unit: string; title: string }): string {
  const m = qrMatrix(p.url);
  const size = m.length;
  const box = 520;
  const cell = box / (size + 8);
  let path = "";
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      if (m[y]![x]) path += `M${(x + 4) * cell},${(y + 4) * cell}h${cell}v${cell}h${-cell}z`;
  const display = p.url.replace(/^https?:\/\//, "");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 794 1123" role="img" aria-label="${esc(`${p.title} — ${display}`)}">
<rect width="794" height="1123" fill="#fff"/>
<text x="397" y="110" font-family="Arial, sans-serif" font-size="40" font-weight="700" text-anchor="middle" fill="#0b3d91">Survei Kepuasan Layanan</text>
<text x="397" y="160" font-family="Arial, sans-serif" font-size="24" text-anchor="middle" fill="#222">${esc(p.unit)}</text>
<text x="397" y="200" font-family="Arial, sans-serif" font-size="20" text-anchor="middle" fill="#444">${esc(p.title)}</text>
<g transform="translate(137,250)"><rect width="${box}" height="${box}" fill="#fff"/><path d="${path}" fill="#000"/></g>
<text x="397" y="830" font-family="Arial, sans-serif" font-size="26" text-anchor="middle" fill="#222">Pindai kode QR atau buka / Scan the code or open:</text>
<text x="397" y="890" font-family="Arial, sans-serif" font-size="38" font-weight="700" text-anchor="middle" fill="#0b3d91">${esc(display)}</text>
<text x="397" y="960" font-family="Arial, sans-serif" font-size="20" text-anchor="middle" fill="#444">Tanpa nama, tanpa login — ±2 menit. Anonymous, no login — about 2 minutes.</text>
</svg>
`;
}
