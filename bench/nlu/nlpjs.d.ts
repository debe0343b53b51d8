// Just enough of NLP.js's untyped API for the comparison.
declare module '@nlpjs/nlp' {
  interface NlpResult {
    intent: string;
    score: number;
    /** Every intent with its score, best first (present when the classifier ran). */
    classifications?: { intent: string; score: number }[];
  }
  export class Nlp {
    constructor(settings: Record<string, unknown>);
    use(plugin: unknown): void;
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
  }
  const nlpjs: { Nlp: typeof Nlp };
  export default nlpjs;
}
declare module '@nlpjs/lang-en-min' {
  const lang: { LangEn: unknown };
  export default lang;
}
declare module '@nlpjs/lang-ru' {
  const lang: { LangRu: unknown };
  export default lang;
}
