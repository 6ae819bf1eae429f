import type { Article } from "../../core/article";
import { hasLetterOrDigit } from "../../core/text";

/**
 * Dutch readers average about 220 words a minute on screen (Dutch words run longer than
 * English ones, so the usual 230–250 for English would promise too little time).
 */
export const WORDS_PER_MINUTE = 220;

/** The text a reader actually reads: notes about blocked embeds and image alt texts are not counted. */
function readableTexts(article: Article): string[] {
  const texts = [article.title, article.intro ?? ""];
  for (const block of article.blocks) {
    if (block.type === "figure") texts.push(block.caption ?? "");
    else if (block.type === "list") texts.push(...block.items);
    else if (block.type !== "embed") texts.push(block.text);
  }
  return texts;
}

/** A word holds a letter or a digit; a lone dash or quote is not one. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(hasLetterOrDigit).length;
}

/** Whole minutes, at least 1: "0 min" reads as broken. */
export function readingMinutes(article: Article): number {
  const words = readableTexts(article).reduce((sum, t) => sum + countWords(t), 0);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
