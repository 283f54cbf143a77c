import { currentTokens } from '../theme/current'
import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { activationSteps, expiresIn, reminderDue, SENTENCE_PAUSE_MS } from '../model/spoken'
import { PageTicker } from './page-ticker'
import { Button } from '../components/Button'
import { CodeBox } from '../components/CodeBox'
import { chromeTemplate, placeBrand, type ChromeSpec } from '../components/PageChrome'
import { QrCode } from '../components/QrCode'
import { Row } from '../components/Row'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import type { ActivationView } from '../model/views'
import { copy, countdown } from '../copy'

interface ActivationTemplateSpec extends Lightning.Component.TemplateSpec, ChromeSpec {
  view: ActivationView | undefined
  Step1: { Num: { N: object }; Label: object; Url: { UrlText: object } }
  Step2: { Num: { N: object }; Label: object }
  CodeBox: typeof CodeBox
  Qr: { Card: object; Code: typeof QrCode; Caption: object }
  Actions: typeof Row
  Waiting: { Dots: { D0: object; D1: object; D2: object }; Text: object }
  Timer: { Label: object; Value: object }
}

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

const qrCard = 500
/** Width reserved for the countdown value ("29:59" at the timer size). */
const timerSlot = 84
const qrSize = 440

/** Each dot's alpha through one 1.5 s wave, in 250 ms steps; the next dot is a step behind. */
const WAVE = [1, 0.75, 0.5, 0.25, 0.5, 0.75] as const
const WAVE_STEP_MS = 250

function dot(i: number): object {
  return { x: i * 28, w: 18, h: 18, texture: Lightning.Tools.getRoundRect(18, 18, 9, 0, 0, true, colors.accent) }
}

function stepNumber(n: string): object {
  return {
    w: 60,
    h: 60,
    texture: Lightning.Tools.getRoundRect(60, 60, 30, 0, 0, true, colors.surface2),
    N: { x: 30, y: 32, mount: 0.5, text: textOf(type.stepNumber, n, colors.text) },
  }
}

/**
 * No profile (docs/architecture.md "Screens"): the activation address as text, the code large and letter-spaced,
 * a QR code of the address with the code filled in, a countdown in server time, "Get a new code".
 * The page owns a 1 s ticker for the countdown and a 250 ms one for the waiting dots, started on
 * activation and cleared when it leaves.
 */
export class ActivationPage
  extends Lightning.Component<ActivationTemplateSpec, PageConfig>
  implements Lightning.Component.ImplementTemplateSpec<ActivationTemplateSpec>
{
  private activationView: ActivationView | undefined
  /** What voice guidance last knew of the code (undefined: nothing yet on this visit). */
  private spoken: { readonly code: string; readonly expired: boolean; readonly left: number } | undefined
  private readonly ticker = new PageTicker(() => this.tick())
  /**
   * The waiting dots' wave in 250 ms steps, not as 60 fps animations: the viewer may sit on this
   * screen for many minutes, and each frame Lightning draws is main-thread time the polls, the
   * countdown and a 2018 TV's remote handling share (docs/architecture.md "Time").
   */
  private readonly wave = new PageTicker(() => this.waveStep(), WAVE_STEP_MS)
  private wavePhase = 0

  static override _template(): Lightning.Component.Template<ActivationTemplateSpec> {
    return {
      ...chromeTemplate(),
      Step1: {
        x: layout.marginX,
        y: 380,
        Num: stepNumber('1'),
        Label: { x: 80, y: 30, mountY: 0.5, text: textOf(type.body, copy.activation.step1, colors.text) },
        Url: { x: 180, y: 0, h: 60, UrlText: { x: 20, y: 30, mountY: 0.5, text: textOf(type.bodyStrong, '', colors.text) } },
      },
      Step2: {
        x: layout.marginX,
        y: 466,
        Num: stepNumber('2'),
        Label: { x: 80, y: 30, mountY: 0.5, text: textOf(type.body, copy.activation.step2, colors.text) },
      },
      CodeBox: { type: CodeBox, x: layout.marginX + 80, y: 560 },
      Qr: {
        x: 1290,
        y: 250,
        Card: { w: qrCard, h: qrCard, texture: Lightning.Tools.getRoundRect(qrCard, qrCard, 28, 0, 0, true, colors.qrLight) },
        Code: { type: QrCode, x: (qrCard - qrSize) / 2, y: (qrCard - qrSize) / 2, size: qrSize },
        Caption: { x: qrCard / 2, y: qrCard + 26, mountX: 0.5, text: textOf(type.caption, copy.activation.scan, colors.text2) },
      },
      Actions: { type: Row, x: layout.marginX, y: 920, gap: 30, signals: { resized: 'placeWaiting' } },
      Waiting: {
        x: 520,
        y: 963,
        Dots: { y: -9, D0: dot(0), D1: dot(1), D2: dot(2) },
        Text: { x: 100, mountY: 0.5, text: textOf(type.caption, copy.activation.waiting, colors.text2, { wordWrapWidth: 900, maxLines: 1 }) },
      },
      // Right-aligned at the title-safe edge; the value has a fixed slot so nothing depends on
      // measuring text (a cached text texture does not report its size again).
      Timer: {
        x: layout.stageW - layout.marginX,
        y: 963,
        Label: { x: -timerSlot - 14, mountX: 1, mountY: 0.5, text: textOf(type.caption, copy.activation.expiresIn, colors.text2) },
        Value: { x: 0, mountX: 1, mountY: 0.5, text: textOf(type.timer, '', colors.text) },
      },
    } as Lightning.Component.Template<ActivationTemplateSpec>
  }

  get view(): ActivationView | undefined {
    return this.activationView
  }

  set view(value: ActivationView | undefined) {
    this.activationView = value
    this._update()
  }

  /** Voice guidance on entering the screen: the title, then where to go, the code spelled and its time. */
  announcement(): Announcement {
    const v = this.activationView
    if (!v) return [copy.activation.title]
    return [v.providerName ? copy.activation.titleWith(v.providerName) : copy.activation.title, { pause: SENTENCE_PAUSE_MS }, ...activationSteps(v)]
  }

  override _init(): void {
    placeBrand(this.tag('Brand.BrandA'), this.tag('Brand.BrandB'))
    this.tag('Subtitle')?.patch({ text: { text: copy.activation.subtitle } })
    // These listeners sit on the page's own children: they go with the page, nothing outlives it.
    // "Go to" and its address box sit side by side whatever the language's word length.
    const step1 = this.tag('Step1.Label')
    step1?.on('txLoaded', () => this.tag('Step1.Url')?.patch({ x: Math.round(80 + step1.renderWidth + 16) }))
    const urlText = this.tag('Step1.Url.UrlText')
    urlText?.on('txLoaded', () => {
      const w = Math.round(urlText.renderWidth + 40)
      this.tag('Step1.Url')?.patch({ w, texture: Lightning.Tools.getRoundRect(w, 60, 10, 0, 0, true, colors.surface) })
    })
    // The template is built once per class; the brand's accent is applied per instance.
    const accent = currentTokens().colors.accent
    for (const d of this.dots()) d?.patch({ texture: Lightning.Tools.getRoundRect(18, 18, 9, 0, 0, true, accent) })
    this.tag('Actions')?.setItems([{ ref: 'NewCode', type: Button, label: copy.activation.newCode }])
    this._update()
  }

  override _active(): void {
    this.ticker.start()
    this.wave.start()
    this.tick()
  }

  override _inactive(): void {
    this.spoken = undefined
    this.ticker.stop()
    this.wave.stop()
  }

  override _detach(): void {
    this.ticker.stop()
    this.wave.stop()
  }

  private dots(): (Lightning.Element | undefined)[] {
    return [this.tag('Waiting.Dots.D0'), this.tag('Waiting.Dots.D1'), this.tag('Waiting.Dots.D2')]
  }

  /** A calm wave through three dots (waiting, not loading): each a step behind the one before. */
  private waveStep(): void {
    this.wavePhase = (this.wavePhase + 1) % WAVE.length
    // Hidden (the code expired): nothing to draw.
    if (this.activationView?.expired) return
    this.dots().forEach((d, i) => d?.patch({ alpha: WAVE[(this.wavePhase - i + WAVE.length) % WAVE.length] }))
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tag('Actions')
  }

  /** The waiting line starts after the button, however long its label is in this language. */
  placeWaiting(buttonsW: number): void {
    this.tag('Waiting')?.patch({ x: layout.marginX + buttonsW + 48 })
  }

  $buttonPressed(ref: string): void {
    if (ref === 'NewCode' && this.newCodeReady()) this.fireAncestors('$intent', { type: 'newCode' })
  }

  /** Not while a code is being made, nor in the few seconds after one was (the flow ignores those too). */
  private newCodeReady(): boolean {
    const v = this.activationView
    return v !== undefined && !v.busy && v.now() >= v.newCodeAt
  }

  override _handleBack(): boolean | void {
    this.fireAncestors('$intent', { type: 'back' })
  }

  private tick(): void {
    const v = this.activationView
    if (!v) return
    const left = v.notAfter - v.now()
    this.remind(v, left)
    this.tag('Timer.Value')?.patch({ text: { text: v.expired || v.busy ? '' : countdown(left) } })
    this.tag('Timer')?.patch({ visible: !v.expired && !v.busy && v.code !== '' })
    const button = this.tag('Actions')?.items[0] as Button | undefined
    if (button) button.disabled = !this.newCodeReady()
  }

  /**
   * Said without a key press (voice guidance): a new code, spelled; the time left at 5 minutes and
   * at 1 minute, never on every tick; the code expiring. The first code is part of the screen's own
   * announcement.
   */
  private remind(v: ActivationView, left: number): void {
    const spoken = this.spoken
    this.spoken = { code: v.code, expired: v.expired, left }
    if (!spoken) return
    if (v.code !== '' && !v.expired && v.code !== spoken.code) {
      // The first code of this visit arrived after the screen was announced: the steps in full.
      const steps = spoken.code === '' ? activationSteps(v) : [copy.spoken.newCode, { spell: v.code }, { pause: SENTENCE_PAUSE_MS }, expiresIn(left)]
      this.fireAncestors('$announce', steps, 'polite')
      return
    }
    if (v.expired && !spoken.expired) {
      this.fireAncestors('$announce', [copy.activation.expired], 'polite')
      return
    }
    if (v.code === spoken.code && !v.expired && !v.busy && reminderDue(spoken.left, left) !== undefined)
      this.fireAncestors('$announce', [expiresIn(left)], 'polite')
  }

  /** The fixed words, again with every view: the TV's language may have changed since the page was built. */
  private words(): void {
    this.tag('Subtitle')?.patch({ text: { text: copy.activation.subtitle } })
    this.tag('Step1.Label')?.patch({ text: { text: copy.activation.step1 } })
    this.tag('Step2.Label')?.patch({ text: { text: copy.activation.step2 } })
    this.tag('Qr.Caption')?.patch({ text: { text: copy.activation.scan } })
    this.tag('Timer.Label')?.patch({ text: { text: copy.activation.expiresIn } })
    const button = this.tag('Actions')?.items[0] as Button | undefined
    if (button) button.label = copy.activation.newCode
  }

  private _update(): void {
    const v = this.activationView
    if (!v) return
    this.words()
    this.tag('Title')?.patch({
      text: { text: v.providerName ? copy.activation.titleWith(v.providerName) : copy.activation.title },
    })
    this.tag('Step1.Url.UrlText')?.patch({ text: { text: v.displayUrl } })
    const showCode = !v.expired && v.code !== ''
    this.tag('CodeBox')?.patch({ code: v.code || '·······', dimmed: !showCode })
    // No QR at all rather than a grey box: an expired code must not be scanned.
    this.tag('Qr')?.patch({ alpha: showCode ? 1 : 0 })
    this.tag('Qr.Code')?.patch({ value: showCode ? v.qrUrl : '' })
    const waiting = v.busy ? copy.activation.creating : v.expired ? copy.activation.expired : copy.activation.waiting
    this.tag('Waiting.Text')?.patch({ x: v.expired ? 0 : 100, text: { text: waiting, textColor: v.expired ? colors.warning : colors.text2 } })
    this.tag('Waiting.Dots')?.patch({ visible: !v.expired })
    this.tick()
  }
}
