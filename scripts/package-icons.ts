/**
 * Renders the store icons from one inline SVG with the system Chromium, then rewrites them as 24-bit
 * RGB PNGs (Samsung asks for RGB; LG takes either): tizen/icon.png 512×423 (config.xml and the Seller
 * Office's pre-2016 size), webos/icon.png 80×80, webos/largeIcon.png 130×130 and the 400×400 Seller
 * Lounge icon webos/store-icon-400.png. Run by hand when the brand changes: `npx tsx scripts/package-icons.ts`.
 */
import { chromium } from 'playwright-core'
import { readFileSync, writeFileSync } from 'node:fs'
import { PNG } from 'pngjs'

const background = '#0E1016'
const grey = '#AAB1C2'
const blue = '#4F8BFF'

/** The wordmark on a square or wide canvas; the text is kept within the middle 80% (squircle masks). */
function svg(w: number, h: number): string {
  const wide = w / h > 1.1
  const size = Math.min(w, h)
  if (!wide && size < 200) {
    // Small launcher icons: a mark, since a wordmark would not be legible at 80 px.
    const r = size * 0.3
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
      <rect width="${w}" height="${h}" fill="${background}"/>
      <circle cx="${w / 2}" cy="${h / 2}" r="${r}" fill="none" stroke="${blue}" stroke-width="${size * 0.07}"/>
      <text x="${w / 2}" y="${h / 2 + size * 0.1}" text-anchor="middle" font-family="Inter, DejaVu Sans, sans-serif" font-weight="800" font-size="${size * 0.28}" fill="${grey}">MY</text>
    </svg>`
  }
  const font = wide ? w * 0.11 : w * 0.12
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
    <rect width="${w}" height="${h}" fill="${background}"/>
    <text x="${w / 2}" y="${h / 2 + font * 0.35}" text-anchor="middle" font-family="Inter, DejaVu Sans, sans-serif" font-weight="800" font-size="${font}" letter-spacing="${font * 0.02}">
      <tspan fill="${grey}">MY</tspan><tspan fill="${blue}">CHANNEL</tspan>
    </text>
  </svg>`
}

const targets: Array<[string, number, number]> = [
  ['tizen/icon.png', 512, 423],
  ['webos/icon.png', 80, 80],
  ['webos/largeIcon.png', 130, 130],
  ['webos/store-icon-400.png', 400, 400],
]

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    for (const [file, w, h] of targets) {
      const page = await browser.newPage({ viewport: { width: w, height: h } })
      await page.setContent(`<html><body style="margin:0">${svg(w, h)}</body></html>`)
      await page.screenshot({ path: file, clip: { x: 0, y: 0, width: w, height: h } })
      await page.close()
      // Drop the alpha channel: 24-bit RGB, as Samsung's icon rules ask.
      const rgba = PNG.sync.read(readFileSync(file))
      writeFileSync(file, PNG.sync.write(rgba, { colorType: 2, inputHasAlpha: true }))
      console.log(`${file} ${w}x${h}`)
    }
  } finally {
    await browser.close()
  }
}

void main()
