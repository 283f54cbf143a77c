/**
 * What voice guidance reads from the component tree (docs/architecture.md "Voice guidance"): each
 * focusable control names itself (name, role, state), each page says what it is and what to do, and
 * a control in a row says where it sits ("2 of 3").
 */
import type { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../core'
import { copy } from './copy'
import { Row } from './components/Row'

/** A focusable control: its name, role and state, from the copy tables. */
export interface Accessible {
  accessibleName(): Announcement
}

/** A page (or a dialog): its title and what to do there, without the focused control. */
export interface Announcing {
  announcement(): Announcement
  /** False while what the page would say is still arriving (provider names): the App waits for the next view, or a key. */
  announcementReady?(): boolean
}

export function isAccessible(value: unknown): value is Accessible {
  return typeof (value as Partial<Accessible> | null)?.accessibleName === 'function'
}

export function isAnnouncing(value: unknown): value is Announcing {
  return typeof (value as Partial<Announcing> | null)?.announcement === 'function'
}

/** The focused control (the nearest accessible component on the focus path's end) and its place in its row. */
export function focusedAnnouncement(focused: Lightning.Component | null | undefined): Announcement {
  let node: Lightning.Element | null | undefined = focused
  while (node && !isAccessible(node)) node = node.parent
  if (!node || !isAccessible(node)) return []
  const row = node.parent?.parent
  if (row instanceof Row && row.items.length > 1) {
    const index = row.items.indexOf(node as unknown as Lightning.Component)
    if (index >= 0) return [...node.accessibleName(), copy.spoken.position(index + 1, row.items.length)]
  }
  return node.accessibleName()
}
