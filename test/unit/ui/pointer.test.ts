import { collectHitTargets } from '../../../src/ui/pointer'
import type { HitElement } from '../../../src/ui/lightning/internals'

interface Node extends HitElement {
  readonly name: string
  readonly children: Node[]
}

const node = (name: string, props: { active?: boolean; collision?: unknown } = {}, children: Node[] = []): Node => ({
  name,
  active: props.active ?? true,
  collision: props.collision,
  children,
})

test('every active element with collision is a target, even under ancestors Lightning never marked', () => {
  // A Row already on screen when its tiles were added: neither it nor its page carries `collision`.
  const tree = [
    node('Page', {}, [
      node('Row', {}, [node('Tile1', { collision: true }), node('Tile2', { collision: true }), node('Hidden', { active: false, collision: true })]),
      node('Offscreen', { active: false }, [node('Inside', { collision: true })]),
    ]),
  ]

  const names = collectHitTargets([], tree).map((n) => (n as Node).name)

  expect(names).toEqual(['Tile2', 'Tile1'])
})

test('an element marked 2 (a descendant has collision) is searched but is no target itself', () => {
  const tree = [node('Row', { collision: 2 }, [node('Button', { collision: true })])]

  expect(collectHitTargets([], tree).map((n) => (n as Node).name)).toEqual(['Button'])
})
