/**
 * `npm run icons`: the app icons in public/icons/, drawn from the parcel in public/favicon.svg.
 * Run it again after changing the favicon and commit the PNGs; the build only copies them.
 *
 *   icon-192.png, icon-512.png   purpose "any": the parcel on a rounded navy tile
 *   maskable-512.png             purpose "maskable": a full-bleed navy square with the parcel
 *                                inside the central 80 % circle a launcher may cut out
 *   apple-touch-icon.png         180 px, full bleed: iOS rounds the corners itself
 *
 * sharp renders the SVG with the librsvg that ships inside its npm package: nothing is
 * downloaded at install or run time.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import sharp from 'sharp';

const THEME = '#1c2a3a'; // the site header's navy, also the manifest's theme colour
const favicon = readFileSync('public/favicon.svg', 'utf8');
const parcel = favicon
  .replace(/^[\s\S]*?<svg[^>]*>/, '')
  .replace(/<\/svg>\s*$/, '')
  .replace(/<title>[\s\S]*?<\/title>/, '');

interface Icon {
  file: string;
  size: number;
  /** Share of the side the 32-unit parcel takes. */
  parcel: number;
  /** Corner radius as a share of the side; 0 for full bleed. */
  radius: number;
}

const ICONS: Icon[] = [
  { file: 'icon-192.png', size: 192, parcel: 0.7, radius: 0.2 },
  { file: 'icon-512.png', size: 512, parcel: 0.7, radius: 0.2 },
  { file: 'maskable-512.png', size: 512, parcel: 0.52, radius: 0 },
  { file: 'apple-touch-icon.png', size: 180, parcel: 0.64, radius: 0 },
];

function svgFor({ size, parcel: share, radius }: Icon): string {
  const side = size * share;
  const offset = (size - side) / 2;
  const scale = side / 32;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${size * radius}" fill="${THEME}"/>
  <g transform="translate(${offset} ${offset}) scale(${scale})">${parcel}</g>
</svg>`;
}

mkdirSync('public/icons', { recursive: true });
for (const icon of ICONS) {
  await sharp(Buffer.from(svgFor(icon)))
    .png({ compressionLevel: 9, palette: true })
    .toFile(`public/icons/${icon.file}`);
  process.stdout.write(`public/icons/${icon.file}\n`);
}
