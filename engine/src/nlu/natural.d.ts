// Type declarations for the few deep modules of `natural` the NLU imports. The package's own types
// cover only its top-level entry, which the engine must not load (slow start-up, reads .env).

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_ru.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_ru.js' {
  export const words: string[];
}
