/**
 * `npm run compare [-- --markdown]`: Leesrust's extraction next to Mozilla Readability
 * (Firefox Reader View) on every fixture that has an expected article. Token precision,
 * recall and F1 against the expected article text, and junk strings left in.
 */
import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import { extract } from "../src/core/index";
import { listFixtures, parseFixture } from "./lib/fixtures";
import { articleText, countJunk, DPG_JUNK, scoreTokens, summarize, type Scores } from "./lib/metrics";

interface ToolResult extends Scores {
  junk: number;
}

interface Row {
  name: string;
  readability: ToolResult;
  leesrust: ToolResult;
}

function measure(expected: string, actual: string): ToolResult {
  return { ...scoreTokens(expected, actual), junk: countJunk(actual, expected, DPG_JUNK) };
}

/** Tags Reader View shows as blocks of their own; its textContent glues them together without a space. */
const BLOCK_BOUNDARY = /<(\/?)(p|div|h[1-6]|li|ul|ol|figure|figcaption|blockquote|section|article|header|footer|table|tr|td|th|pre|br)\b/gi;

function readabilityText(doc: Document): string {
  // Readability rewrites the document it is given; it gets a copy of its own.
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  if (!parsed?.content) return "";
  const shown = new JSDOM(`<body>${parsed.content.replace(BLOCK_BOUNDARY, "\n<$1$2")}</body>`).window.document.body;
  return [parsed.title ?? "", shown.textContent ?? ""].join("\n");
}

function leesrustText(doc: Document, url: string): string {
  const result = extract(doc, url);
  return result.ok ? articleText(result.article) : "";
}

function compare(): Row[] {
  const rows: Row[] = [];
  for (const fixture of listFixtures()) {
    const article = fixture.expected.article;
    if (!article) continue;
    const expected = articleText(article);
    const doc = parseFixture(fixture);
    rows.push({
      name: fixture.name,
      leesrust: measure(expected, leesrustText(doc, fixture.expected.url)),
      readability: measure(expected, readabilityText(doc)),
    });
  }
  return rows;
}

const pct = (v: number) => (Number.isNaN(v) ? "–" : v.toFixed(3));
const COLUMNS = ["Fixture", "Readability P", "R", "F1", "junk", "Leesrust P", "R", "F1", "junk"];

function cells(r: ToolResult): string[] {
  return [pct(r.precision), pct(r.recall), pct(r.f1), String(r.junk)];
}

function summaryRows(rows: Row[]): string[][] {
  const tools = ["readability", "leesrust"] as const;
  const mean = ["**mean**"];
  const worst = ["**min** (junk: max)"];
  for (const t of tools) {
    for (const k of ["precision", "recall", "f1"] as const) {
      const s = summarize(rows.map((r) => r[t][k]));
      mean.push(pct(s.mean));
      worst.push(pct(s.min));
    }
    const j = summarize(rows.map((r) => r[t].junk));
    mean.push(j.mean.toFixed(1));
    worst.push(String(j.max));
  }
  return [mean, worst];
}

function render(rows: Row[], markdown: boolean): string {
  const body = rows.map((r) => [r.name, ...cells(r.readability), ...cells(r.leesrust)]);
  const all = [...body, ...summaryRows(rows)];
  if (markdown) {
    const line = (c: string[]) => `| ${c.join(" | ")} |`;
    return [line(COLUMNS), line(COLUMNS.map((_, i) => (i === 0 ? "---" : "---:"))), ...all.map(line)].join("\n");
  }
  const plain = (c: string) => c.replace(/\*\*/g, "");
  const widths = COLUMNS.map((h, i) => Math.max(h.length, ...all.map((row) => plain(row[i]!).length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? plain(v).padEnd(widths[i]!) : plain(v).padStart(widths[i]!))).join("  ");
  return [line(COLUMNS), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line), "", ...summaryRows(rows).map(line)].join("\n");
}

const rows = compare();
console.log(render(rows, process.argv.includes("--markdown")));
