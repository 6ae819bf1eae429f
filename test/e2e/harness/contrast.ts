/**
 * Text contrast of the rendered reading view, measured on the computed colours in the
 * browser (WCAG 2 relative luminance). axe-core leaves colour contrast "incomplete" inside
 * the view's fixed, self-scrolling shadow tree (it finds no element stack for the text), so
 * this check stands in for that one rule; axe still runs every other rule.
 */

export interface ContrastFailure {
  text: string;
  ratio: number;
  required: number;
  fg: string;
  bg: string;
}

/** Runs in the page (`Tab.inView`): every element with its own visible text, against its nearest opaque background. */
export function lowContrastText(root: ShadowRoot | null): ContrastFailure[] {
  if (!root) throw new Error("no reading view");
  const parse = (css: string): number[] | null => {
    const m = css.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
  };
  const luminance = ([r, g, b]: number[]) => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
  };
  const background = (el: Element): string => {
    for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
      const bg = getComputedStyle(node).backgroundColor;
      if (parse(bg)?.[3] === 1) return bg;
      if (node === document.documentElement) break;
    }
    return "rgb(255, 255, 255)";
  };
  const failures: ContrastFailure[] = [];
  for (const el of Array.from(root.querySelectorAll("*"))) {
    const ownText = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? "")
      .join("")
      .trim();
    const rect = el.getBoundingClientRect();
    if (!ownText || rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden") continue;
    const fg = parse(style.color);
    const bgCss = background(el);
    const bg = parse(bgCss);
    if (!fg || !bg) {
      failures.push({ text: ownText.slice(0, 40), ratio: 0, required: 4.5, fg: style.color, bg: bgCss });
      continue;
    }
    const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const required = large ? 3 : 4.5;
    if (ratio < required) failures.push({ text: ownText.slice(0, 40), ratio: Math.round(ratio * 100) / 100, required, fg: style.color, bg: bgCss });
  }
  return failures;
}
