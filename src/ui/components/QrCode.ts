import { Lightning } from '@lightningjs/sdk'
import { correction, generate, mode } from 'lean-qr'
import { colors } from '../theme/tokens'

export interface QrCodeTemplateSpec extends Lightning.Component.TemplateSpec {
  value: string
  size: number
  Code: object
}

/** Quiet zone in modules (the QR spec asks for 4). */
const quietZone = 4

/**
 * The modes lean-qr may mix. Its default list adds Shift-JIS, whose test builds a table of 7 973
 * characters with `TextDecoder('sjis')` on the first call whatever the input: start-up time on a TV
 * for nothing an address needs. Other text goes as UTF-8 (ECI 26), the bytes a phone's browser expects.
 */
const modes = [mode.numeric, mode.alphaNumeric, mode.ascii, mode.utf8]

/**
 * The modules of `value` as a QR code, rows of dark (true) and light, or null when it cannot be
 * encoded (longer than a version 40 code holds). Error correction M, never raised: lean-qr would
 * otherwise take a higher level whenever the chosen size has room for it. The modes are mixed for
 * the smallest code, so an address gets fewer, larger modules.
 */
export function qrModules(value: string): boolean[][] | null {
  try {
    const code = generate(value, { modes, minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M })
    const rows: boolean[][] = []
    for (let y = 0; y < code.size; y += 1) {
      const row: boolean[] = []
      for (let x = 0; x < code.size; x += 1) row.push(code.get(x, y))
      rows.push(row)
    }
    return rows
  } catch {
    return null
  }
}

function cssColor(argb: number): string {
  return `#${(argb & 0xffffff).toString(16).padStart(6, '0')}`
}

/**
 * A QR code drawn once into a canvas texture: dark on white with its quiet zone, whole pixels per
 * module so a phone camera reads it from the sofa (at least 400 px on the 1080 stage).
 */
export class QrCode extends Lightning.Component<QrCodeTemplateSpec> implements Lightning.Component.ImplementTemplateSpec<QrCodeTemplateSpec> {
  private qrValue = ''
  private sizePx = 440

  static override _template(): Lightning.Component.Template<QrCodeTemplateSpec> {
    return { Code: {} }
  }

  get value(): string {
    return this.qrValue
  }

  set value(value: string) {
    if (value === this.qrValue) return
    this.qrValue = value
    this.render()
  }

  get size(): number {
    return this.sizePx
  }

  set size(value: number) {
    this.sizePx = value
    this.render()
  }

  private render(): void {
    const modules = this.qrValue ? qrModules(this.qrValue) : null
    const code = this.tag('Code')
    if (!code) return
    if (!modules) {
      code.patch({ texture: null, visible: false })
      return
    }
    const total = modules.length + quietZone * 2
    const cell = Math.max(1, Math.floor(this.sizePx / total))
    const px = cell * total
    const factory = (cb: (err: Error | null, canvas?: HTMLCanvasElement) => void, stage: Lightning.Stage): void => {
      const canvas = (stage.platform as unknown as { getDrawingCanvas(): HTMLCanvasElement }).getDrawingCanvas()
      canvas.width = px
      canvas.height = px
      const ctx = canvas.getContext('2d')
      if (!ctx) {
        cb(new Error('no 2d context'))
        return
      }
      ctx.fillStyle = cssColor(colors.qrLight)
      ctx.fillRect(0, 0, px, px)
      ctx.fillStyle = cssColor(colors.qrDark)
      modules.forEach((row, r) => {
        row.forEach((dark, c) => {
          if (dark) ctx.fillRect((c + quietZone) * cell, (r + quietZone) * cell, cell, cell)
        })
      })
      cb(null, canvas)
    }
    code.patch({
      visible: true,
      x: Math.floor((this.sizePx - px) / 2),
      y: Math.floor((this.sizePx - px) / 2),
      w: px,
      h: px,
      texture: Lightning.Tools.getCanvasTexture(factory, `qr:${px}:${this.qrValue}`),
    })
  }
}
