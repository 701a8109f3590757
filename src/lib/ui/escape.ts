/**
 * Esc closes one thing: the topmost overlay. A shell's own Esc (closing the narrative) runs only
 * when no dialog, open "Layers and legend" panel or chooser took the key first.
 */

/**
 * Gives an Esc keypress to the open overlay it belongs to, if any, and says whether one took it.
 * A native `<dialog>` closes itself; the layers panel is folded here, focus back on its summary.
 */
export function overlayTookEscape(event: KeyboardEvent): boolean {
  if (event.defaultPrevented) return true;
  if (document.querySelector('dialog[open]')) return true;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('.chooser')) return true;
  const panel = document.querySelector<HTMLDetailsElement>('details.layer-panel[open]');
  if (panel) {
    panel.open = false;
    panel.querySelector('summary')?.focus();
    return true;
  }
  return false;
}
