/**
 * Dutch text → sentences, for reading aloud one sentence at a time (highlighted as it is read,
 * and short enough that no browser cuts an utterance off). A full stop ends a sentence unless
 * it ends an abbreviation ("o.a.", "dhr.", "sep.") or an initial ("J. de Vries"); quotes and
 * brackets after the stop belong to the sentence that ends there.
 */

export interface Sentence {
  /** UTF-16 offsets into the text, whitespace around the sentence left out. */
  start: number;
  end: number;
}

/** In lower case, without their final stop; those with inner stops are matched whole ("o.a"). */
const ABBREVIATIONS = new Set(
  (
    "bijv bv o.a d.w.z m.a.w enz etc dhr mevr mr dr drs prof ing ir nr ca resp incl excl jl a.s t.o.v i.v.m m.b.t e.d o.m vs blz st " +
    "min sec jan feb mrt apr jun jul aug sep sept okt nov dec ma di wo do vr za zo gem max tel zgn zg ong evt vnl p pag afb fig"
  ).split(" "),
);

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const CLOSERS = "\"'”’»)]";
/** What a new sentence may open with besides a capital or a digit: quotes, and "’s" ("’s Avonds"). */
const OPENERS = "\"'“‘„«(['’,";

/** Splits at sentence ends; text without one is one sentence. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let [s, e] = [start, end];
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) sentences.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "." && c !== "!" && c !== "?" && c !== "…") continue;
    let end = i + 1;
    while (end < text.length && ".!?…".includes(text[end]!)) end++;
    while (end < text.length && CLOSERS.includes(text[end]!)) end++;
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    let next = end;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    if (next >= text.length) break;
    if (!startsSentence(text[next]!)) continue;
    if (c === "." && end === i + 1 && isAbbreviation(text, i)) continue;
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return sentences;
}

function startsSentence(c: string): boolean {
  return OPENERS.includes(c) || (c.toLowerCase() !== c.toUpperCase() && c === c.toUpperCase()) || /\d/.test(c);
}

/** The word before the stop at `dot` is an abbreviation or an initial ("J.", "A.J."). */
function isAbbreviation(text: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && !/[\s(“‘„"']/.test(text[from - 1]!)) from--;
  const word = text.slice(from, dot);
  // Lower case, or capitalised at a sentence's start ("Bijv."): "VS." is the United States, not "vs.".
  const lowered = word.charAt(0).toLowerCase() + word.slice(1);
  return ABBREVIATIONS.has(lowered) || /^\p{Lu}(\.\p{Lu})*$/u.test(word);
}
