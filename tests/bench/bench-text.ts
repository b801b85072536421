// Runs in: the benchmark script (Node). Deterministic news-like text: English sentences and
// Chinese sentences with punctuation, built from the benchmark vocabulary.
import { BENCH_VOCABULARY as V } from './bench-vocabulary';
import { seededRandom, type Random } from './seeded-random';

export class BenchText {
  readonly random: Random;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  /** About `words` English words in sentences of 8 to 20 words. */
  englishParagraph(words: number): string {
    const sentences: string[] = [];
    let left = words;
    while (left > 0) {
      const length = Math.min(left, this.random.int(8, 20));
      sentences.push(this.englishSentence(length));
      left -= length;
    }
    return sentences.join(' ');
  }

  englishSentence(words: number): string {
    const parts: string[] = [];
    for (let i = 0; i < words; i++) {
      let word = this.random.zipf(V.englishWords);
      if (i === 0) word = word[0]!.toUpperCase() + word.slice(1);
      if (i > 2 && i < words - 2 && this.random.next() < 0.08) word += ',';
      parts.push(word);
    }
    return `${parts.join(' ')}.`;
  }

  /** About `chars` Chinese characters, in clauses separated by Chinese punctuation, ending in 。 */
  chineseParagraph(chars: number): string {
    let out = '';
    let count = 0;
    let clause = 0;
    const clauseLength = () => this.random.int(6, 18);
    let target = clauseLength();
    while (count < chars) {
      const word = this.random.zipf(V.chineseWords);
      out += word;
      count += [...word].length;
      clause += [...word].length;
      if (count >= chars) break;
      if (clause >= target) {
        out += this.random.next() < 0.35 ? '。' : this.random.pick(V.chinesePunctuation);
        clause = 0;
        target = clauseLength();
      }
    }
    return `${out}。`;
  }

  englishHeadline(): string {
    return this.englishSentence(this.random.int(6, 10)).slice(0, -1);
  }

  chineseHeadline(): string {
    return this.chineseParagraph(this.random.int(10, 16)).slice(0, -1);
  }
}
