/**
 * Command-line extraction with the same core as the content script:
 *   npm run --silent extract -- FILE.html [--format json|text] [--url URL]
 * Exit 0 with the article, 3 when the page has no article on offer, 2 for usage or file errors.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { assess, type Article } from "../core/index";
import type { EmbedBlock } from "../core/article";
import { pageUrl } from "../core/metadata";

const USAGE = `Usage: npm run --silent extract -- FILE.html [--format json|text] [--url URL]

Prints the article Leesrust would show for a saved DPG Media page.
  --format json   {"detected": {...}, "bestEffort": false, "article": {...}} (default;
                  bestEffort: the page fits no known layout and was read around its placeholders)
  --format text   title, intro and one block per paragraph
  --url URL       the page's address (default: its canonical link, og:url, else the file)
Exit status: 0 article extracted, 3 no article on offer (reason on stderr), 2 usage or file error.`;

class UsageError extends Error {}

interface Options {
  file: string;
  format: "json" | "text";
  url: string | null;
}

function parseArgs(args: string[]): Options | "help" {
  let file: string | null = null;
  let format: Options["format"] = "json";
  let url: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === "--help" || name === "-h") return "help";
    else if (name === "--format") {
      const f = value();
      if (f !== "json" && f !== "text") throw new UsageError(`unknown format "${f}" (use json or text)`);
      format = f;
    } else if (name === "--url") {
      url = value();
      try {
        new URL(url);
      } catch {
        throw new UsageError(`not a valid URL: ${url}`);
      }
    } else if (name.startsWith("-") && name !== "-") throw new UsageError(`unknown option ${name}`);
    else if (file === null) file = arg;
    else throw new UsageError(`only one file, got "${file}" and "${arg}"`);
  }
  if (file === null) throw new UsageError("no file given");
  return { file, format, url };
}

/** A blocked post: the CLI has no notes of its own, only what the page revealed. */
function embedLine(block: EmbedBlock): string {
  return `[blocked ${block.kind}${block.url ? `: ${block.url}` : ""}]`;
}

function asText(article: Article): string {
  const parts = [article.title, article.intro, ...article.blocks.map((b) => (b.type === "embed" ? embedLine(b) : b.text))];
  return parts.filter((p): p is string => !!p).join("\n\n") + "\n";
}

async function main(args: string[]): Promise<number> {
  let options: Options | "help";
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`extract: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options === "help") {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  // `npm run` starts us in the package root; a relative path means the caller's directory.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), options.file);
  let html: string;
  try {
    html = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`extract: cannot read ${options.file}${code ? ` (${code})` : ""}\n`);
    return 2;
  }
  // Loaded only now, so usage and file errors answer at once.
  const { JSDOM } = await import("jsdom");
  const fileUrl = pathToFileURL(path).href;
  const parsed = new JSDOM(html, { url: options.url ?? fileUrl }).window.document;
  const url = options.url ?? pageUrl(parsed) ?? fileUrl;
  const doc = url === parsed.URL ? parsed : new JSDOM(html, { url }).window.document;
  const { detection, result } = assess(doc, url);
  if (!result.ok) {
    process.stderr.write(`extract: ${result.reason}\n`);
    return 3;
  }
  process.stdout.write(
    options.format === "text"
      ? asText(result.article)
      : JSON.stringify({ detected: detection, bestEffort: result.bestEffort, article: result.article }, null, 2) + "\n",
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
